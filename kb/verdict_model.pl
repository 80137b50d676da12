:- module(verdict_model,
          [ model_terms/6,      % +Defender, +Ally, +Attacker, +Date, +Bases, -Terms
            model_kind/1,       % ?Kind
            fitted_kinds/1,     % -Kinds
            effect/2,           % +Kind, -LogOdds
            era/2,              % +Date, -Era
            bilateral/2,        % +Treaty, +Date
            probability/2,      % +LogOdds, -Probability
            verdict/2,          % +LogOdds, -Verdict
            band/3,             % ?Verdict, ?From, ?Below
            band_log_odds/2,    % ?Verdict, -LogOdds
            backtest_model/3    % -Kinds, -LikelyFrom, -UncertainFrom
          ]).

/** <module> The verdict model: the probability that a defender fights

One model gives every answer its probability, its verdict and its
reasons.  It is a logistic model: the log-odds that Defender fights
Attacker to defend Ally, asked as of Date, is the sum of the effects of
the terms that apply, and

    probability = 1 / (1 + exp(-log-odds))

The terms, each shown in `why` with its effect in log-odds:

  - the base rate of the era (`base_rate_before_1914`,
    `base_rate_1914_1945`, `base_rate_after_1945`): what share of the
    obligated allies of an attacked state fought the attacker in that era.
    Leeds, Long & Mitchell (2000) and Berkemeier & Fuhrmann (2018) both
    find reliability falling after 1945 (66% before, 22% after, among
    treaties whose conditions were triggered); the COW wars show the same
    fall, far steeper among all obligated allies.  Fitted.
  - `bilateral_alliance`: the defender and the ally are bound by an
    alliance of exactly two states on the date.  A bilateral pact is a
    commitment to one partner; a large multilateral one is often a
    commitment to none in particular (the issue's measure: bilateral
    allies fought far more often).  Fitted.
  - `named_adversary`: the treaty's defence clause names the attacker as
    the adversary (ATOP's specific-adversary condition, or a curated
    adversary condition).  A treaty written against this very state.
    Fitted.
  - `no_obligation`: the defender is in the answer for its ties alone,
    no treaty in force obliges it.  Fitted.
  - the curated factors of rules.pl (kinship, ties, backing, rivalry,
    past reactions, ...) with the weights of weights.pl, read as
    log-odds: one point multiplies the odds by e (about 2.7).  These are
    the article's judgments, not fitted: the war history holds none of
    those facts.

The fitted coefficients are in verdict_model_fitted.pl, written by
`casus backtest --fit kb/verdict_model_fitted.pl` (engine/src/backtest_fit.cpp:
a ridge logistic regression on the links of the shipped COW war dyads);
never edit them by hand.

The verdict is a band of the probability (band/3), in the calibrated
language of the IPCC's guidance on uncertainty (Mastrandrea et al. 2010):
`likely` when the defender is more likely than not to fight (p >= 0.5),
`unlikely` when it is very unlikely to (p < 0.1), `uncertain` between.
The defence matrix (matrix.pl, engine/src/matrix.cpp) reads the same
effects and the same bands from here: there is one model.

Measures that were tried and left out (README, "How good is a verdict?"):
a conflicting commitment (the defender also bound to the attacker) and a
fellow-member attacker raise the pooled fit only through the 1866 war and
lower the leave-one-war-out AUC.
*/

:- use_module(entities).
:- use_module(state_names, [state_name_on/3]).
:- use_module(store).
:- use_module(verdict_model_fitted).
:- use_module(memo, [memo/3]).
:- use_module(library(lists)).
:- use_module(library(apply)).

%! model_kind(?Kind) is nondet.
%
%  The kinds of the model's own terms (the rest are rules.pl's factors).
model_kind(base_rate_before_1914).
model_kind(base_rate_1914_1945).
model_kind(base_rate_after_1945).
model_kind(bilateral_alliance).
model_kind(named_adversary).
model_kind(no_obligation).

%! fitted_kinds(-Kinds) is det.
%
%  The terms whose effect `casus backtest --fit` estimates, in the order
%  it writes them.
fitted_kinds(Kinds) :-
    findall(K, model_kind(K), Kinds).

%! effect(+Kind, -LogOdds) is det.
%
%  The fitted effect of one of the model's terms; a kind the fitted file
%  does not list yet (a new term, before the first fit) has no effect.
effect(Kind, W) :-
    (   fitted(Kind, W0) -> W = W0 ; W = 0 ).

%! era(+Date, -Era) is det.
%
%  The era of a question's date, as the backtest's sections split them.
era(D, before_1914) :- D < 19140101, !.
era(D, '1914_1945') :- D =< 19451231, !.
era(_, after_1945).

era_kind(before_1914, base_rate_before_1914, "attacks before 1914").
era_kind('1914_1945', base_rate_1914_1945, "attacks of 1914-1945").
era_kind(after_1945, base_rate_after_1945, "attacks after 1945").

