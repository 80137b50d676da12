:- module(entities,
          [ state/3,          % ?Id, ?Name, ?CowCode
            alias/2,          % ?Alias, ?Id
            organisation/2,   % ?Id, ?Name
            treaty/5,         % ?Id, ?Name, ?Organisation, ?Signed, ?InForce
            clause/6,         % ?Treaty, ?Clause, ?Title, ?Obligation, ?Conditions, ?Source
            issue/2,          % ?Id, ?Name
            event/5,          % ?Id, ?Name, ?Date, ?Attacker, ?Victim
            event_title/2,    % ?Id, ?Name
            declaration/3,    % ?Id, ?Title, ?Date
            threat/3,         % ?Id, ?Name, ?Origin
            territory/4,      % ?Id, ?Name, ?Holder, ?Region
            entity_source/2,  % ?Id, ?Source
            atop_alliance/2,  % ?Treaty, ?AtopId
            in_system/2,      % +State, +Date
            state_spells/2,   % +State, -Spells
            dated_name/4,     % ?Text, ?State, ?FromYear, ?ToYear
            atop_name/3,      % ?AtopId, ?Name, ?Source
            atop_data_end/1,  % -Date
            atop_in_kb/0
          ]).

/** <module> The things casus knows by name

States, organisations, treaties and their clauses, issues, events,
declarations and threats.  Facts that hold over time (memberships, ties,
positions, ...) are in the topic files (memberships.pl, article.pl,
treaties.pl) and refer to these by id.

Ids are lowercase ASCII snake_case of the common English short name.
Aliases (capitals used as metonyms, former names, demonyms, COW
abbreviations) are matched case-insensitively by the engine.

Dates are integers YYYYMMDD throughout the kb, so they compare with the
ordinary arithmetic operators.

The predicates are dynamic so an import (ATOP, COW) can extend them.
*/

:- use_module(state_system).
:- use_module(library(apply)).
:- use_module(library(lists)).

% Imported lazily (autoload/2): its CSV files are read when this file is compiled, so library(csv) and the
% libraries it loads (record, predicate_options, ...) stay out of the
% saved state, which every start reads.
:- autoload(library(csv), [csv_read_file/3]).

:- dynamic state/3, alias/2, organisation/2, treaty/5, clause/6,
           issue/2, event/5, declaration/3, threat/3, entity_source/2, territory/4.
% Multifile too: a legacy snapshot.qlf of imported entities
% (snapshot:load_legacy_snapshot/1) is a compiled file that adds to them.
:- multifile state/3, alias/2, organisation/2, treaty/5, clause/6,
           issue/2, event/5, declaration/3, threat/3, entity_source/2, territory/4.

%! state(?Id, ?Name, ?CowCode) is nondet.
%
%  A state with its display name and Correlates of War country code
%  (COW state list 2016, ../shared/data/cow/states2016.csv).
state(united_states,   "United States",   2).
state(canada,          "Canada",          20).
state(united_kingdom,  "United Kingdom",  200).
state(netherlands,     "Netherlands",     210).
state(belgium,         "Belgium",         211).
state(luxembourg,      "Luxembourg",      212).
state(france,          "France",          220).
state(spain,           "Spain",           230).
state(portugal,        "Portugal",        235).
state(germany,         "Germany",         255).
state(poland,          "Poland",          290).
state(hungary,         "Hungary",         310).
state(czech_republic,  "Czech Republic",  316).
state(slovakia,        "Slovakia",        317).
state(italy,           "Italy",           325).
state(albania,         "Albania",         339).
state(montenegro,      "Montenegro",      341).
state(north_macedonia, "North Macedonia", 343).
state(croatia,         "Croatia",         344).
state(slovenia,        "Slovenia",        349).
state(greece,          "Greece",          350).
state(bulgaria,        "Bulgaria",        355).
state(moldova,         "Moldova",         359).
state(romania,         "Romania",         360).
state(russia,          "Russia",          365).
state(estonia,         "Estonia",         366).
state(latvia,          "Latvia",          367).
state(lithuania,       "Lithuania",       368).
state(ukraine,         "Ukraine",         369).
state(belarus,         "Belarus",         370).
state(armenia,         "Armenia",         371).
state(georgia,         "Georgia",         372).
state(azerbaijan,      "Azerbaijan",      373).
state(finland,         "Finland",         375).
state(sweden,          "Sweden",          380).
state(norway,          "Norway",          385).
state(denmark,         "Denmark",         390).
state(iceland,         "Iceland",         395).
state(iran,            "Iran",            630).
state(turkey,          "Turkey",          640).
state(afghanistan,     "Afghanistan",     700).
state(turkmenistan,    "Turkmenistan",    701).
state(tajikistan,      "Tajikistan",      702).
state(kyrgyzstan,      "Kyrgyzstan",      703).
state(uzbekistan,      "Uzbekistan",      704).
state(kazakhstan,      "Kazakhstan",      705).
state(china,           "China",           710).

