// The engine side of `export dyads`: the statement's checks, the kb's
// tables read once (kb/export_dyads.pl), the defence matrix's tables of
// each year's reference day for the verdict, and the rows streamed to
// the caller (export_dyads.cpp computes them).
#include "casus/dyads.hpp"
#include "casus/engine.hpp"

#include "engine_impl.hpp"
#include "export_dyads.hpp"
#include "limits.hpp"
#include "matrix.hpp"
#include "prolog.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

namespace casus {

namespace {

void check_options(const DyadExportOptions& o) {
    const int this_year = Date::today().year;
    if (o.from_year > o.to_year)
        throw UsageError("the year range runs backwards: " + std::to_string(o.from_year) + " to " + std::to_string(o.to_year) +
                         "; write the earlier year first");
    if (o.from_year < cow_first_year)
        throw UsageError("the state system begins in " + std::to_string(cow_first_year) +
                         " (the Correlates of War list), so there are no dyads in " + std::to_string(o.from_year));
    if (o.to_year > this_year)
        throw UsageError("casus holds no facts about " + std::to_string(o.to_year) + "; the range can run to " +
                         std::to_string(this_year) + " at the latest");
    // The day must exist in every year of the range: 02-29 does not.
    if (o.ref_month < 1 || o.ref_month > 12 || o.ref_day < 1 || o.ref_day > Date::days_in_month(2001, o.ref_month))
        throw UsageError("the reference day " + std::to_string(o.ref_month) + "-" + std::to_string(o.ref_day) +
                         " is not a day of every year (MM-DD, 02-29 excepted); the default is 12-31");
}

PlTerm call_out(const char* module, const char* pred, std::vector<PlTerm> args) {
    PlTerm_var out;
    args.push_back(out);
    if (!prolog::call(module, prolog::compound(pred, args)))
        throw PrologError(std::string("the kb predicate ") + pred + " failed where it must succeed");
    return out;
}

}  // namespace

std::size_t Engine::Impl::export_dyads(const DyadExportOptions& o, const DyadSink& sink) {
    check_options(o);
    if (!queue.empty()) apply_queue();  // group commit: the export sees the adds queued before it
    limits::Scope limit(options.timeout_seconds, prolog::memory_limit_mb(), limits::question);
    prolog::Frame frame;
    PlTerm states = call_out("api", "api_export_states", {});
    PlTerm treaties = call_out("api", "api_export_treaties", {});
    const dyads::World world(states.C_, treaties.C_);
    std::vector<std::uint32_t> chosen;
    for (auto& id : o.states) {
        auto i = world.find(id);
        if (!i) throw UsageError("'" + id + "' is no state of the COW state system, so it is in no dyad");
        chosen.push_back(*i);
    }
    std::sort(chosen.begin(), chosen.end());
    chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
    if (!o.states.empty() && chosen.size() < 2) throw UsageError("a dyad needs two different states: name at least two");

    std::unique_ptr<matrix::DefenceTables> tables;
    auto tables_of = [&](long day) -> const matrix::DefenceTables* {
        tables.reset();  // the previous year's, before the next are read
        PlTerm t = call_out("api", "api_matrix", {prolog::integer(day)});
        tables = std::make_unique<matrix::DefenceTables>(t.C_);
        return tables->user_rules() ? nullptr : tables.get();
    };
    std::size_t rows = 0;
    for (int year = o.from_year; year <= o.to_year; ++year) {
        prolog::Frame per_year;  // the year's tables are freed before the next year's
        rows += dyads::export_year(world, year, o, chosen, tables_of, sink);
        tables.reset();
    }
    return rows;
}

std::size_t Engine::Impl::export_to(const DyadExportOptions& o, DyadFormat format, const std::filesystem::path& file) {
    check_options(o);  // before a file is made
    if (file.empty()) {
        std::ostream& out = export_out ? *export_out : std::cout;
        DyadWriter writer(out, format);
        std::size_t rows = export_dyads(o, std::ref(writer));
        out.flush();
        return rows;
    }
    // Written beside the file and renamed over it once complete: a failed
    // export leaves the old file as it was, never half a table.
    const std::string target = file.string(), tmp = target + ".part";
    std::size_t rows = 0;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            throw StorageError("cannot write '" + tmp + "' (for '" + target + "'): check that the directory exists and is writable");
        try {
            DyadWriter writer(out, format);
            rows = export_dyads(o, std::ref(writer));
            out.close();
            if (!out) throw StorageError("could not finish writing '" + tmp + "' (disk full?)");
        } catch (...) {
            out.close();
            std::remove(tmp.c_str());
            throw;
        }
    }
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw StorageError("cannot rename '" + tmp + "' to '" + target + "'");
    }
    return rows;
}

Result Engine::Impl::run_node(const ParsedStatement& ps, const ast::ExportDyads& e) {
    DyadExportOptions o;
    o.from_year = e.years.from;
    o.to_year = e.years.to;
    if (e.on) o.ref_month = e.on->month, o.ref_day = e.on->day;
    // A name is the state that bore it at the end of the range
    // (West Germany, USSR resolve to theirs whatever the year).
    const Date named_on{o.to_year, 12, 31};
    if (e.among)
        for (auto& n : *e.among) o.states.push_back(resolve_state(ps, n, named_on));
    const DyadFormat format = e.format && *e.format == "json" ? DyadFormat::json : DyadFormat::csv;
    ExportResult r{0, o.from_year, o.to_year, e.file ? *e.file : ""};
    r.rows = export_to(o, format, e.file ? std::filesystem::path(*e.file) : std::filesystem::path());
    return r;
}

std::size_t Engine::export_dyads(const DyadExportOptions& options, const DyadSink& sink) {
    prolog::Frame frame;
    return impl_->export_dyads(options, sink);
}

std::size_t Engine::export_dyads(const DyadExportOptions& options, DyadFormat format, const std::filesystem::path& file) {
    prolog::Frame frame;
    return impl_->export_to(options, format, file);
}

void Engine::set_export_output(std::ostream* out) { impl_->export_out = out; }

}  // namespace casus
