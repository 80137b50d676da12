:- module(kb_export,
          [ write_added_as_kb/2     % +File, +Origin
          ]).

/** <module> What an import added, written as kb source

The build imports the shipped ATOP release (kb/data/atop) into an engine
that keeps its facts in memory, with the same importer a user runs
(`casus import atop`), then writes what that import defined and added as
a kb module (atop_kb.pl beside the compiled kb), so the default kb holds
every ATOP alliance from the first start and the saved state carries it.
Importing the shipped release again then adds nothing: every entity and
spell is already there.

The file is data the build wrote, never user input: entities become
entities:Entity clauses, added spells facts:kb_fact/4 clauses with the
import's own source text.
*/

:- use_module(store).

%! write_added_as_kb(+File, +Origin) is det.
%
%  Writes module atop_kb to File: every entity an import defined
%  (store:defined_/1) and every spell it added, as kb facts.  Origin is a
%  text for the file's header (what was imported).
write_added_as_kb(File, Origin) :-
    setup_call_cleanup(
        open(File, write, Out, [encoding(utf8)]),
        write_module(Out, Origin),
        close(Out)).

write_module(Out, Origin) :-
    format(Out, "%  Generated when casus was built: ~w.~n", [Origin]),
    format(Out, "%  Written by kb/kb_export.pl from the importer's own results; do not edit.~n~n", []),
    format(Out, ":- module(atop_kb, []).~n", []),
    format(Out, ":- multifile entities:state/3, entities:alias/2, entities:treaty/5, entities:clause/6, facts:kb_fact/4.~n~n", []),
    forall(store:defined_(E), format(Out, "~q.~n", [entities:E])),
    forall(store:spell(F, From, To, Src, added(_, _)),
           format(Out, "~q.~n", [facts:kb_fact(F, From, To, Src)])).
