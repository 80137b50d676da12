:- module(crises,
          [ crisis_event/5,     % ?Event, -Name, -Date, ?Attacker, ?Victim
            crisis_factor/5,    % +Sides, ?Defender, -Key, -Detail, -Leaves
            crisis_factors/2,   % +Sides, -Raw
            crisis_profile/3,   % +Ally, +Date, -Profile
            crisis_link/2,      % +Date, -Link
            unread_note/2,      % +Fact, -Note
            note_kind/1,        % ?Kind
            entity_note_kind/1, % ?Kind
            kind_reader/2,      % ?Kind, ?Reader
            response_outcome/2  % ?ResponseKind, ?Outcome
          ]).

/** <module> Crises, requests for aid and the answers to them

Attacks and wars (attack/4), requests for aid (request/5), responses to a
request or a crisis (response/3), suspensions of participation in an
organisation (suspended/2), appeals (appeal/3) and an organisation's
solidarity (solidarity/3) become factors of a defender's assessment:

  - record_with_ally(Outcome): how the defender answered this ally's
    earlier requests: asked itself (scale 1), or asked through an
    organisation it belongs to (scale 0.5: the organisation answered,
    the defender was one voice in it).  Outcome is the answer the
    asked party or the defender gave to the request's event: `helped`
    (troops, arms) if any help was given, else the least helpful of
    `sided` (with the attacker), `refused` and `token` (a mission, a
    statement of concern, mediation), or `unanswered` (no answer recorded
    by the question's date).  An appeal
    to an organisation (appeal/3) counts as a request once an attack on
    the ally over the appeal's issue has begun after it.
  - record_under_treaty(Outcome): the same for other allies' requests
    under a treaty that binds the ally on the date (the defender's
    record under the treaty, not with this ally).
  - past_response(Outcome): the defender's answer to a crisis with the
    ally as victim or the attacker as attacker (scale 1 both, 0.5 one, as
    rules.pl's past_reaction) that no request of the victim's brought to
    it (those count in the record instead).
  - ally_suspended: the ally froze its participation in an organisation
    the defender belongs to; defender_suspended: the defender froze its
    own participation in one the ally belongs to.  The obligation stays
    on paper (rules:obligated/5 still finds it); who acts changes.
  - org_solidarity: an organisation of the defender declared solidarity
    with the ally after a crisis.

A piece of evidence whose source is marked `reported` or `alleged` (its
source text begins with one of the words, as kb/chronology_2016_2026.pl
marks the weak rows of the chronology) weighs half: reported_scale/1.

Weights are in weights.pl.  Each factor is an ordinary
factor(Kind, Weight, Detail, Leaves) of rules:factors/5 (rules.pl calls
crisis_factor/5 from raw_factor/5), and matrix.pl reads the same facts as
links (crisis_link/2), so the defence matrix scores them as the
questions do.
*/

:- use_module(entities).
:- use_module(store).
:- use_module(weights).
:- use_module(memo, [memo/3]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).

%! reported_scale(-Scale) is det.
%
%  The weight of a factor whose evidence is only reported or alleged
%  (an anonymous report, an allegation a party denies), relative to a
%  confirmed one.  Half: such a row is kept as evidence, but it should
%  not weigh as much as a confirmed fact; the chronology's README
%  (../shared/data/README.md) names these rows as weak without grading
%  them further, so no finer scale has a source.
reported_scale(0.5).

%  Scale of an answer given through an organisation the defender belongs
%  to, and of another ally's case under the same treaty: one voice in a
%  collective answer, one case that is not this ally's.  Half, as
%  rules.pl halves a past reaction whose event matches one side only.
route_scale(direct, 1).
route_scale(organisation, 0.5).

%! crisis_event(?Event, -Name, -Date, ?Attacker, ?Victim) is nondet.
%
%  An event of the kb (entities:event/5) or an attack added as a fact
%  (attack/4, from its start date, whether or not it has ended).
crisis_event(E, Name, Date, X, V) :-
    event(E, Name, Date, X, V).
