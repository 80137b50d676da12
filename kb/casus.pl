/** <module> The casus knowledge base: load this file

Loads the schema, the named entities, the curated facts and the rules,
then materializes the curated facts into the indexed store.
*/
:- use_module(schema).
:- use_module(entities).
:- use_module(store).
:- use_module(snapshot).
:- use_module(memberships).
:- use_module(article).
:- use_module(weights).
:- use_module(rules).
:- use_module(matrix).
:- use_module(api).

:- initialization(store:materialize_curated).