%! alias(?Alias, ?Id) is nondet.
%
%  Alias is another name for state or organisation Id: the capital used
%  as a metonym (as the article does), a former or alternative name, a
%  demonym, or the COW abbreviation.
alias("Washington", united_states).      alias("USA", united_states).
alias("United States of America", united_states). alias("US", united_states).
alias("American", united_states).
alias("Ottawa", canada).                 alias("London", united_kingdom).
alias("Britain", united_kingdom).        alias("Great Britain", united_kingdom).
alias("UK", united_kingdom).             alias("British", united_kingdom).
alias("The Hague", netherlands).         alias("Holland", netherlands).
alias("Brussels", belgium).              alias("Paris", france).
alias("French", france).                 alias("Madrid", spain).
alias("Lisbon", portugal).               alias("Berlin", germany).
alias("West Germany", german_federal_republic). alias("Federal Republic of Germany", german_federal_republic).
alias("East Germany", german_democratic_republic). alias("GDR", german_democratic_republic).
alias("German", germany).                alias("Warsaw", poland).
alias("Polish", poland).                 alias("Budapest", hungary).
alias("Prague", czech_republic).         alias("Czechia", czech_republic).
alias("Bratislava", slovakia).           alias("Rome", italy).
alias("Tirana", albania).                alias("Podgorica", montenegro).
alias("Skopje", north_macedonia).        alias("Macedonia", north_macedonia).
alias("Zagreb", croatia).                alias("Ljubljana", slovenia).
alias("Athens", greece).                 alias("Greek", greece).
alias("Sofia", bulgaria).                alias("Chisinau", moldova).
alias("Bucharest", romania).             alias("Moscow", russia).
alias("Kremlin", russia).                alias("Russian Federation", russia).
alias("Russian", russia).                alias("Tallinn", estonia).
alias("Riga", latvia).                   alias("Vilnius", lithuania).
alias("Kyiv", ukraine).                  alias("Kiev", ukraine).
alias("Minsk", belarus).                 alias("Belarusian", belarus).
alias("Byelorussia", belarus).           alias("Yerevan", armenia).
alias("Armenian", armenia).              alias("Tbilisi", georgia).
alias("Georgian", georgia).              alias("Baku", azerbaijan).
alias("Azerbaijani", azerbaijan).        alias("Azeri", azerbaijan).
alias("Helsinki", finland).              alias("Stockholm", sweden).
alias("Oslo", norway).                   alias("Copenhagen", denmark).
alias("Reykjavik", iceland).             alias("Tehran", iran).
alias("Persia", iran).                   alias("Iranian", iran).
alias("Ankara", turkey).                 alias("Türkiye", turkey).
alias("Turkiye", turkey).                alias("Turkish", turkey).
alias("Kabul", afghanistan).             alias("Afghan", afghanistan).
alias("Ashgabat", turkmenistan).         alias("Dushanbe", tajikistan).
alias("Tajik", tajikistan).              alias("Bishkek", kyrgyzstan).
alias("Kirghizia", kyrgyzstan).          alias("Kyrgyz Republic", kyrgyzstan).
alias("Kyrgyz", kyrgyzstan).             alias("Tashkent", uzbekistan).
alias("Uzbek", uzbekistan).              alias("Astana", kazakhstan).
alias("Nur-Sultan", kazakhstan).         alias("Almaty", kazakhstan).
alias("Kazakh", kazakhstan).             alias("Beijing", china).
alias("Chinese", china).
% COW abbreviations of the curated states.
alias("RUS", russia).      alias("ARM", armenia).     alias("AZE", azerbaijan).
alias("BLR", belarus).     alias("KZK", kazakhstan).  alias("KYR", kyrgyzstan).
alias("TAJ", tajikistan).  alias("UZB", uzbekistan).  alias("TUR", turkey).
alias("GRG", georgia).     alias("UKG", united_kingdom). alias("FRN", france).
alias("GMY", germany).     alias("CHN", china).       alias("IRN", iran).
alias("TKM", turkmenistan).
% Organisations.
alias("Collective Security Treaty Organization", csto).
alias("Collective Security Treaty Organisation", csto).
alias("North Atlantic Treaty Organization", nato).
alias("North Atlantic Alliance", nato).
alias("Turkic Council", cctss).
alias("Organization of Turkic States", cctss).
alias("OTS", cctss).
alias("Cooperation Council of Turkic Speaking States", cctss).
alias("Eurasian Economic Union", eeu).
alias("EAEU", eeu).
% Places: an issue that is a disputed territory, and territories.
alias("Karabakh", nagorno_karabakh).     alias("Artsakh", nagorno_karabakh).
alias("Falklands", falkland_islands).    alias("Malvinas", falkland_islands).

