// Fitting the verdict model's fitted terms (kb/verdict_model.pl) to the
// backtest's links: a logistic regression whose features are the terms
// that applied to each link (1 when listed among its factors) and whose
// offset is the sum of the other factors' effects (the curated weights,
// which are not fitted).
#pragma once

#include "casus/backtest.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace casus::backtest {

// Ridge penalty on every coefficient: a normal prior with standard
// deviation 1 on each log-odds effect (lambda = 1 / sd^2). It keeps a term
// seen in few links finite (a treaty naming the attacker: a handful of
// links, all fought) and shrinks an effect toward none unless the wars
// show it.
constexpr double ridge_lambda = 1.0;

// The coefficients, in the order of `kinds`, maximising the penalised
// likelihood of the links for which `use` is true (Newton's method).
std::vector<double> fit(const std::vector<BacktestLink>& links, const std::vector<std::string>& kinds,
                        const std::vector<bool>& use);

// P(fought) of a link under the coefficients.
double predict(const BacktestLink& link, const std::vector<std::string>& kinds, const std::vector<double>& beta);

// Writes the coefficients as the Prolog module verdict_model_fitted,
// with the command that wrote it; throws StorageError when it cannot.
void write_fitted(const std::filesystem::path& file, const std::vector<std::string>& kinds,
                  const std::vector<double>& beta, const BacktestReport& report);

}  // namespace casus::backtest
