:- module(memo,
          [ memo/3,             % +Key, ?Value, :Goal
            without_memo/1,     % :Goal
            memo_entries/1      % -Count
          ]).

/** <module> Tables kept across questions while the store stays the same

A `who would defend` question reads much that does not depend on the
pair it asks about: each state's side profile on the date, the ally's
crisis profile, the parties a treaty binds on the date, the factors
that point at one state on one side.  Two thousand questions over the
article's thirteen states read each of these again and again.  memo/3
keeps each one, under a key that names everything it depends on besides
the store (the state, the treaty, the date, the attack's place where it
matters), for as long as the store's generation (store:generation/1)
stays the same: any add, end, withdrawal, undo, definition, replay,
import or snapshot load makes another generation, and the tables of the
one before are dropped at the next lookup.

Example:
==
?- memo(side_profile(ally, armenia, 20151231), P,
        rules:side_profile(ally, armenia, 20151231, P)).
==

The tables live in a trie (SWI-Prolog's tries are not clauses: a
question runs in snapshot/1, which takes back every clause it asserts,
and rule_guard:kb_untouched/0 refuses a question that changed casus's
own predicates).  A `suppose` changes the store inside the question's
snapshot: its generation is another one, never handed out before
(store:changed/0), so its tables are never read as the real world's,
and the real world's are made again after it.

A value is a copy: Goal's answer is stored as it was when found (ground
terms here), and a lookup copies it out.  Goal runs once; if it raises
(a time limit, an interrupt), nothing is stored.
*/

:- use_module(store, [generation/1]).
% Imported, not autoloaded: the saved state then holds it, and the first
% question of every process does not load it (60M instructions).
:- use_module(library(terms), [term_size/2]).

:- meta_predicate memo(+, ?, 0), without_memo(0).

%! memo(+Key, ?Value, :Goal) is semidet.
%
%  Value is what once(Goal) binds it to in the store as it stands: from
%  the tables when Key was found in this generation, else by running
%  Goal and keeping Value under Key.  Key must be ground and name every
%  input of Goal that is not in the store.  Fails if Goal fails (nothing
%  is kept: callers memoize det goals).
memo(Key, Value, Goal) :-
    (   nb_current(casus_memo_off, true)
    ->  once(Goal)
    ;   tables(T, Count),
        (   trie_lookup(T, Key, V)
        ->  Value = V
        ;   once(Goal),
            keep(T, Count, Key, Value)
        )
    ).

%  keep(+Trie, +Count, +Key, +Value): Count is count(Entries, Cells), a
%  term inside the global casus_memo, updated in place (nb_setarg/3):
%  flag/3 takes a mutex on every call, which was 6% of a question asked
%  for the first time (finding 29).
keep(T, Count, Key, Value) :-
    (   trie_insert(T, Key, Value)
    ->  arg(1, Count, N0), N is N0 + 1, nb_setarg(1, Count, N),
        term_size(Key, KS), term_size(Value, VS),
        arg(2, Count, C0), C is C0 + KS + VS, nb_setarg(2, Count, C),
        max_cells(Max),
        (   C >= Max
        ->  nb_setval(casus_memo, none)   % start over at the next lookup
        ;   true
        )
    ;   true                              % kept meanwhile (a nested call)
    ).

%  tables(-Trie, -Count): the trie of the store's generation, a new one
%  when the generation changed since the last lookup, and its
%  count(Entries, Cells).
tables(T, Count) :-
    generation(G),
    (   nb_current(casus_memo, tables(G0, T0, Count0)), G0 == G
    ->  T = T0, Count = Count0
    ;   (   nb_current(casus_memo, tables(_, Old, _)) -> trie_destroy(Old) ; true ),
        trie_new(T),
        nb_setval(casus_memo, tables(G, T, count(0, 0))),
        nb_getval(casus_memo, tables(_, _, Count))   % the global's own term, not the copy
    ).

%  set_cells_kept(+Cells): the tests move the count of cells near the cap.
set_cells_kept(Cells) :-
    tables(_, Count),
    nb_setarg(2, Count, Cells).

%  max_cells(-Cells): the tables start over once the keys and values kept
%  in them add up to this many cells (term_size/2, 8 bytes each), so a
%  long session over many dates (or `casus backtest`, which asks about
%  every war's dates) does not grow without end.  Every ordered pair of
%  the article's 13 states on one date keeps 978 entries of 1.32M cells
%  (~10 MB, the 156 whole answers nearly all of it; the per-state and
%  per-treaty tables alone 137,000 cells, ~1.1 MB): 16M cells (128 MB,
%  a twelfth of a question's default memory cap of 1,536 MB) hold a dozen
%  such dates with their answers, a hundred without.  Starting over costs
%  the next questions their tables again, never an answer.
max_cells(16000000).


%! without_memo(:Goal) is semidet.
%
%  Runs Goal once with no table read or kept (the tests compare its
%  answers with memo/3's).
without_memo(Goal) :-
    (   nb_current(casus_memo_off, Off) -> true ; Off = false ),
    setup_call_cleanup(nb_setval(casus_memo_off, true),
                       once(Goal),
                       nb_setval(casus_memo_off, Off)).

%! memo_entries(-Count) is det.
%
%  How many entries the tables of the current generation hold.
memo_entries(N) :-
    (   nb_current(casus_memo, tables(G, _, count(N0, _))), generation(G)
    ->  N = N0
    ;   N = 0
    ).