%! model_terms(+Defender, +Ally, +Attacker, +Date, +Bases, -Terms) is det.
%
%  Terms is a list of factor(Kind, Effect, Detail, Leaves), as rules.pl's
%  factors, for the model's own terms: the era's base rate, and either
%  the design of the obligation (Bases, as rules:bases/5 gives them) or
%  the absence of one.  A term is listed even when its effect is 0, so
%  that the fitting command sees which terms applied.
model_terms(_S, A, X, D, Bases, [Base|Design]) :-
    era(D, Era),
    memo(base_term(Era), Base, base_term(Era, Base)),
    design_terms(Bases, A, X, D, Design).

base_term(Era, factor(Kind, W, Detail, [leaf(model(Kind), source("casus backtest --fit", Detail), 0)])) :-
    era_kind(Era, Kind, Text),
    effect(Kind, W),
    format(string(Detail), "base rate of obligated allies fighting in ~w", [Text]).

design_terms([], _, _, _, [factor(no_obligation, W, "no treaty obliges it", [leaf(model(no_obligation), source("casus backtest --fit", "no treaty obliges it"), 0)])]) :- !,
    effect(no_obligation, W).
design_terms(Bases, A, X, D, Terms) :-
    findall(T, ( member(basis(T, _, _, _), Bases), bilateral(T, D) ), Bilateral0),
    sort(Bilateral0, Bilateral),
    findall(T, ( member(basis(T, _, Notes, _), Bases), memberchk(adversary(Xs), Notes), memberchk(X, Xs) ), Named0),
    sort(Named0, Named),
    term_if(Bilateral, bilateral_alliance, "bound to ~w by a bilateral alliance (~w)", A-D, Terms1),
    term_if(Named, named_adversary, "the treaty names ~w as the adversary (~w)", X-D, Terms2),
    append(Terms1, Terms2, Terms).

term_if([], _, _, _, []) :- !.
term_if([T|_], Kind, Fmt, Other-D, [Term]) :-
    memo(model_term(Kind, T, Other, D), Term, model_term(T, Kind, Fmt, Other-D, Term)).

%  model_term(+Treaty, +Kind, +Format, +Other-Date, -Term): the term's
%  detail names the other state as it was named on Date and the treaty:
%  one table entry per (kind, treaty, state, date).
model_term(T, Kind, Fmt, Other-D, factor(Kind, W, Detail, [leaf(model(Kind, T), source("casus backtest --fit", Detail), 0)])) :-
    effect(Kind, W),
    state_name_on(Other, D, OtherName),    % as it was named on D (state_names.pl)
    ( treaty(T, TreatyName, _, _, _) -> true ; TreatyName = T ),
    format(string(Detail), Fmt, [OtherName, TreatyName]).


%! bilateral(+Treaty, +Date) is semidet.
%
%  Exactly two states are bound by Treaty on Date (read from the kb's
%  memberships and parties on that date, not from ATOP's own `bilat`
%  column, so that curated treaties count alike).
bilateral(T, D) :-
    memo(bilateral(T, D), Bilateral,
         ( findall(S, rules:bound(S, T, D, _), States0),
           sort(States0, States),
           ( length(States, 2) -> Bilateral = true ; Bilateral = false ) )),
    Bilateral == true.

%! probability(+LogOdds, -Probability) is det.
probability(L, P) :-
    P is 1 / (1 + exp(-L)).

%! band(?Verdict, ?From, ?Below) is nondet.
%
%  Verdict covers probabilities P with From =< P < Below (IPCC calibrated
%  language, Mastrandrea et al. 2010: "more likely than not" above 0.5,
%  "very unlikely" under 0.1).
band(likely,    0.5, 1.01).
band(uncertain, 0.1, 0.5).
band(unlikely,  0.0, 0.1).

%! band_log_odds(?Verdict, -LogOdds) is nondet.
%
%  The lower end of the likely and uncertain bands as log-odds: the
%  verdict compares the (rounded) log-odds against these, here and in the
%  defence matrix, so both give the same verdict at the band's edge.
band_log_odds(V, L) :-
    member(V, [likely, uncertain]),
    band(V, From, _),
    L is log(From / (1 - From)).

%! backtest_model(-Kinds, -LikelyFrom, -UncertainFrom) is det.
%
%  What `casus backtest` needs to fit the model and to give its
%  leave-one-war-out probabilities a verdict: the fitted kinds and the
%  lower ends of the likely and uncertain bands (probabilities).
backtest_model(Kinds, Likely, Uncertain) :-
    fitted_kinds(Kinds),
    band(likely, Likely, _),
    band(uncertain, Uncertain, _).

%! verdict(+LogOdds, -Verdict) is det.
verdict(L, likely)   :- band_log_odds(likely, Min), L >= Min, !.
verdict(L, uncertain) :- band_log_odds(uncertain, Min), L >= Min, !.
verdict(_, unlikely).