crisis_event(E, Name, Date, X, V) :-
    attack_spell(E, X, V, _, Date, _),
    \+ event(E, _, _, _, _),
    event_name(E, Name).

%  attack_spell(?E, ?X, ?V, ?Where, -Start, -Leaf): an attack fact's spell.
attack_spell(E, X, V, W, Start, leaf(attack(E, X, V, W), Src, Start)) :-
    spell(attack(E, X, V, W), Start, _, Src, _).

event_name(E, Name) :- event_title(E, Name), !.       % entities.pl: the crises of the chronology
event_name(E, Name) :-
    atomic_list_concat(Parts, '_', E),
    atomic_list_concat(Parts, ' ', Name).

known_event(E) :- event(E, _, _, _, _), !.
known_event(E) :- attack_spell(E, _, _, _, _, _), !.
known_event(E) :- spell(request(_, _, E, _, _), _, _, _, _), !.   % a crisis named by a request for aid


%! response_outcome(?ResponseKind, ?Outcome) is nondet.
%
%  What a response amounts to for the one who asked, best first.
response_outcome(troops, helped).
response_outcome(arms, helped).
response_outcome(mission, token).
response_outcome(concern, token).
response_outcome(mediation, token).
response_outcome(refusal, refused).
response_outcome(sided_with_attacker, sided).

%  outcome_rank(?Outcome, ?Rank): which answer stands for a request's
%  answers, lowest rank first.  Help given counts whatever else was said;
%  short of help, the least helpful answer stands: a mission or a statement
%  beside a refusal does not soften it (the CSTO sent a fact-finding
%  mission in September 2022 and then declined the aid Armenia asked for).
outcome_rank(helped, 1).
outcome_rank(sided, 2).
outcome_rank(refused, 3).
outcome_rank(token, 4).

%! crisis_factor(+Sides, ?Defender, -Key, -Detail, -Leaves) is nondet.
%
%  A raw factor (rules:raw_factor/5) from the crisis facts.  Sides is
%  rules:sides/4's term; Key = f(Kind, Subject, Scale).  With Defender
%  unbound, it enumerates the states with such a factor (rules:candidates/3).
crisis_factor(sides(A, X, D, Profiles, _, _), S, f(record_with_ally(O), E-To, Scale), Detail, Leaves) :-
    crisis_profile_of(Profiles, A, D, crisis(Requests, _)),
    member(r(To, E, How, ReqLeaves), Requests),
    answerer(To, S, D, Route),
    S \== A, S \== X,
    outcome(To, S, E, D, O, RLeaves, RScale),
    append(ReqLeaves, RLeaves, Leaves),
    route_scale(Route, R), all_weak_scale(ReqLeaves, QScale),
    Scale is R * QScale * RScale,
    outcome_text(O, OT), event_text(E, EN),
    Detail = d(How, [n(A), n(To), EN, OT]).
crisis_factor(sides(A, X, D, Profiles, _, _), S, f(record_under_treaty(O), E-To, Scale), Detail, Leaves) :-
    crisis_profile_of(Profiles, A, D, crisis(_, TreatyRequests)),
    member(t(B, To, E, T, ReqLeaves), TreatyRequests),
    answerer(To, S, D, Route),
    S \== A, S \== X, S \== B,
    outcome(To, S, E, D, O, RLeaves, RScale),
    append(ReqLeaves, RLeaves, Leaves),
    route_scale(Route, R), all_weak_scale(ReqLeaves, QScale),
    Scale is R * QScale * RScale * 0.5,
    outcome_text(O, OT), event_text(E, EN), treaty(T, TN, _, _, _),
    Detail = d("~w asked ~w under the ~w after ~w: ~w", [n(B), n(To), TN, EN, OT]).
crisis_factor(sides(A, X, D, _, _, Events), S, f(past_response(O), E-Who, Scale), Detail, Leaves) :-
    (   nonvar(S)   % from the defender's few answers, not from every event's
    ->  answered_events(S, D, Es), member(E, Es), member(ev(E, EN, ED, Scale0), Events)
    ;   member(ev(E, EN, ED, Scale0), Events)
    ),
    responses(S, E, D, Who, Route, O, Leaves, RScale),
    S \== A, S \== X,
    route_scale(Route, R),
    Scale is Scale0 * R * RScale,
    outcome_text(O, OT),
    Detail = d("~w answered ~w (~w): ~w", [n(Who), EN, date(ED), OT]).