%! organisation(?Id, ?Name) is nondet.
organisation(csto,  "Collective Security Treaty Organization").
organisation(nato,  "North Atlantic Treaty Organization").
organisation(cctss, "Cooperation Council of Turkic Speaking States").
organisation(eeu,   "Eurasian Economic Union").

%! treaty(?Id, ?Name, ?Organisation, ?Signed, ?InForce) is nondet.
%
%  A treaty, the organisation whose members are its parties (`none` for
%  a treaty whose parties are given by party/2 facts), the date it was
%  signed and the date it entered into force.
treaty(collective_security_treaty, "Collective Security Treaty (Tashkent, 1992)", csto, 19920515, 19940420).
treaty(north_atlantic_treaty, "North Atlantic Treaty (Washington, 1949)", nato, 19490404, 19490824).
treaty(nakhchivan_agreement, "Nakhchivan Agreement on the Establishment of the CCTSS", cctss, 20091003, 20101004).
treaty(eeu_treaty, "Treaty on the Eurasian Economic Union (Astana, 2014)", eeu, 20140529, 20150101).
treaty(russia_armenia_1997, "Russia-Armenia Treaty on Friendship, Cooperation and Mutual Assistance", none, 19970829, 19980417).
treaty(shusha_declaration, "Shusha Declaration on Allied Relations (Azerbaijan-Turkey)", none, 20210615, 20220203).

%! clause(?Treaty, ?Clause, ?Title, ?Obligation, ?Conditions, ?Source) is nondet.
%
%  A clause of Treaty and the obligation it creates, coded as ATOP codes
%  obligations: defence, offence, neutrality, non_aggression,
%  consultation (and `none` for a clause that obliges no security
%  action).  Conditions is a list, empty for an unconditional
%  obligation; the ATOP condition codes are adversary(States) (defcoadv),
%  location(Text) (defcoloc), conflict(Issue) (defcocon),
%  number_of_adversaries (defconum), demand (defcodem) and unprovoked
%  (defconpr); area(Covered) limits it to an area (areas.pl: `own_territory`
%  and regions), where casus checks the place a question names.
%! atop_alliance(?Treaty, ?AtopId) is nondet.
%
%  The curated treaty is ATOP 4.01 alliance AtopId: an ATOP import adds
%  its member rows to this treaty (as party/2 spells with ATOP's dates and
%  source) instead of creating a second treaty, so curated and ATOP
%  memberships meet and `why` shows which one an answer used.
atop_alliance(collective_security_treaty, 4220).
atop_alliance(north_atlantic_treaty, 3180).
% ATOP 4890: Russia and Armenia, signed 29 August 1997 (the curated treaty's
% date and parties; ATOP 4.01 atopid 4890, begin 1997-08-29).
atop_alliance(russia_armenia_1997, 4890).
% ATOP 1020: the German Confederation, 1815-1866 (kb/treaty_areas.pl: its
% defence clause is limited to the federal territory).
atop_alliance(german_confederation, 1020).
% ATOP 3130: the Brussels Treaty, 1948 (kb/treaty_areas.pl: an armed
% attack in Europe).
atop_alliance(brussels_treaty, 3130).

