/** <module> The casus knowledge base: load this file

Loads the schema, the named entities, the curated facts and the rules,
then materializes the curated facts into the indexed store.
*/
:- use_module(schema).
:- use_module(entities).
:- use_module(treaties_2016_2026).   % curated treaties of the 2016-2026 chronology
:- use_module(treaty_areas).         % historical treaties limited to an area (the German Confederation)
:- use_module(store).
:- use_module(snapshot).
:- use_module(memberships).
:- use_module(article).
:- use_module(chronology_2016_2026).
:- use_module(weights).
:- use_module(rules).
:- use_module(matrix).
:- use_module(api).

% The shipped ATOP release, imported when casus was built (atop_kb.pl,
% written beside the compiled kb by engine/tools/atop_kb.cpp with the
% importer users run); a kb without it, such as the source tree's, holds
% the curated facts only.  The path is joined with atomic_list_concat/2:
% directory_file_path/3 would autoload library(files_ex) into the saved
% state, and with it a foreign library (files.so) opened at every start.
:- prolog_load_context(directory, Dir),
   atomic_list_concat([Dir, '/atop_kb.pl'], File),
   (   exists_file(File) -> use_module(File) ; true ).

:- initialization(store:materialize_curated).
