/** <module> The fitted coefficients of the verdict model (generated)

Written by `casus backtest --fit kb/verdict_model_fitted.pl` (from the top of the source
tree, with the kb casus was built with); do not edit by hand: run it again.
A ridge logistic regression (engine/src/backtest_fit.cpp, lambda 1) on
466 links of 143 attacks (40 fought), from interstate-war-dyads.csv.
Each coefficient is the log-odds effect of one term of kb/verdict_model.pl,
rounded to cents as the score is shown.
*/
:- module(verdict_model_fitted, [fitted/2]).

%! fitted(?Kind, ?LogOdds) is nondet.
fitted(base_rate_before_1914, 1.15).
fitted(base_rate_1914_1945, -1.27).
fitted(base_rate_after_1945, -3.94).
fitted(bilateral_alliance, 0.29).
fitted(named_adversary, 0.62).
fitted(no_obligation, -0.26).