%! atop_data_end(-Date) is det.
%
%  The last day ATOP 4.01 covers: its alliances begin from 1815 to 2016
%  (the latest begyr of atop-alliance-level.csv is 2016), and an alliance
%  still in force at the end of the data is coded with no end (exit year
%  0), which the importer reads as in force from then on.
atop_data_end(20161231).

%! atop_in_kb is semidet.
%
%  The kb holds ATOP alliances (the default kb's atop_kb.pl, or an import
%  into the data directory): a treaty named atop_N.  The curated treaties
%  come first, so this reads a handful of clauses.
atop_in_kb :-
    treaty(T, _, _, _, _), sub_atom(T, 0, _, _, atop_), !.

clause(collective_security_treaty, article_4, "Article IV", defence, [area([own_territory])],
       "Collective Security Treaty, Art. IV: aggression against one member is aggression against all; ATOP 4220 defense=1, defcon=0. Area: the member's own territory, not Nagorno-Karabakh: Kremlin spokesman Peskov, 7 October 2020 (TASS, tass.com/world/1209687): \"the CSTO obligations do not cover Karabakh\"").
clause(collective_security_treaty, article_2, "Article II", consultation, [],
       "Collective Security Treaty, Art. II: joint consultations when security is threatened").
clause(north_atlantic_treaty, article_5, "Article 5", defence,
       [location("Europe or North America, as Article 6 defines"), area([own_territory, north_atlantic_islands])],
       "North Atlantic Treaty, Art. 5 and 6: an armed attack against one in Europe or North America is an attack against all; ATOP 3180 defcoloc=1. Area (Art. 6, as amended 1951): the territory of any Party in Europe or North America, the territory of Turkey, the islands under a Party's jurisdiction in the North Atlantic north of the Tropic of Cancer").
clause(north_atlantic_treaty, article_4, "Article 4", consultation, [],
       "North Atlantic Treaty, Art. 4: consultation when territorial integrity is threatened").
clause(nakhchivan_agreement, article_2, "Article 2", none, [],
       "Nakhchivan Agreement, Art. 2: goals of cooperation; no security obligation").
clause(eeu_treaty, article_4, "Article 4", none, [],
       "Treaty on the EEU, Art. 4: economic integration; no security obligation").
clause(russia_armenia_1997, article_2, "Article 2", defence, [area([own_territory])],
       "Russia-Armenia treaty of 29 August 1997, Art. 2: mutual assistance, including military, against an armed attack. Area: Armenia's own territory: Russian MFA statement of 31 October 2020 (TASS): \"Russia will provide all necessary assistance to Yerevan, if fighting spills over to the territory of Armenia\"").
clause(shusha_declaration, mutual_assistance, "Mutual assistance", defence, [],
       "Shusha Declaration of 15 June 2021: joint efforts and mutual assistance if either faces a threat or attack by a third state").

%! issue(?Id, ?Name) is nondet.
issue(nagorno_karabakh,     "Nagorno-Karabakh").
issue(caspian_legal_status, "the legal status of the Caspian Sea").
issue(su24_crisis,          "the Russian-Turkish crisis after the Su-24 shootdown").
issue(crimea,               "Crimea").
% Issues the curated positions name (article.pl ¶9, the chronology's peace
% talks), so that answers show them by name and not by id.
issue(international_terrorism, "international terrorism").
issue(armenia_azerbaijan_peace, "the Armenia-Azerbaijan peace agreement").

%! event(?Id, ?Name, ?Date, ?Attacker, ?Victim) is nondet.
event(su24_shootdown, "Turkish Air Force shoots down a Russian Su-24", 20151124, turkey, russia).