crisis_factor(sides(A, X, D, _, _, _), S, f(ally_suspended, Org, Scale), Detail, [L1, L2]) :-
    holds(suspended(A, Org), D, L1),
    holds(member(S, Org), D, L2),
    S \== A, S \== X,
    all_weak_scale([L1], Scale),
    Detail = d("~w has frozen its participation in the ~w", [n(A), n(Org)]).
crisis_factor(sides(A, X, D, _, _, _), S, f(defender_suspended, Org, Scale), Detail, [L1, L2]) :-
    holds(suspended(S, Org), D, L1),
    S \== A, S \== X,
    holds(member(A, Org), D, L2),
    all_weak_scale([L1], Scale),
    Detail = d("has frozen its own participation in the ~w", [n(Org)]).
crisis_factor(sides(A, X, D, _, _, _), S, f(org_solidarity, Org-E, Scale), Detail, Leaves) :-
    setof(Org0-E0, L^holds(solidarity(Org0, A, E0), D, L), Pairs),
    member(Org-E, Pairs),
    findall(L, holds(solidarity(Org, A, E), D, L), SLeaves),
    holds(member(S, Org), D, L2),
    S \== A, S \== X,
    all_weak_scale(SLeaves, Scale),
    append(SLeaves, [L2], Leaves),
    event_text(E, EN),
    Detail = d("~w declared solidarity with ~w after ~w", [n(Org), n(A), EN]).

%! crisis_factors(+Sides, -Raw) is det.
%
%  Every solution S-(Key-(Detail-Leaves)) of crisis_factor/5 with the
%  defender unbound, each key's solutions in crisis_factor/5's order,
%  from tables kept across questions (kb/memo.pl): what depends on the
%  ally and the date alone (its requests' record, its suspensions and
%  the solidarity shown it) and each event's answers on the date, read
%  once and filtered here by the question's attacker.
crisis_factors(sides(A, X, D, Profiles, _, Events), Raw) :-
    crisis_profile_of(Profiles, A, D, CP),
    memo(ally_crisis_factors(A, D), AllyRaw,
         findall(S-(Key-(Detail-Leaves)),
                 crisis_factor(sides(A, '$no_attacker', D, [CP], [], []), S, Key, Detail, Leaves),
                 AllyRaw)),
    findall(R, ( member(R, AllyRaw), R = S-_, S \== X ), Raw1),
    findall(R, ( member(Ev, Events), event_response(Ev, A, X, D, R) ), Raw2),
    append(Raw1, Raw2, Raw).

%  event_response(+Event, +A, +X, +D, -Raw): a past_response solution of
%  crisis_factor/5 for one of the question's events, from the event's
%  answers on D (responses/8 with the state unbound, kept per event).
event_response(ev(E, EN, ED, Scale0), A, X, D, S-(f(past_response(O), E-Who, Scale)-(Detail-Leaves))) :-
    memo(responses(E, D), Rs,
         findall(r(S0, Who0, Route0, O0, Leaves0, RScale0),
                 responses(S0, E, D, Who0, Route0, O0, Leaves0, RScale0), Rs)),
    member(r(S, Who, Route, O, Leaves, RScale), Rs),
    S \== A, S \== X,
    route_scale(Route, R),
    Scale is Scale0 * R * RScale,
    outcome_text(O, OT),
    Detail = d("~w answered ~w (~w): ~w", [n(Who), EN, date(ED), OT]).

