// libFuzzer target: the journal reader and `casus repair`'s plan on
// arbitrary bytes. Neither may crash, the plan must cover every byte
// exactly once, and it must never drop a readable record: every offset
// where a valid frame starts is kept, unless that frame overlaps one kept
// before it (only crafted bytes can make valid frames overlap). What the
// reader takes on a clean file is what the plan keeps. And the decoder's
// fast path reads every payload as nlohmann::json does.
#include "journal_recovery.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace rec = casus::journal_recovery;

// The decoder's fast path must agree with nlohmann's general parser on
// every payload: both accept it with the same record, or both refuse it.
void differential(std::string_view payload) {
    casus::JournalRecord fast, general;
    std::string why;
    const bool a = casus::journal_format::decode(payload, fast, why);
    const bool b = casus::journal_format::decode_json(payload, general, why);
    if (a != b || (a && !(fast == general))) std::abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    differential(bytes);  // the input as one payload
    if (size > 8) differential(bytes.substr(8));  // a frame's payload, CRC or not
    const rec::Scan scan = rec::scan(bytes);
    const auto pieces = rec::plan_repair(bytes);

    std::size_t covered = 0, kept = 0;
    std::vector<std::pair<std::size_t, std::size_t>> kept_spans;
    for (auto& p : pieces) {
        if (p.offset != covered || p.size == 0) std::abort();  // a gap, an overlap or an empty piece
        covered += p.size;
        if (!p.kept) continue;
        casus::JournalRecord r;
        const rec::FrameCheck c = rec::check_frame(bytes, p.offset, &r);
        if (c.state != rec::FrameState::valid || c.size != p.size || !(r == p.record)) std::abort();
        if (kept < scan.records.size() && p.offset < scan.good_end && !(scan.records[kept] == p.record)) std::abort();
        ++kept;
        kept_spans.emplace_back(p.offset, p.offset + p.size);
    }
    if (covered != size) std::abort();  // bytes lost
    if (scan.outcome == rec::Scan::Outcome::clean && kept != scan.records.size()) std::abort();
    if (scan.records.size() > kept) std::abort();

    // Brute force: every valid frame is kept or overlaps a kept one.
    std::size_t k = 0;
    for (std::size_t at = 0; at < size; ++at) {
        const rec::FrameCheck c = rec::check_frame(bytes, at);
        if (c.state != rec::FrameState::valid) continue;
        while (k < kept_spans.size() && kept_spans[k].second <= at) ++k;
        const bool is_kept = k < kept_spans.size() && kept_spans[k].first == at;
        const bool overlaps = (k < kept_spans.size() && kept_spans[k].first < at + c.size) ||
                              (k > 0 && kept_spans[k - 1].second > at);
        if (!is_kept && !overlaps) std::abort();  // a readable record dropped
    }
    return 0;
}
