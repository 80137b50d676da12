:- module(export_dyads,
          [ export_states/1,     % -States
            export_treaties/1    % -Treaties
          ]).

/** <module> What `export dyads` reads: the state system and every obligation spell

The dyad-year export (engine/src/export_dyads.cpp) writes a row per
directed pair of states in the system each year, with the ATOP-style
obligations of the first toward the second at any time in the year and
on a reference day.  Asked pair by pair and day by day that is millions
of questions; but an obligation changes only where a spell begins or
ends.  So the engine reads, once for the whole export, every state with
its COW spells and every treaty with an obligation clause, its parties
and exemptions with their spans, and intersects the spans itself.

The spans are the store's (store:spell/5): curated, imported and added
facts alike, a dated retract closing a span as it does for holds/3.
*/

:- use_module(entities).
:- use_module(store).
:- use_module(state_system, [kb_data_file/2]).
:- use_module(library(lists)).
:- use_module(library(apply)).
% Imported lazily (autoload/2): the alliance-level file is read when this file
% is compiled (linked_atop_kinds below), so library(csv) and the
% libraries it loads (record, predicate_options, ...) stay out of the
% saved state, which every start reads.
:- autoload(library(csv), [csv_read_file/3]).

%! linked_kind(?Treaty, ?Kind) is nondet.
%
%  ATOP codes obligation Kind for the alliance linked to curated Treaty
%  (entities:atop_alliance/2), whose own clauses need not list it: the
%  curated NATO has Article 5 (defence) and Article 4 (consultation),
%  while ATOP 3180 also codes nonagg=1 (Article 1).  The importer leaves
%  a curated treaty's clauses as they are, so the export's ATOP-style
%  columns take these from the shipped alliance-level file, read when the
%  kb is compiled; a kb without the file has none.
:- discontiguous term_expansion/2.
term_expansion(linked_atop_kinds, Clauses) :-
    catch(kb_data_file('atop/atop-alliance-level.csv', File), error(existence_error(_, _), _), fail),
    !,
    csv_read_file(File, [Header|Rows], [match_arity(false), convert(true), strip(true)]),
    Header =.. [_|Names],
    findall(linked_kind(T, Kind),
            ( member(Row, Rows), Row =.. [_|Cells],
              nth1(I, Names, atopid), nth1(I, Cells, Id),
              atop_alliance(T, Id),
              atop_column(Col, Kind), nth1(J, Names, Col), nth1(J, Cells, 1) ),
            Clauses0),
    sort(Clauses0, Clauses).
term_expansion(linked_atop_kinds, []).

atop_column(defense, defence).
atop_column(offense, offence).
atop_column(neutral, neutrality).
atop_column(nonagg, non_aggression).
atop_column(consul, consultation).

:- dynamic linked_kind/2.   % none at all in a kb without the ATOP files
linked_atop_kinds.

%! export_states(-States) is det.
%
%  States = [s(Id, Cow, Spells), ...]: every state with a COW code and
%  its COW spells (entities:state_spells/2: From-To, both days
%  included; To = 99991231 while still in the system).  A state without
%  a COW spell is left out: the export is of the COW state system.
export_states(States) :-
    findall(s(S, Cow, Spells),
            ( state(S, _, Cow), integer(Cow), state_spells(S, Spells), Spells \== [] ),
            States).

%! export_treaties(-Treaties) is det.
%
%  Treaties = [t(Treaty, InForce, Kinds, Parties, Exempts), ...], one
%  per treaty with a clause of an ATOP obligation kind:
%
%    - Kinds: the sorted obligation kinds its clauses create, of
%      defence, offence, neutrality, non_aggression, consultation;
%    - Parties: p(State, From, To), a span [From, To) in which State is
%      bound (a party/2 spell, or a member/2 spell of the treaty's
%      organisation: rules:bound/4's two routes);
%    - Exempts: e(State, Kind, From, To), a span in which State's own
%      commitment has no obligation of Kind (exempt/3).
export_treaties(Treaties) :-
    findall(T-K, ( clause(T, _, _, K, _, _), atop_kind(K) ; linked_kind(T, K) ), TK0),
    sort(TK0, TK),
    group_kinds(TK, ByTreaty),
    findall(t(T, InForce, Kinds, Parties, Exempts),
            ( member(T-Kinds, ByTreaty),
              treaty(T, _, Org, _, InForce),
              parties(T, Org, Parties),
              Parties \== [],
              findall(e(S, K, F, To), spell(exempt(S, T, K), F, To, _, _), Exempts)
            ),
            Treaties).

atop_kind(defence).
atop_kind(offence).
atop_kind(neutrality).
atop_kind(non_aggression).
atop_kind(consultation).

group_kinds([], []).
group_kinds([T-K|Rest], [T-[K|Ks]|Groups]) :-
    same_treaty(T, Rest, Ks, Rest1),
    group_kinds(Rest1, Groups).

same_treaty(T, [T-K|Rest], [K|Ks], Rest1) :- !, same_treaty(T, Rest, Ks, Rest1).
same_treaty(_, Rest, [], Rest).

parties(T, Org, Parties) :-
    findall(p(S, F, To),
            (   spell(party(S, T), F, To, _, _)
            ;   Org \== none, spell(member(S, Org), F, To, _, _)
            ),
            Parties).
