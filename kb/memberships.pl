:- module(memberships, [membership_spell/5]).

/** <module> Memberships of the curated organisations, with their dates

Each membership spell is valid from its first day up to, not including,
its last (99991231 = still in force).  A state may have several spells
(Uzbekistan in the CSTO).  Dates are those of the event that made a
state bound: deposit of the instrument of accession for NATO, signature
of the treaty (as ATOP codes it) for the CSTO, entry into force for the
EEU.  The alternative ATOP codings (signature dates for NATO) stay in
the ATOP import, each with its own source.
*/

:- multifile facts:kb_fact/4.

%! membership_spell(?State, ?Organisation, ?From, ?To, ?Source) is nondet.
membership_spell(S, nato, From, To, source(Ref, Quote)) :-
    nato_accession(S, From),
    ( nato_succeeded(S, To, _) -> true ; To = 99991231 ),
    Ref = "NATO, \"Member countries\" (accession = deposit of the instrument of accession; founders: entry into force of the treaty)",
    format(string(Quote), "~w joined NATO on ~w", [S, From]).
membership_spell(S, nato, From, 99991231, source(Ref, Quote)) :-
    nato_succeeded(Before, From, S),
    Ref = "Treaty on the Final Settlement with Respect to Germany (Moscow, 12 September 1990), Art. 6; German unification on 3 October 1990 (COW: the German Federal Republic, 260, to 1990-10-02; Germany, 255, from 1990-10-03)",
    format(string(Quote), "~w continues the NATO membership of ~w from ~w", [S, Before, From]).
membership_spell(S, csto, From, To, source(Ref, Quote)) :-
    csto_spell(S, From, To, Ref, Quote).
membership_spell(S, cctss, From, To, source(Ref, Quote)) :-
    cctss_spell(S, From, To, Ref, Quote).
membership_spell(S, eeu, From, To, source(Ref, Quote)) :-
    eeu_spell(S, From, To, Ref, Quote).

facts:kb_fact(member(S, O), From, To, Source) :-
    membership_spell(S, O, From, To, Source).

% NATO accessions (NATO, "Member countries" and "Enlargement").
nato_accession(belgium,        19490824).
nato_accession(canada,         19490824).
nato_accession(denmark,        19490824).
nato_accession(france,         19490824).
nato_accession(iceland,        19490824).
nato_accession(italy,          19490824).
nato_accession(luxembourg,     19490824).
nato_accession(netherlands,    19490824).
nato_accession(norway,         19490824).
nato_accession(portugal,       19490824).
nato_accession(united_kingdom, 19490824).
nato_accession(united_states,  19490824).
nato_accession(greece,         19520218).
nato_accession(turkey,         19520218).
nato_accession(german_federal_republic, 19550506).
nato_accession(spain,          19820530).
nato_accession(czech_republic, 19990312).
nato_accession(hungary,        19990312).
nato_accession(poland,         19990312).
nato_accession(bulgaria,       20040329).
nato_accession(estonia,        20040329).
nato_accession(latvia,         20040329).
nato_accession(lithuania,      20040329).
nato_accession(romania,        20040329).
nato_accession(slovakia,       20040329).
nato_accession(slovenia,       20040329).
nato_accession(albania,        20090401).
nato_accession(croatia,        20090401).
nato_accession(montenegro,     20170605).
nato_accession(north_macedonia, 20200327).
nato_accession(finland,        20230404).
nato_accession(sweden,         20240307).

% A member state that another continues (its membership passing on).
nato_succeeded(german_federal_republic, 19901003, germany).

% CSTO: the 1992 signatories (Tashkent, 15 May 1992), the 1993
% accessions, the 1999 non-renewals (the treaty's first five-year term
% ended 20 April 1999; the renewal protocol of 2 April 1999 was not
% signed by Azerbaijan, Georgia and Uzbekistan), Uzbekistan's return
% and its suspension.
csto_spell(S, 19920515, 99991231, "Collective Security Treaty, signed Tashkent 15 May 1992; ATOP 4.01 atopid 4220", "signatory of 15 May 1992") :-
    member(S, [armenia, kazakhstan, kyrgyzstan, russia, tajikistan]).
csto_spell(uzbekistan, 19920515, 19990420, "Collective Security Treaty, signed 15 May 1992; not renewed by the protocol of 2 April 1999 (ATOP 4220 exit 1999-04-20)", "signatory of 15 May 1992, left when the first term ended").
csto_spell(azerbaijan, 19930924, 19990420, "Accession 24 September 1993; not renewed in 1999 (ATOP 4220: 1993-09-24 to 1999-04-20)", "acceded 24 September 1993, left 20 April 1999").
csto_spell(georgia, 19931209, 19990420, "Accession 9 December 1993; not renewed in 1999", "acceded 9 December 1993, left 20 April 1999").
csto_spell(belarus, 19931231, 99991231, "Accession 31 December 1993", "acceded 31 December 1993").
csto_spell(uzbekistan, 20060623, 20121219, "Restored membership at the CSTO Minsk session of 23 June 2006; suspended by the CSTO Council decision of 19 December 2012", "returned 2006, suspended 2012").

% CCTSS (Turkic Council, since 2021 the Organization of Turkic States).
cctss_spell(S, 20091003, 99991231, "Nakhchivan Agreement of 3 October 2009 founding the CCTSS", "founding member") :-
    member(S, [azerbaijan, kazakhstan, kyrgyzstan, turkey]).
cctss_spell(uzbekistan, 20191015, 99991231, "Uzbekistan joined at the Baku summit of 15 October 2019", "joined 15 October 2019").

% Eurasian Economic Union (treaty of 29 May 2014, in force 1 January 2015).
eeu_spell(S, 20150101, 99991231, "Treaty on the Eurasian Economic Union, in force 1 January 2015", "founding member") :-
    member(S, [belarus, kazakhstan, russia]).
eeu_spell(armenia, 20150102, 99991231, "Treaty on Armenia's accession to the EEU, in force 2 January 2015", "joined 2 January 2015").
eeu_spell(kyrgyzstan, 20150812, 99991231, "Treaty on Kyrgyzstan's accession to the EEU, in force 12 August 2015", "joined 12 August 2015").

% Parties to the bilateral treaties (party/2 facts).
facts:kb_fact(party(S, russia_armenia_1997), 19980417, 99991231,
              source("Russia-Armenia treaty of 29 August 1997, in force 17 April 1998", "party to the bilateral treaty")) :-
    member(S, [russia, armenia]).
facts:kb_fact(party(S, shusha_declaration), 20220203, 99991231,
              source("Shusha Declaration of 15 June 2021, in force 3 February 2022", "party to the declaration on allied relations")) :-
    member(S, [azerbaijan, turkey]).
