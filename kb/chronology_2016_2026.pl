:- module(chronology_2016_2026, [chronology_fact/3, renamed/4]).
:- encoding(utf8).

/** <module> The 2016-2026 chronology, encoded by hand

Each fact below was read off one row of
../shared/data/events/chronology-2016-2026.csv (kb/chronology_rows.pl holds
the rows verbatim; a row is cited by its line in the CSV) and checked by
hand against the row's summary and quote.  The fact's source is the row's
source, prefixed with "chronology line N: ", and its quote the row's quote.
Rows not encoded are listed with the reason in kb/README-chronology.md.

row(Line, Fact, Options): Fact is valid from the row's date (a month or a
year from its first day, as article.pl dates the article's claims) unless
Options holds on(Date); to(Date) closes the spell (the end of an attack,
a stance replaced); `reported` or `alleged` marks a weak row (an anonymous
or unconfirmed report, a date worked out from "on Monday" wording, an
allegation a party denies): its source then begins with that word, and
kb/crises.pl weighs such evidence half (crises:reported_scale/1).

Event ids: an attack/4 fact defines its event (kb/crises.pl
crisis_event/5).  Where the rows do not say who attacked (each side
blamed the other: Tavush 2020, the Kyrgyz-Tajik clashes), the attack is
encoded both ways and marked reported.  The two Karabakh wars and the
strikes on Armenia are encoded with Azerbaijan as the attacker, the
actor the rows name first; the 2016 and 2020 rows themselves do not say
who began the fighting.
*/

:- use_module(chronology_rows).
:- use_module(library(lists)).

:- multifile facts:kb_fact/4.
:- discontiguous row/2, row_/3.

facts:kb_fact(F, From, To, source(Src, Quote)) :-
    chronology_fact(F, From-To, source(Src, Quote)).

%! chronology_fact(?Fact, ?Span, ?Source) is nondet.
%
%  Span = From-To of an encoded fact, Source = source(Text, Quote).
chronology_fact(F, From-To, source(Src, Quote)) :-
    row(Line, F, Opts),
    chronology_row(Line, Date, _, Src0, Quote),
    ( memberchk(on(From), Opts) -> true ; From = Date ),
    ( memberchk(to(To), Opts) -> true ; To = 99991231 ),
    (   memberchk(reported, Opts) -> Prefix = "reported: "
    ;   memberchk(alleged, Opts) -> Prefix = "alleged: "
    ;   Prefix = ""
    ),
    format(string(Src), "~wchronology line ~d: ~w", [Prefix, Line, Src0]).

row(Line, F, []) :- row(Line, F).
row(Line, F, Opts) :- row_(Line, F, Opts).

%! renamed(?Organisation, ?NewName, ?Date, ?Line) is nondet.
%
%  Organisation took NewName on Date (chronology line Line).  Its id and
%  every alias stay (entities.pl has "Organization of Turkic States" and
%  "OTS" as aliases of cctss), so facts before and after the renaming are
%  one organisation's.
renamed(cctss, "Organization of Turkic States", 20211112, 86).

