#include "backtest_fit.hpp"

#include "casus/errors.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace casus::backtest {

namespace {

double feature(const BacktestLink& link, const std::string& kind) {
    return std::find(link.terms.begin(), link.terms.end(), kind) != link.terms.end() ? 1.0 : 0.0;
}

// Solves a x = b by Gaussian elimination with partial pivoting; the
// penalised Hessian is positive definite, so a pivot is never zero.
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
    const std::size_t n = b.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
        std::swap(a[c], a[pivot]);
        std::swap(b[c], b[pivot]);
        for (std::size_t r = 0; r < n; ++r) {
            if (r == c) continue;
            const double m = a[r][c] / a[c][c];
            for (std::size_t k = c; k < n; ++k) a[r][k] -= m * a[c][k];
            b[r] -= m * b[c];
        }
    }
    for (std::size_t i = 0; i < n; ++i) b[i] /= a[i][i];
    return b;
}

}  // namespace

double predict(const BacktestLink& link, const std::vector<std::string>& kinds, const std::vector<double>& beta) {
    double eta = link.offset;
    for (std::size_t j = 0; j < kinds.size(); ++j) eta += beta[j] * feature(link, kinds[j]);
    return 1 / (1 + std::exp(-eta));
}

std::vector<double> fit(const std::vector<BacktestLink>& links, const std::vector<std::string>& kinds,
                        const std::vector<bool>& use) {
    const std::size_t k = kinds.size();
    std::vector<double> beta(k, 0.0);
    std::vector<std::vector<double>> x;
    x.reserve(links.size());
    for (auto& l : links) {
        std::vector<double>& row = x.emplace_back(k);
        for (std::size_t j = 0; j < k; ++j) row[j] = feature(l, kinds[j]);
    }
    // Newton's method on a concave objective: a few steps reach 1e-10.
    for (int step = 0; step < 100; ++step) {
        std::vector<double> grad(k, 0.0);
        std::vector<std::vector<double>> hess(k, std::vector<double>(k, 0.0));
        for (std::size_t i = 0; i < links.size(); ++i) {
            if (!use[i]) continue;
            const double p = predict(links[i], kinds, beta), y = links[i].fought ? 1 : 0;
            for (std::size_t a = 0; a < k; ++a) {
                if (x[i][a] == 0) continue;
                grad[a] += (y - p) * x[i][a];
                for (std::size_t b = 0; b < k; ++b) hess[a][b] += p * (1 - p) * x[i][a] * x[i][b];
            }
        }
        for (std::size_t a = 0; a < k; ++a) {
            grad[a] -= ridge_lambda * beta[a];
            hess[a][a] += ridge_lambda;
        }
        const std::vector<double> delta = solve(hess, grad);
        double largest = 0;
        for (std::size_t a = 0; a < k; ++a) {
            beta[a] += delta[a];
            largest = std::max(largest, std::abs(delta[a]));
        }
        if (largest < 1e-10) break;
    }
    return beta;
}

void write_fitted(const std::filesystem::path& file, const std::vector<std::string>& kinds,
                  const std::vector<double>& beta, const BacktestReport& report) {
    std::ostringstream text;
    std::size_t fought = 0;
    for (auto& l : report.links) fought += l.fought;
    text << "/** <module> The fitted coefficients of the verdict model (generated)\n\n"
         << "Written by `casus backtest --fit " << file.string() << "` (from the top of the source\n"
         << "tree, with the kb casus was built with); do not edit by hand: run it again.\n"
         << "A ridge logistic regression (engine/src/backtest_fit.cpp, lambda " << ridge_lambda << ") on\n"
         << report.links.size() << " links of " << report.attacks << " attacks (" << fought << " fought), from "
         << report.wars_file.filename().string() << ".\n"
         << "Each coefficient is the log-odds effect of one term of kb/verdict_model.pl,\n"
         << "rounded to cents as the score is shown.\n*/\n"
         << ":- module(verdict_model_fitted, [fitted/2]).\n\n"
         << "%! fitted(?Kind, ?LogOdds) is nondet.\n";
    for (std::size_t j = 0; j < kinds.size(); ++j) {
        const double cents = std::round(beta[j] * 100) / 100;
        char number[32];
        std::snprintf(number, sizeof number, "%.2f", cents == 0 ? 0.0 : cents);
        text << "fitted(" << kinds[j] << ", " << number << ").\n";
    }
    const std::filesystem::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << text.str();
        out.flush();
        if (!out) throw StorageError("cannot write the fitted coefficients to " + temp.string());
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
    if (ec) throw StorageError("cannot replace " + file.string() + ": " + ec.message());
}

}  // namespace casus::backtest
