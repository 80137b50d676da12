// Replaying the journal into the store at start: batched where it can
// be, a record the kb no longer takes skipped with its reason.
#include "engine_impl.hpp"

#include "limits.hpp"

#include <optional>
#include <string>
#include <vector>

namespace casus {

void Engine::Impl::replay_all(std::vector<JournalRecord>& records, std::size_t first) {
    records.erase(records.begin(), records.begin() + static_cast<std::ptrdiff_t>(first));
    struct SkippedSummary {
        JournalReport& r;
        ~SkippedSummary() {
            if (r.skipped > 10)
                r.messages.push_back("... " + std::to_string(r.skipped) + " journal records in all no longer apply and were skipped");
        }
    } summary{report};
    for (std::size_t i = 0; i < records.size();) {
        if (!batched(records[i])) {
            replay_one(records[i]);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < records.size() && end - i < max_queue && batched(records[end])) ++end;
        replay_batch(records, i, end);
        i = end;
    }
}

// Adds of an open spell, ends and withdrawals: replayed in batches
// (replay_batch); imports' closed spells and definitions one by one.
bool Engine::Impl::batched(const JournalRecord& r) {
    return r.fact.size() > 1 && ((r.op == "add" && !r.until) || r.op == "end" || r.op == "withdraw");
}

// A record the kb no longer takes: the first few in full (a kb change
// can make thousands not apply).
void Engine::Impl::skipped(const std::string& why) {
    if (++report.skipped <= 10)
        report.messages.push_back("journal record " + std::to_string(report.records + report.skipped) +
                                  " no longer applies and was skipped: " + why);
}

void Engine::Impl::replay_one(const JournalRecord& r) {
    try {
        replay(r);
        ++report.records;
    } catch (const Error& e) {
        skipped(e.what());
    }
}

// Replays records[begin, end) in one api_replay/2 call, each applied
// in order exactly as replay_one would (checked, then stored, ended
// or withdrawn), one the kb refuses skipped with its message. One
// call per 4,096 records, not one per record: a journal of 160,000
// opened in 7.6 s one by one.
void Engine::Impl::replay_batch(const std::vector<JournalRecord>& records, std::size_t begin, std::size_t end) {
    std::vector<std::optional<std::string>> refused(end - begin);
    prolog::Frame frame;
    // Made once, kept for the process.
    static const functor_t add5 = PL_new_functor(PL_new_atom("add"), 5), end4 = PL_new_functor(PL_new_atom("end"), 4),
                           withdraw1 = PL_new_functor(PL_new_atom("withdraw"), 1);
    long adds = 0;
    for (std::size_t k = begin; k < end; ++k) adds += records[k].op == "add";
    const long first_id = next_id;
    long id = first_id + adds;  // the list is built from its end
    PlTerm_var items;
    PL_put_nil(items.C_);
    term_t item = PL_new_term_ref(), a = PL_new_term_refs(5), fact = PL_new_term_ref(), src = PL_new_term_ref(),
           rec = PL_new_term_ref();
    // Most records of a batch share their source and recording time (a
    // script's statements within one second): each atom is made once
    // for a run of equal texts, and the fact's functor once for a run of
    // one kind, as apply_queue does for the adds it sends.
    const std::string *last_src = nullptr, *last_rec = nullptr, *last_kind = nullptr;
    functor_t kind_f = 0;
    for (std::size_t k = end; k-- > begin;) {
        const JournalRecord& r = records[k];
        const std::size_t arity = r.fact.size() - 1;
        if (!last_kind || *last_kind != r.fact[0] || PL_functor_arity(kind_f) != arity) {
            last_kind = &r.fact[0];
            PlTerm_var name;
            prolog::put_atom(name.C_, r.fact[0]);
            atom_t n;
            if (!PL_get_atom(name.C_, &n)) throw LimitError("out of memory replaying the journal");
            kind_f = PL_new_functor(n, arity);
        }
        term_t fargs = PL_new_term_refs(static_cast<int>(arity));
        for (std::size_t j = 0; j < arity; ++j) prolog::put_atom(fargs + j, r.fact[j + 1]);
        bool ok = PL_cons_functor_v(fact, kind_f, fargs) && PL_put_term(r.op == "withdraw" ? a : a + 1, fact);
        PL_reset_term_refs(fargs);
        if (r.op != "withdraw") {
            // Atoms, as apply_queue passes them (api.pl stored_text/2).
            if (!last_src || *last_src != r.source) prolog::put_atom(src, *(last_src = &r.source));
            if (!last_rec || *last_rec != r.recorded) prolog::put_atom(rec, *(last_rec = &r.recorded));
        }
        if (r.op == "add") {
            ok = ok && PL_put_term(a + 3, src) && PL_put_term(a + 4, rec) && PL_put_int64(a, --id) &&
                 PL_put_int64(a + 2, r.date) && PL_cons_functor_v(item, add5, a);
        } else if (r.op == "end") {
            ok = ok && PL_put_term(a, a + 1);  // the fact first: end(Fact, Date, Source, Recorded)
            ok = ok && PL_put_term(a + 2, src) && PL_put_term(a + 3, rec) && PL_put_int64(a + 1, r.date) &&
                 PL_cons_functor_v(item, end4, a);
        } else {
            ok = ok && PL_cons_functor_v(item, withdraw1, a);
        }
        if (!ok || !PL_cons_list(items.C_, item, items.C_)) throw LimitError("out of memory replaying the journal");
    }
    next_id = first_id + adds;
    PlTerm_var skips;
    must_call(prolog::compound("api_replay", {items, skips}));
    for (auto& s : prolog::list_items(skips)) {
        std::size_t k = static_cast<std::size_t>(prolog::integer_of(prolog::arg(s, 1))) - 1;
        if (k < refused.size()) refused[k] = prolog::text(prolog::arg(s, 2));
    }
    for (auto& why : refused) {
        if (why) skipped(*why);
        else ++report.records;
    }
}

void Engine::Impl::replay(const JournalRecord& r) {
    if (r.fact.empty()) throw ValidationError("empty fact", 0, 0);
    GroundFact f{r.fact[0], {r.fact.begin() + 1, r.fact.end()}};
    prolog::Frame frame;
    if (r.op == "add" && r.until) {
        add_spell(f, r.date, r.until, r.source, r.recorded);
        return;
    }
    apply(r.op, f, r.date, r.source, r.recorded);
}

}  // namespace casus
