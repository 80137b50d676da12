// A resolved fact: functor and argument ids, ready to become a term or
// to be shown as text. What every stage of the engine passes around.
#pragma once

#include "prolog.hpp"

#include <string>
#include <vector>

namespace casus {

struct GroundFact {
    std::string kind;
    std::vector<std::string> args;
    PlTerm term() const {
        std::vector<PlTerm> a;
        for (auto& s : args) a.push_back(prolog::atom(s));
        return prolog::compound(kind, a);
    }
    std::string text() const {
        std::size_t size = kind.size() + 2;
        for (auto& a : args) size += a.size() + 2;
        std::string out;
        out.reserve(size);  // one allocation: every add of a batch is acknowledged with its text
        out += kind;
        out += '(';
        for (std::size_t i = 0; i < args.size(); ++i) {
            if (i) out += ", ";
            out += args[i];
        }
        out += ')';
        return out;
    }
};

}  // namespace casus
