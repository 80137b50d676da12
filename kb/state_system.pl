:- module(state_system,
          [ cow_spell/3,        % ?CowCode, ?From, ?To
            cow_state/3,        % ?CowCode, ?Abbreviation, ?Name
            cow_data_end/1,     % -Date
            cow_id/2,           % +Name, -Id
            kb_data_file/2      % +Relative, -File
          ]).

/** <module> The state system over time, as the Correlates of War define it

The COW state list (data/cow/states2016.csv beside this file, version
2016, copied unchanged) says when each state was a member of the
international state system: Germany (255) 1816-1945 and from 1990, the
German Federal Republic (260) 1955-1990, Czechoslovakia (315) 1918-1939
and 1945-1992, and so on; a state may have several spells.  A state is a
candidate defender, an ally or an attacker only on the dates of one of
its spells (entities:in_system/2).

The file is read when this module is compiled (the facts are part of the
compiled kb and the saved state; nothing reads the CSV at run time).

  - cow_spell(Cow, From, To): Cow was in the system from From to To,
    both days included (YYYYMMDD).  COW's data end on 2016-12-31: a
    spell that runs to that day is taken as open (To = 99991231), since
    those states went on existing; the coverage of the list itself is
    cow_data_end/1.
  - cow_state(Cow, Abbreviation, Name): the code's abbreviation and the
    name of its first row.

Example:
==
?- cow_spell(255, F, T).
F = 18160101, T = 19450508 ;
F = 19901003, T = 99991231.
==
*/

% Imported lazily (autoload/2): the COW list is read when this file is compiled, so library(csv) and the
% libraries it loads (record, predicate_options, ...) stay out of the
% saved state, which every start reads.
:- autoload(library(csv), [csv_read_file/3]).
:- use_module(library(apply)).
:- use_module(library(lists)).

%! cow_data_end(-Date) is det.
%
%  The last day the COW state list covers.
cow_data_end(20161231).

%! cow_id(+Name, -Id) is det.
%
%  The id casus gives a COW state it does not curate: the name in
%  snake_case (ASCII letters and digits, runs of anything else one `_`),
%  prefixed `state_` when it would not start with a letter.  The same rule
%  as the ATOP importer's (engine/src/atop_import.cpp, snake_id), so a
%  state created by an earlier import is the same state.
cow_id(Name, Id) :-
    string_codes(Name, Codes),
    id_codes(Codes, false, [], Out),
    (   Out = [C|_], between(0'a, 0'z, C)
    ->  atom_codes(Id, Out)
    ;   atom_codes(Suffix, Out), atom_concat(state_, Suffix, Id)
    ).

%  id_codes(+Codes, +Gap, +SoFar, -Out): Gap is true after a run of
%  characters that are no ASCII letter or digit.
id_codes([], _, _, []).
id_codes([C|Cs], Gap, SoFar, Out) :-
    (   ascii_alnum(C, L)
    ->  (   Gap == true, SoFar \== [] -> Out = [0'_, L|Rest] ; Out = [L|Rest] ),
        id_codes(Cs, false, [L|SoFar], Rest)
    ;   id_codes(Cs, true, SoFar, Out)
    ).

%  ascii_alnum(+Code, -Lower): an ASCII letter (lowered) or digit.
ascii_alnum(C, C) :- between(0'a, 0'z, C), !.
ascii_alnum(C, L) :- between(0'A, 0'Z, C), !, L is C + 32.
ascii_alnum(C, C) :- between(0'0, 0'9, C).

%  The facts, from the CSV, when this module is compiled.
term_expansion(cow_state_list, Clauses) :-
    kb_data_file('cow/states2016.csv', File),
    csv_read_file(File, [_Header|Rows], [match_arity(false), convert(true), strip(true)]),
    findall(cow_spell(Cow, From, To), ( member(Row, Rows), row_spell(Row, Cow, From, To) ), Spells),
    findall(Cow-cow_state(Cow, Abb, Name), ( member(Row, Rows), row_state(Row, Cow, Abb, Name) ), Named),
    first_per_code(Named, [], States),
    append(Spells, States, Clauses).

%! kb_data_file(+Relative, -File) is det.
%
%  File is data/Relative beside the kb file being loaded, or beside the
%  file it links to (a benchmark world links the kb's modules): the
%  shipped datasets are read when the kb is compiled.  An existence error
%  names the file being loaded when there is neither.
kb_data_file(Rel, File) :-
    prolog_load_context(file, Source),
    (   Real = Source
    ;   read_link(Source, _, Target),
        file_directory_name(Source, SourceDir),
        absolute_file_name(Target, Real, [relative_to(SourceDir)])
    ),
    file_directory_name(Real, Dir),
    atomic_list_concat([Dir, '/data/', Rel], File),
    exists_file(File), !.
kb_data_file(Rel, _) :-
    prolog_load_context(file, Source),
    atom_concat('data/', Rel, Missing),
    throw(error(existence_error(source_sink, Missing), context(state_system:kb_data_file/2, Source))).

%  row_spell(+Row, -Cow, -From, -To): a row with a code and two dates.
row_spell(Row, Cow, From, To) :-
    Row =.. [_, _, Cow, _, SY, SM, SD, EY, EM, ED|_],
    integer(Cow), integer(SY), integer(EY),
    From is SY * 10000 + SM * 100 + SD,
    End is EY * 10000 + EM * 100 + ED,
    cow_data_end(DataEnd),
    ( End >= DataEnd -> To = 99991231 ; To = End ).

row_state(Row, Cow, AbbS, NameS) :-
    Row =.. [_, Abb, Cow, Name|_],
    integer(Cow),
    format(string(AbbS), "~w", [Abb]),
    format(string(NameS), "~w", [Name]).

first_per_code([], _, []).
first_per_code([Cow-S|Rest], Seen, Out) :-
    (   memberchk(Cow, Seen)
    ->  Out = Out1
    ;   Out = [S|Out1]
    ),
    first_per_code(Rest, [Cow|Seen], Out1).

cow_state_list.
