:- module(store,
          [ holds/3,            % ?Fact, +Date, -Leaf
            spell/5,            % ?Fact, ?From, ?To, ?Source, ?Origin
            materialize_curated/0,
            add_fact/5,         % +Id, +Fact, +From, +Source, +Recorded
            end_fact/4,         % +Fact, +Date, +Source, +Recorded
            withdraw_fact/2     % +Fact, -Count
          ]).

/** <module> Facts over time: the curated kb and what analysts add

Every fact has a validity span [From, To) of YYYYMMDD integers
(99991231 = open).  Curated facts come from the kb files
(facts:kb_fact/4); added facts come from the journal the engine replays
at start and appends to as analysts `add` and `retract`.  Nothing is
overwritten: a dated retract closes a span, it does not delete it.

holds/3 is the one way the rules read facts; it honours symmetric kinds
(tie/3, rivalry/2, conflict/3 hold in both directions).
*/

:- use_module(schema).
:- use_module(library(lists)).

:- multifile facts:kb_fact/4.
:- dynamic facts:kb_fact/4.

%  spell_(Kind, Fact, From, To, Source, Origin): one validity span.
%  Origin is `kb` or added(Id, Recorded).  Kind first, for indexing.
:- dynamic spell_/6.

%! materialize_curated is det.
%
%  Copy the curated facts into the indexed spell table.  Called once
%  after the kb is loaded.
materialize_curated :-
    retractall(spell_(_, _, _, _, _, kb)),
    forall(facts:kb_fact(F, From, To, Src),
           ( functor(F, K, _), assertz(spell_(K, F, From, To, Src, kb)) )).

%! spell(?Fact, ?From, ?To, ?Source, ?Origin) is nondet.
spell(F, From, To, Src, Origin) :-
    (   nonvar(F) -> functor(F, K, _) ; true ),
    spell_(K, F, From, To, Src, Origin).

%! holds(?Fact, +Date, -Leaf) is nondet.
%
%  Fact holds on Date; Leaf = leaf(Fact, Source, From) is the evidence.
holds(F, D, leaf(F, Src, From)) :-
    functor(F, K, _),
    (   symmetric_kind(K)
    ->  (   spell_(K, F, From, To, Src, _)
        ;   swap(F, G), G \= F, spell_(K, G, From, To, Src, _)
        )
    ;   spell_(K, F, From, To, Src, _)
    ),
    From =< D, D < To.

swap(tie(A, B, K), tie(B, A, K)).
swap(rivalry(A, B), rivalry(B, A)).
swap(conflict(A, B, I), conflict(B, A, I)).

same_fact(F, F).
same_fact(F, G) :- swap(F, G).

%! add_fact(+Id, +Fact, +From, +Source, +Recorded) is det.
%
%  Record Fact as valid from From.  Raises casus_overlap if the same
%  fact already holds over an overlapping span (e.g. a second
%  membership spell overlapping the first).
add_fact(Id, F, From, Src, Recorded) :-
    check_fact(F),
    (   same_fact(F, G), spell(G, F0, T0, _, _), From < T0
    ->  throw(error(casus_overlap(G, F0, T0), _))
    ;   true
    ),
    functor(F, K, _),
    assertz(spell_(K, F, From, 99991231, Src, added(Id, Recorded))).

%! end_fact(+Fact, +Date, +Source, +Recorded) is det.
%
%  Fact stops holding from Date: the spell that holds on the day before
%  is closed at Date.  Raises casus_not_held if no spell holds then.
%  The closed spell keeps its own source and origin; when the retract
%  was recorded is kept in the engine's journal.
end_fact(F, Date, _Src, _Recorded) :-
    check_fact(F),
    functor(F, K, _),
    (   same_fact(F, G),
        clause(spell_(K, G, From, To, S0, O), true, Ref),
        From < Date, Date < To
    ->  erase(Ref),
        assertz(spell_(K, G, From, Date, S0, O))
    ;   throw(error(casus_not_held(F, Date), _))
    ).

%! withdraw_fact(+Fact, -Count) is det.
%
%  Withdraw every added spell of Fact (an undated retract: the fact was
%  entered by mistake).  Curated facts are never withdrawn; raises
%  casus_not_added when there is nothing added to withdraw.
withdraw_fact(F, N) :-
    check_fact(F),
    functor(F, K, _),
    findall(Ref, ( same_fact(F, G),
                   clause(spell_(K, G, _, _, _, added(_, _)), true, Ref) ), Refs),
    length(Refs, N),
    (   N =:= 0
    ->  (   spell(F, _, _, _, kb)
        ->  throw(error(casus_curated(F), _))
        ;   throw(error(casus_not_added(F), _))
        )
    ;   maplist(erase, Refs)
    ).