%! event_title(?Id, ?Name) is nondet.
%
%  The name of a crisis that the kb knows as an attack, a request or a
%  response (chronology_2016_2026.pl) rather than as an event/5: answers
%  show it by this name, not by its id.  The years are those of the
%  chronology's rows (chronology_rows.pl) that start each crisis; a
%  factor's detail adds the day where it has one.
event_title(four_day_war_2016,           "the 2016 Four-Day War").
event_title(tavush_clashes_2020,         "the 2020 Tavush border clashes").
event_title(karabakh_war_2020,           "the 2020 Nagorno-Karabakh war").
event_title(mi24_shootdown_2020,         "the 2020 shootdown of a Russian Mi-24 over Armenia").
event_title(golovnoy_clashes_2021,       "the 2021 Kyrgyz-Tajik border clashes at Golovnoy").
event_title(syunik_incursion_2021,       "the 2021 Azerbaijani incursion into Syunik").
event_title(afghan_border_2021,          "the 2021 crisis on the Tajik-Afghan border").
event_title(kazakhstan_unrest_2022,      "the January 2022 unrest in Kazakhstan").
event_title(ukraine_invasion_2022,       "the 2022 Russian invasion of Ukraine").
event_title(september_2022_strikes,      "the September 2022 Azerbaijani strikes on Armenia").
event_title(batken_clashes_2022,         "the 2022 Kyrgyz-Tajik border clashes in Batken").
event_title(lachin_blockade_2022,        "the 2022 blockade of the Lachin corridor").
event_title(azal_shootdown_2024,         "the 2024 downing of Azerbaijan Airlines flight 8243").
event_title(polish_airspace_drones_2025, "the 2025 Russian drone incursion into Polish airspace").

%! declaration(?Id, ?Title, ?Date) is nondet.
declaration(cctss_astana_2015, "CCTSS fifth summit resolution (Astana, September 2015)", 20150911).
declaration(rahmon_aliyev_2014, "Rahmon-Aliyev declaration (October 2014)", 20141001).

%! threat(?Id, ?Name, ?Origin) is nondet.
%
%  A threat and the state it comes from (`none` when it is no state).
threat(afghan_border, "threats from the southern border with Afghanistan, including an Islamic State incursion", afghanistan).

%! territory(?Id, ?Name, ?Holder, ?Region) is nondet.
%
%  A territory a state holds outside its own territory proper, with the
%  region it lies in (areas:region/2): a question may name it as the place
%  of an attack, and an area condition covers it by its region.  The
%  regions follow the territories' position against NATO Art. 6 (the
%  Tropic of Cancer, 23.4 N): Bermuda lies at 32 N in the North Atlantic,
%  the Falkland Islands at 52 S, Hawaii in the Pacific.
territory(falkland_islands, "Falkland Islands", united_kingdom, south_atlantic).
territory(bermuda,          "Bermuda",          united_kingdom, north_atlantic_islands).
territory(hawaii,           "Hawaii",           united_states,  pacific).

%! entity_source(?Id, ?Source) is nondet.
entity_source(su24_shootdown, source("article ¶2", "immediately following the Turkish Air Force’s shootdown of a Russian Sukhoi Su-24 in late November")).
entity_source(cctss_astana_2015, source("article ¶5", "At its fifth annual summit, held in Astana in September 2015, the CCTSS adopted a resolution")).
entity_source(rahmon_aliyev_2014, source("article ¶7", "In October 2014, Tajik President Emomali Rahmon and Azerbaijani President Ilham Aliyev issued a declaration")).
entity_source(afghan_border, source("article ¶7", "Tajikistan appears preoccupied with potential threats emanating from its southern border with Afghanistan")).

%! in_system(+State, +Date) is semidet.
%
%  State was a member of the state system on Date, as the COW state list
%  says (state_system:cow_spell/3); a state with no COW spell (no code, or
%  one the list lacks) is taken to exist on every date.
in_system(S, D) :-
    state(S, _, Cow),
    (   cow_spell(Cow, _, _)
    ->  cow_spell(Cow, From, To), From =< D, D =< To, !
    ;   true
    ).