%% 2016: the Four-Day War.
row(3, complaint(armenia, csto, nagorno_karabakh)).          % Russia and other CSTO states sell Azerbaijan weapons
row(4, reaction(belarus, four_day_war_2016, restraint)).
row(5, response(csto, four_day_war_2016, concern)).           % a call for a ceasefire only
row_(6, attack(four_day_war_2016, azerbaijan, armenia, nagorno_karabakh), [to(20160405)]).  % ended by the ceasefire of line 8
row_(7, response(turkey, four_day_war_2016, sided_with_attacker), [reported]).  % date worked out from "on Monday"
row(9, reaction(kyrgyzstan, four_day_war_2016, restraint)).
row(10, response(turkey, four_day_war_2016, sided_with_attacker)).
row(11, reaction(kazakhstan, four_day_war_2016, restraint)).  % moved the EEU meeting out of Yerevan
row(12, complaint(armenia, eeu, nagorno_karabakh)).           % EEU partners who refused to come undermined it
row(14, complaint(armenia, eeu, nagorno_karabakh)).           % Kazakhstan's commitment as an ally questioned again
%% 2019-2020: S-400, Tavush, the 44-day war.
row(25, tie(turkey, russia, military)).                       % the S-400 purchase
row(29, exercise(azerbaijan, turkey, tavush_clashes_2020)).
row_(30, attack(tavush_clashes_2020, azerbaijan, armenia, own_territory), [reported]).  % each side blamed the other
row_(30, attack(tavush_clashes_2020, armenia, azerbaijan, own_territory), [reported]).
row(33, response(csto, tavush_clashes_2020, concern)).
row_(36, response(turkey, karabakh_war_2020, sided_with_attacker), [alleged]).  % a recruit's account of Syrian fighters
row(37, reaction(kazakhstan, karabakh_war_2020, restraint)).
row(38, response(turkey, karabakh_war_2020, sided_with_attacker)).
row_(39, attack(karabakh_war_2020, azerbaijan, armenia, nagorno_karabakh), [to(20201110)]).  % to the ceasefire of line 63
row_(40, response(turkey, karabakh_war_2020, sided_with_attacker), [alleged]).  % the F-16 claim Turkey denied
row(41, reaction(tajikistan, karabakh_war_2020, restraint)).
row(42, reaction(russia, karabakh_war_2020, restraint)).
row(44, response(csto, karabakh_war_2020, concern)).
row_(45, response(turkey, karabakh_war_2020, sided_with_attacker), [reported]).  % SOHR report of mercenaries
row(46, response(france, karabakh_war_2020, concern)).
row_(47, response(turkey, karabakh_war_2020, sided_with_attacker), [reported]).  % combat involvement unproven
row(48, reaction(belarus, karabakh_war_2020, restraint)).     % says it armed neither side
row_(49, response(turkey, karabakh_war_2020, sided_with_attacker), [reported]).  % Bayraktars; date worked out from "on the Monday"
row(51, response(russia, karabakh_war_2020, refusal)).        % the CSTO obligations do not cover Karabakh
row(53, response(russia, karabakh_war_2020, mediation)).      % the humanitarian ceasefire of 10 October
row(54, solidarity(cctss, azerbaijan, karabakh_war_2020)).
row(55, solidarity(cctss, azerbaijan, karabakh_war_2020)).
row(56, response(russia, karabakh_war_2020, refusal)).        % assistance only if fighting reaches Armenia itself
row(57, request(armenia, russia, karabakh_war_2020, russia_armenia_1997, article_2)).
row(60, solidarity(cctss, azerbaijan, karabakh_war_2020)).
row_(61, response(turkey, karabakh_war_2020, sided_with_attacker), [alleged]).  % Pashinyan's claim, dismissed by Erdogan
row(62, attack(mi24_shootdown_2020, azerbaijan, russia, armenian_territory)).
% Line 64: the peacekeepers deployed under the ceasefire Russia brokered,
% between the sides, not on the ally's side: mediation, not help.
row(64, response(russia, karabakh_war_2020, mediation)).
%% 2021: Kyrgyz-Tajik clashes, Syunik, Afghanistan.
row_(73, attack(golovnoy_clashes_2021, kyrgyzstan, tajikistan, kyrgyz_tajik_border), [reported, to(20210430)]).  % ceasefire of line 72
row_(73, attack(golovnoy_clashes_2021, tajikistan, kyrgyzstan, kyrgyz_tajik_border), [reported, to(20210430)]).
row(74, response(csto, golovnoy_clashes_2021, concern)).
row(75, solidarity(cctss, kyrgyzstan, golovnoy_clashes_2021)).
row(76, response(csto, syunik_incursion_2021, refusal)).      % no joint statement in support of Armenia
row(77, attack(syunik_incursion_2021, azerbaijan, armenia, own_territory)).
row(78, response(csto, syunik_incursion_2021, concern)).
row(79, request(armenia, csto, syunik_incursion_2021, collective_security_treaty, article_2)).
row_(80, request(armenia, csto, syunik_incursion_2021, collective_security_treaty, article_2), [reported]).  % "said on Friday"
row(81, request(tajikistan, csto, afghan_border_2021, collective_security_treaty, unspecified)).
row(82, response(csto, afghan_border_2021, concern)).         % assistance promised "if the situation deteriorates"
row(83, exercise(tajikistan, csto, afghan_border)).
row_(87, tie(india, armenia, military), [reported]).          % contracts "reportedly" signed
%% 2022: Kazakhstan, Ukraine, September strikes, Batken.
row(89, request(kazakhstan, csto, kazakhstan_unrest_2022, collective_security_treaty, article_4)).
row(90, response(csto, kazakhstan_unrest_2022, troops)).
row(91, response(russia, kazakhstan_unrest_2022, troops)).
row(91, response(belarus, kazakhstan_unrest_2022, troops)).
row(91, response(armenia, kazakhstan_unrest_2022, troops)).
row(91, response(kyrgyzstan, kazakhstan_unrest_2022, troops)).
row(91, response(tajikistan, kazakhstan_unrest_2022, troops)).
row(99, party(russia, russia_azerbaijan_2022)).
row(99, party(azerbaijan, russia_azerbaijan_2022)).
row(100, reaction(kazakhstan, ukraine_invasion_2022, restraint)).  % no part in the Russian operation
row(102, attack(ukraine_invasion_2022, russia, ukraine, own_territory)).
row(102, response(belarus, ukraine_invasion_2022, sided_with_attacker)).  % the invasion launched from its territory
row_(103, reaction(kazakhstan, ukraine_invasion_2022, restraint), [reported]).  % NBC, anonymous officials; denied (line 104)
row(106, reaction(kazakhstan, ukraine_invasion_2022, restraint)).  % no recognition of the "quasi-states"
row(108, response(csto, september_2022_strikes, refusal)).    % declined, fact-finding missions instead
row(109, attack(september_2022_strikes, azerbaijan, armenia, own_territory)).
row(110, response(csto, september_2022_strikes, mission)).
row(111, response(russia, september_2022_strikes, mediation)).  % a Russian-mediated ceasefire only
row(112, request(armenia, russia, september_2022_strikes, russia_armenia_1997, article_2)).
row(113, request(armenia, csto, september_2022_strikes, collective_security_treaty, article_4)).
row_(114, attack(batken_clashes_2022, kyrgyzstan, tajikistan, kyrgyz_tajik_border), [reported, to(20220918)]).  % 14-17 September (line 117)
row_(114, attack(batken_clashes_2022, tajikistan, kyrgyzstan, kyrgyz_tajik_border), [reported, to(20220918)]).
row(115, response(csto, september_2022_strikes, mission)).
row(116, response(csto, batken_clashes_2022, concern)).
row(117, response(csto, batken_clashes_2022, concern)).       % "we do not take out any sword from the scabbard"
row(122, response(belarus, september_2022_strikes, refusal)).  % Lukashenko opposed any CSTO intervention
row(122, response(csto, september_2022_strikes, refusal)).    % the statement gave Armenia no support or aid
row(124, solidarity(cctss, kyrgyzstan, batken_clashes_2022)).
row(125, complaint(armenia, csto, nagorno_karabakh)).         % without an assessment, a "green light" to Azerbaijan
row_(127, attack(lachin_blockade_2022, azerbaijan, armenia, nagorno_karabakh), [reported]).  % "self-described environmental activists"
%% 2023: the freeze approaches.
row(133, complaint(armenia, csto, nagorno_karabakh)).         % "the CSTO is leaving Armenia"
row(138, backs(uzbekistan, azerbaijan, nagorno_karabakh)).    % Kyrgyzstan's is held since 2015 (article ¶4)
row(141, exercise(armenia, united_states, peacekeeping)).
row(151, tie(france, armenia, military)).                     % radars and air defence
row(157, complaint(armenia, csto, nagorno_karabakh)).         % boycott of the Minsk summit
row(158, complaint(armenia, csto, nagorno_karabakh)).         % CSTO actions not in Armenia's interests
%% 2024: the freeze, the new treaties.
row(165, suspended(armenia, csto)).
row_(179, response(russia, karabakh_war_2020, sided_with_attacker), [alleged]).  % "two CSTO member states"
row_(179, response(belarus, karabakh_war_2020, sided_with_attacker), [alleged]).
row(179, complaint(armenia, csto, nagorno_karabakh)).
row(181, complaint(armenia, csto, nagorno_karabakh)).         % a "bubble alliance"; "we will leave"
row(185, party(russia, russia_dprk_partnership_2024)).
row(185, party(north_korea, russia_dprk_partnership_2024)).
row_(190, response(north_korea, ukraine_invasion_2022, sided_with_attacker), [reported]).  % US officials
row(196, party(russia, russia_belarus_guarantees_2024)).
row(196, party(belarus, russia_belarus_guarantees_2024)).
row(197, attack(azal_shootdown_2024, russia, azerbaijan, russian_airspace)).
row(202, party(armenia, us_armenia_charter_2025)).
row(202, party(united_states, us_armenia_charter_2025)).
row(203, party(russia, russia_iran_partnership_2025)).
row(203, party(iran, russia_iran_partnership_2025)).
%% 2025: the peace process, the NATO airspace incidents.
row_(209, stance(armenia, armenia_azerbaijan_peace, text_agreed), [to(20250808)]).
row_(209, stance(azerbaijan, armenia_azerbaijan_peace, text_agreed), [to(20250808)]).
row(217, response(north_korea, ukraine_invasion_2022, sided_with_attacker)).  % troops in Kursk, confirmed by Pyongyang
row(225, stance(armenia, armenia_azerbaijan_peace, initialled)).
row(225, stance(azerbaijan, armenia_azerbaijan_peace, initialled)).
row(231, attack(polish_airspace_drones_2025, russia, poland, own_territory)).