%! crisis_profile(+Ally, +Date, -Profile) is det.
%
%  What the ally brings to every defender's record, read once per
%  question (rules:sides/4 adds it to the sides' profiles):
%  crisis(Requests, TreatyRequests), r(To, E, How, Leaves) for each of
%  the ally's requests (ally_requests/6) and t(B, To, E, T, Leaves) for
%  each request of another state under a treaty binding the ally
%  (treaty_requests/7).
crisis_profile(A, D, crisis(Requests, TreatyRequests)) :-
    findall(r(To, E, How, Ls), ally_requests(A, D, To, E, How, Ls), Requests),
    findall(t(B, To, E, T, Ls), treaty_requests(A, D, B, To, E, T, Ls), TreatyRequests).

%  crisis_profile_of(+Profiles, +A, +D, -Profile): the question's own, or
%  made now (the matrix's links ask without one).
crisis_profile_of(Profiles, A, D, P) :-
    (   memberchk(crisis(Rs, Ts), Profiles) -> P = crisis(Rs, Ts) ; crisis_profile(A, D, P) ).

%  event_text(+E, -Name): the event's name (an attack's id, spaced).
event_text(E, Name) :- crisis_event(E, Name, _, _, _), !.
event_text(E, Name) :- event_name(E, Name).

%  ally_requests(+A, +D, ?To, ?E, -How, -Leaves): every request of A to
%  To after Event by Date, once per (To, Event) however often it was made
%  (all its evidence in Leaves); How says it in words.
ally_requests(A, D, To, E, How, Leaves) :-
    setof(To0-E0-How0, L^asked(A, To0, E0, D, How0, L), Keys),
    member(To-E-How, Keys),
    findall(L, asked(A, To, E, D, How, L), Leaves).

%  treaty_requests(+A, +D, -B, -To, -E, -T, -Leaves): every request of
%  another state B to To after Event under a treaty T that binds A on D,
%  once per (B, To, Event, T).
treaty_requests(A, D, B, To, E, T, Leaves) :-
    setof(B0-To0-E0-T0, C^L^( holds(request(B0, To0, E0, T0, C), D, L), B0 \== A ), Keys),
    member(B-To-E-T, Keys),
    once(rules:bound(A, T, D, _)),
    findall(L, holds(request(B, To, E, T, _), D, L), Leaves).

%  answered_events(+S, +D, -Events): the events S or an organisation of
%  S's answered by D (responder/7), each once.
answered_events(S, D, Es) :-
    (   setof(E, Who^Route^R^Ls^responder(S, E, D, Who, Route, R, Ls), Es0) -> Es = Es0 ; Es = [] ).

%  responses(?S, +E, +D, -Who, -Route, -Outcome, -Leaves, -Scale): S's
%  answers to Event that no request of the victim's brought to it, by
%  itself (Who = S) or by an organisation of its own (Who = the
%  organisation), S being no party to it, once per (Who, Outcome) with
%  all their evidence; Scale
%  is reported_scale/1 when all of it is reported or alleged.
responses(S, E, D, Who, Route, O, Leaves, Scale) :-
    askees(E, D, Tos),
    (   var(S)      % the candidates: every state with an answer, read once per event
    ->  findall(S0-(Who0-Route0-R0-Ls0), responder(S0, E, D, Who0, Route0, R0, Ls0), Found0),
        keysort(Found0, Found),
        group_pairs_by_key(Found, ByState),
        member(S-Answers, ByState)
    ;   findall(Who0-Route0-R0-Ls0, responder(S, E, D, Who0, Route0, R0, Ls0), Answers)
    ),
    \+ crisis_event(E, _, _, S, _),     % a party to the crisis does not answer it
    \+ crisis_event(E, _, _, _, S),
    \+ ( member(To, Tos), answerer(To, S, D, _) ),   % asked: its record counts it
    % S's answers, each (Who, Route, Outcome) once; read from Answers, not
    % looked up again (a state's memberships are walked once, not twice).
    setof(Who1-Route1-O1, R^Ls^( member(Who1-Route1-R-Ls, Answers), response_outcome(R, O1) ), Keys),
    member(Who-Route-O, Keys),
    findall(L, ( member(Who-Route-R-[L|_], Answers), response_outcome(R, O) ), RLeaves),
    all_weak_scale(RLeaves, Scale),
    (   Route == organisation
    ->  once(holds(member(S, Who), D, ML)), append(RLeaves, [ML], Leaves)
    ;   Leaves = RLeaves
    ).

%  responder(?S, +E, +D, -Who, -Route, -Response, -Leaves): S answered
%  Event itself (Who = S, direct), or an organisation S belongs to on D
%  answered it (Who = the organisation).
responder(S, E, D, S, direct, R, [L]) :-
    holds(response(S, E, R), D, L),
    state(S, _, _).
responder(S, E, D, Org, organisation, R, [L, L2]) :-
    (   nonvar(S)   % from S's organisations (few), else from the event's answers
    ->  holds(member(S, Org), D, L2), organisation(Org, _), holds(response(Org, E, R), D, L)
    ;   holds(response(Org, E, R), D, L), organisation(Org, _), holds(member(S, Org), D, L2)
    ).

%  asked(+Ally, ?To, -Event, +Date, -How, -Leaf): the ally asked To for
%  aid after Event by Date: a request, or an appeal to an organisation
%  over an issue, which asks it to answer the first attack on the ally
%  over that issue begun after the appeal.
asked(A, To, E, D, "~w asked ~w after ~w: ~w", L) :-
    holds(request(A, To, E, _, _), D, L).
asked(A, Org, E, D, "~w had appealed to ~w before ~w: ~w", L) :-
    holds(appeal(A, Org, I), D, L),
    L = leaf(_, _, Da),
    first_attack_after(A, I, Da, D, E).

%  first_attack_after(+A, +Issue, +Date0, +Date, -E): the first attack on
%  A over Issue that began on or after Date0 and by Date: the one an
%  appeal made before it asked the partners to answer.
first_attack_after(A, I, Da, D, E) :-
    findall(Start-E0, ( attack_spell(E0, _, A, I, Start, _), Da =< Start, Start =< D ), Starts),
    keysort(Starts, [_-E|_]).

%  answerer(+To, ?S, +Date, -Route): S answers a request to To: To itself
%  (a state asked directly), or a member of To (an organisation) on Date.
answerer(To, To, _, direct) :- state(To, _, _).
answerer(To, S, D, organisation) :-
    organisation(To, _),
    holds(member(S, To), D, _).

%  outcome(+To, +S, +E, +Date, -Outcome, -Leaves, -Scale): the answer
%  (outcome_rank/2) to Event by the one asked or by the defender itself,
%  by Date, and its evidence; `unanswered` with none.  Confirmed answers
%  decide; only when every answer is reported or alleged do those decide,
%  with Scale = reported_scale/1.
outcome(To, S, E, D, O, Leaves, Scale) :-
    findall(W-K-O0-L,
            ( member(Who, [To, S]),
              holds(response(Who, E, R), D, L),
              response_outcome(R, O0), outcome_rank(O0, K),
              ( weak_leaf(L) -> W = 1 ; W = 0 ) ),
            Rs0),
    sort(Rs0, Rs),
    (   Rs == []
    ->  O = unanswered, Leaves = [], Scale = 1
    ;   Rs = [W-_-O-_|_],
        findall(L, member(W-_-O-L, Rs), Leaves),
        ( W =:= 1 -> reported_scale(Scale) ; Scale = 1 )
    ).

%  askees(+E, +D, -Tos): whom the victims of Event asked for aid after it
%  (asked/6: a request, or an appeal made before it), each once.  An
%  answer of one of them, or of a member of one, counts in its record with
%  that ally (record_with_ally), not as a past response too.
askees(E, D, Tos) :-
    findall(To, ( crisis_event(E, _, _, _, V), asked(V, To, E, D, _, _) ), Tos0),
    sort(Tos0, Tos).

%  all_weak_scale(+Leaves, -Scale): reported_scale/1 when every piece of
%  the evidence is only reported or alleged, else 1 (a confirmed report
%  of the same fact makes it confirmed).
all_weak_scale(Leaves, Scale) :-
    (   Leaves \== [], forall(member(L, Leaves), weak_leaf(L))
    ->  reported_scale(Scale)
    ;   Scale = 1
    ).

%! weak_leaf(+Leaf) is semidet.
%
%  The evidence's source text begins with "reported" or "alleged" (any
%  case): kb/chronology_2016_2026.pl marks its weak rows so, and a user
%  may mark an added fact so (`source "reported: ..."`).
weak_leaf(leaf(_, Src, _)) :-
    (   Src = source(Text, _) -> true ; Text = Src ),
    (   string(Text) ; atom(Text) ),
    sub_string(Text, 0, 8, _, First),
    string_lower(First, Lower),
    memberchk(Lower, ["reported", "alleged:", "alleged "]).

outcome_text(helped, "helped").
outcome_text(token, "a token answer only").
outcome_text(refused, "refused").
outcome_text(sided, "sided with the attacker").
outcome_text(unanswered, "no answer").

%! crisis_link(+Date, -Link) is nondet.
%
%  The crisis factors as the defence matrix's links (matrix.pl):
%  l(S, O, Rel, Key, Wa, Wx), Wa counting when O is the ally and Wx
%  when O is the attacker, each from the same clause of
%  crisis_factor/5 it mirrors, with the same weights and scales.
%  Rel and Key are atoms; one (S, O, Rel, Key) counts once.
crisis_link(D, l(S, A, Rel, Key, W, 0)) :-
    % record_with_ally, record_under_treaty, ally_suspended,
    % defender_suspended, org_solidarity: they depend on the defender and
    % the ally only.
    ally_state(D, A),
    Sides = sides(A, '$no_attacker', D, [], [], []),
    crisis_factor(Sides, S, f(Kind, Subject, Scale), _, _),
    Kind \= past_response(_),
    weight(Kind, W0), W is W0 * Scale, W =\= 0,
    link_atoms(Kind, Subject, Scale, Rel, Key).
crisis_link(D, l(S, O, Rel, Key, Wa, Wx)) :-
    % past_response: half toward the victim as ally, half toward the
    % attacker as attacker, as rules.pl's past_reaction.
    crisis_event(E, _, ED, Ea, Ev), ED =< D,
    responses(S, E, D, Who, Route, Out, _, RScale),
    route_scale(Route, R),
    weight(past_response(Out), W0), Half is W0 * R * RScale * 0.5,
    format(atom(Rel), "past_response:~w", [Out]),
    % One key per direction: an attack encoded both ways is two links.
    format(atom(Key), "~w-~w-~w-~w", [E, Who, Ea, Ev]),
    (   Ea == Ev
    ->  O = Ev, Wa = Half, Wx = Half
    ;   O = Ev, Wa = Half, Wx = 0
    ;   O = Ea, Wa = 0, Wx = Half
    ).

%  ally_state(+D, -A): every state that some crisis fact makes an ally
%  with a factor (a requester, an appellant, a suspended member, a state
%  an organisation stood with, or a fellow party of a requester's treaty).
ally_state(D, A) :-
    setof(A0, ally_state_(D, A0), As),
    member(A, As).

ally_state_(D, A) :- holds(request(A, _, _, _, _), D, _).
ally_state_(D, A) :- holds(request(_, _, _, T, _), D, _), rules:bound(A, T, D, _).
ally_state_(D, A) :- holds(appeal(A, _, _), D, _).
ally_state_(D, A) :- holds(suspended(_, Org), D, _), holds(member(A, Org), D, _).
ally_state_(D, A) :- holds(solidarity(_, A, _), D, _).

link_atoms(Kind, Subject, Scale, Rel, Key) :-
    format(atom(Rel), "~q", [Kind]),
    format(atom(Key), "~q@~w", [Subject, Scale]).

%! unread_note(+Fact, -Note) is semidet.
%
%  Fact, just added, is read by no rule as the kb stands: Note says why
%  and what would make it count.  Fails when some rule reads it (or may,
%  on some date: the check is about what the kb holds, not a date).
unread_note(F, Note) :-
    event_arg(F, E),
    \+ known_event(E), !,
    format(string(Note),
           "no rule reads it yet: ~w is no known event (add attack(~w, ATTACKER, VICTIM, TERRITORY) on START, or a request for aid after it)",
           [E, E]).
unread_note(complaint(A, _, I), Note) :-
    \+ spell(conflict(A, _, I), _, _, _, _),
    \+ spell(conflict(_, A, I), _, _, _, _), !,
    format(string(Note),
           "no rule reads it yet: ~w is in no conflict over ~w (add conflict(~w, STATE, ~w) on DATE)", [A, I, A, I]).
unread_note(appeal(A, _, I), Note) :-
    \+ spell(attack(_, _, A, I), _, _, _, _), !,
    format(string(Note),
           "no rule reads it yet: it counts in the partners' record once an attack on ~w over ~w begins after it (add attack(EVENT, ATTACKER, ~w, ~w) on START)", [A, I, A, I]).
unread_note(exercise(S, _, T), Note) :-
    \+ ( threat(T, _, _), spell(priority(S, T), _, _, _, _) ), !,
    format(string(Note),
           "no rule reads it yet: an exercise is evidence of a competing priority, and ~w has no priority(~w, ~w) on a known threat", [S, S, T]).
unread_note(priority(_, T), Note) :-
    \+ threat(T, _, _), !,
    format(string(Note), "no rule reads it yet: ~w is no known threat (entities.pl threat/3 names its origin)", [T]).
unread_note(signed(_, Dec), Note) :-
    \+ spell(supports(Dec, _, _), _, _, _, _), !,
    format(string(Note), "no rule reads it yet: ~w upholds no state (add supports(~w, STATE, ISSUE) on DATE)", [Dec, Dec]).
unread_note(supports(Dec, _, _), Note) :-
    \+ spell(signed(_, Dec), _, _, _, _), !,
    format(string(Note), "no rule reads it yet: no state signed ~w (add signed(STATE, ~w) on DATE)", [Dec, Dec]).

%! note_kind(?Kind) is nondet.
%
%  unread_note/2 may have a note for a fact of Kind (the engine asks for
%  these kinds only).
note_kind(reaction).
note_kind(response).
note_kind(solidarity).
note_kind(complaint).
note_kind(appeal).
note_kind(exercise).
note_kind(priority).
note_kind(signed).
note_kind(supports).

%! entity_note_kind(?Kind) is nondet.
%
%  unread_note/2's answer for a fact of Kind reads the entities alone
%  (priority: threat/3), never the stored facts: adds queued for the
%  store cannot change it, so the engine asks before they are stored.
entity_note_kind(priority).

event_arg(reaction(_, E, _), E).
event_arg(response(_, E, _), E).
event_arg(solidarity(_, _, E), E).

%! kind_reader(?Kind, ?Reader) is nondet.
%
%  Which rule reads each fact kind of the schema (schema:fact_kind/3):
%  tests/prolog/test_crises.pl checks every kind has one.
kind_reader(member,     'rules:bound/4, shared_bloc_with_*').
kind_reader(party,      'rules:bound/4').
kind_reader(exempt,     'rules:obligated/5').
kind_reader(tie,        'tie_with_*').
kind_reader(ethnicity,  'kinship_with_*').
kind_reader(backs,      'backs_*').
kind_reader(signed,     'signed_declaration_for_*').
kind_reader(supports,   'signed_declaration_for_*').
kind_reader(reaction,   'past_reaction(_)').
kind_reader(rivalry,    'rivalry_with_*').
kind_reader(conflict,   'conflict_with_*, backs_*_claim').
kind_reader(stance,     'shared_stance_with_*').
kind_reader(priority,   'competing_priority').
kind_reader(exercise,   'competing_priority (evidence)').
kind_reader(complaint,  'ally_complaint').
kind_reader(appeal,     'record_with_ally(_)').
kind_reader(solidarity, 'org_solidarity').
kind_reader(attack,     'past_reaction(_), past_response(_), record_*').
kind_reader(request,    'record_with_ally(_), record_under_treaty(_)').
kind_reader(response,   'record_*, past_response(_)').
kind_reader(suspended,  'ally_suspended, defender_suspended').