%! state_spells(+State, -Spells) is det.
%
%  Spells = [From-To, ...], the state's COW spells in date order (both
%  days included; To = 99991231 for a state still in the system at the
%  end of the list); [] for a state without any.
state_spells(S, Spells) :-
    (   state(S, _, Cow)
    ->  findall(From-To, cow_spell(Cow, From, To), Spells0), msort(Spells0, Spells)
    ;   Spells = []
    ).

:- discontiguous term_expansion/2.

%  Every COW state the curated list above lacks, with the id, name and
%  abbreviation alias the ATOP importer gives it (state_system:cow_id/2),
%  so that the whole state system is known from the first start; an id
%  already taken gets the code as a suffix, as the importer does.
term_expansion(uncurated_cow_states, Clauses) :-
    findall(Cow-Abb-Name, ( cow_state(Cow, Abb, Name), \+ state(_, _, Cow) ), New),
    foldl(cow_state_clauses, New, []-[], _-Rev),
    reverse(Rev, Clauses0),
    append(Clauses0, Clauses).

cow_state_clauses(Cow-Abb-Name, Taken0-Acc, [Id|Taken0]-[Clauses|Acc]) :-
    cow_id(Name, Id0),
    (   ( memberchk(Id0, Taken0) ; entity_id(Id0) )
    ->  atomic_list_concat([Id0, '_', Cow], Id)
    ;   Id = Id0
    ),
    (   Abb == "" -> Clauses = [state(Id, Name, Cow)]
    ;   Clauses = [state(Id, Name, Cow), alias(Abb, Id)]
    ).

entity_id(Id) :- state(Id, _, _), !.
entity_id(Id) :- organisation(Id, _), !.
entity_id(Id) :- treaty(Id, _, _, _, _), !.
entity_id(Id) :- issue(Id, _), !.
entity_id(Id) :- event(Id, _, _, _, _), !.
entity_id(Id) :- declaration(Id, _, _), !.
entity_id(Id) :- threat(Id, _, _), !.
entity_id(Id) :- territory(Id, _, _, _), !.

uncurated_cow_states.

%! dated_name(?Text, ?State, ?FromYear, ?ToYear) is nondet.
%
%  A name as people write it ("USSR", "West Germany", "Ottoman Empire",
%  "ROC") for the state that bore it from FromYear to ToYear (9999: still
%  in use).  From data/state_names.csv (its README says how each row was
%  checked): one row per state where one name served several, so "ROC" is
%  the Republic of China on the mainland (COW 710) to 1949 and on Taiwan
%  (713) from 1949.  The engine resolves such a name to the state that bore
%  it on the question's date.
term_expansion(dated_state_names, Clauses) :-
    kb_data_file('state_names.csv', File),
    csv_read_file(File, [_Header|Rows], [match_arity(false), convert(true), strip(true), encoding(utf8)]),
    findall(C, ( member(Row, Rows), row_clause(Row, C) ), Clauses).

row_clause(Row, dated_name(Text, Id, From, To)) :-
    Row =.. [_, Name, Cow, From, To0|_],
    integer(Cow), integer(From), integer(To0),
    once(state(Id, _, Cow)),
    format(string(Text), "~w", [Name]),
    cow_data_end(End), EndYear is End // 10000,
    ( To0 >= EndYear -> To = 9999 ; To = To0 ).

dated_state_names.

%! atop_name(?AtopId, ?Name, ?Source) is nondet.
%
%  The common name of an ATOP alliance ("Treaty of Mutual Cooperation and
%  Security between the United States of America and Japan" for 3375),
%  with its source: data/treaty_names.csv, whose rows were checked against
%  the ATOP files (members and year: kb/data/tools/check_treaty_names.py).
%  The ATOP importer names a treaty by it; other alliances by their id,
%  year and first members.
term_expansion(atop_common_names, Clauses) :-
    kb_data_file('treaty_names.csv', File),
    csv_read_file(File, [_Header|Rows], [match_arity(false), convert(false), strip(true), encoding(utf8)]),
    findall(atop_name(Id, Name, Source),
            ( member(Row, Rows),
              Row =.. [_, IdA, NameA, _Short, _Signed, SourceA|_],
              atom_number(IdA, Id),
              atom_string(NameA, Name), atom_string(SourceA, Source) ),
            Clauses).

atop_common_names.
