:- module(areas,
          [ region/2,          % ?Region, ?Description
            with_place/2,      % +Place, :Goal
            attack_place/1,    % -Place
            area_condition/4   % +Covered, +Ally, +Place, -Note
          ]).

/** <module> Where an attack falls, and the treaty areas that cover it

A question may say where the attack happens (`who would defend Armenia
against Azerbaijan in Nagorno-Karabakh`).  The place is a state (its own
territory), a territory (entities:territory/4: a part of a state that a
question can name, with its holder and region: an overseas or outlying
territory such as the Falkland Islands, or a province of the holder's
territory proper such as Lombardy-Venetia in the Austrian Empire,
territories:integral_territory/1) or an issue (a disputed territory such
as Nagorno-Karabakh); `none` when the question does not say.

A clause condition area(Covered) limits the obligation to an area.
Covered lists `own_territory` (the attacked ally's own territory proper:
the ally itself named as the place, or no place named, since an attack
on a state is taken to fall on its territory, or one of the ally's own
provinces), regions (region/2): a territory is covered when it lies in a
listed region (its territory/4 region or territories:territory_region/2),
and restrictions within(Region): a named territory is covered only when
it also lies in Region.  within/1 is how a treaty limited to a part of
its members' lands is written: the German Confederation's Federal Act
(1815, Art. 11) guarantees the members' possessions "included in the
Confederation", and the Vienna Final Act (1820, Art. 46-47) leaves a war
over a member's lands outside the federal territory foreign to the
Confederation unless its Diet finds the federal territory in danger, so
its area is [own_territory, within(german_confederation)]: Saxony and
Bohemia are covered, Lombardy-Venetia, an Austrian crown land outside
the Confederation, is not.  When no place is named, or the ally itself,
within/1 does not restrict: every party to such a treaty holds lands in
its area (that is what membership of the Confederation was), and the
question does not say the attack fell outside them.  A disputed territory
or another state's territory is covered by none of these.  So the CSTO's Article
IV, area([own_territory]), binds for an attack on Armenia but not in
Nagorno-Karabakh, as Russia and the CSTO said in October 2020; NATO's
Article 5, area([own_territory, north_atlantic_islands]), covers the
parties' territory and the North Atlantic islands north of the Tropic of
Cancer (Article 6), not the Falkland Islands.

Example:
==
?- with_place(nagorno_karabakh, rules:obligated(russia, armenia, azerbaijan, 20201015, B)).
false.
==

The place is the question's, not the clause's: it is held in a global
variable for the extent of one question (with_place/2) and read by the
area condition alone, so that rules:obligated/5 and every caller keep
their arity (user rules' factor/6 and the defence matrix among them).
*/

:- use_module(entities, [territory/4]).
:- use_module(territories, [integral_territory/1, territory_region/2]).
:- use_module(library(lists)).

:- meta_predicate with_place(+, 0).

%! region(?Region, ?Description) is nondet.
%
%  The regions a territory lies in and an area condition may name.
%  north_atlantic_islands is NATO Article 6's "islands under the
%  jurisdiction of any of the Parties in the North Atlantic area north of
%  the Tropic of Cancer".
region(europe,                 "Europe").
region(north_america,          "North America").
region(north_atlantic_islands, "islands in the North Atlantic north of the Tropic of Cancer").
region(mediterranean,          "the Mediterranean Sea").
region(caribbean,              "the Caribbean").
region(south_america,          "South America").
region(south_atlantic,         "the South Atlantic").
region(africa,                 "Africa").
region(asia,                   "Asia").
region(indian_ocean,           "the Indian Ocean").
region(pacific,                "the Pacific").
% The federal territory (Bundesgebiet) of the German Confederation,
% 1815-1866: the members' possessions included in the Confederation
% (Federal Act 1815, Art. 1 and 11; Vienna Final Act 1820, Art. 1, 46-47).
% Austria's and Prussia's other lands lay outside it (Lombardy-Venetia,
% Hungary, Galicia, East and West Prussia, Posen), and so did Schleswig.
region(german_confederation,   "the federal territory of the German Confederation (1815-1866)").

%! with_place(+Place, :Goal) is semidet.
%
%  Runs Goal (once) as a question about an attack that falls in Place
%  (a state, territory or issue id, or `none`).  The place is restored
%  to `none` however Goal ends, so no later question sees it.
with_place(Place, Goal) :-
    must_be(atom, Place),
    setup_call_cleanup(nb_setval(casus_attack_place, Place),
                       once(Goal),
                       nb_setval(casus_attack_place, none)).

%! attack_place(-Place) is det.
%
%  The place of the attack the current question asks about; `none` when
%  it says none.
attack_place(Place) :-
    (   nb_current(casus_attack_place, P) -> Place = P ; Place = none ).

%! area_condition(+Covered, +Ally, +Place, -Note) is semidet.
%
%  An attack on Ally in Place falls within Covered (see the module
%  header); Note says what was checked, for `why`: `none` when no place
%  was named (the question's plain meaning, an attack on the ally's own
%  territory), else covered(Place).
area_condition(Covered, _, none, none) :- !,
    memberchk(own_territory, Covered).
area_condition(Covered, Ally, Ally, covered(Ally)) :- !,
    memberchk(own_territory, Covered).
area_condition(Covered, Ally, Place, covered(Place)) :-
    territory(Place, _, Holder, _),
    (   member(Region, Covered), atom(Region), lies_in(Place, Region)
    ->  true
    ;   Holder == Ally, integral_territory(Place), memberchk(own_territory, Covered)
    ),
    forall(member(within(Area), Covered), lies_in(Place, Area)).

%! lies_in(+Territory, ?Region) is nondet.
%
%  Territory lies in Region: the region entities:territory/4 gives it, or
%  a further one (territories:territory_region/2, such as the federal
%  territory of the German Confederation for Bohemia, which lay in Europe
%  as well).
lies_in(T, R) :- territory(T, _, _, R).
lies_in(T, R) :- territory_region(T, R).
