// libFuzzer target: the whole statement pipeline (parse, resolve names,
// validate against the schema, compile to a whitelisted kb call, run the
// questions) on one embedded Prolog, in dry-run mode so that adds and
// retracts are checked but never applied. Any casus::Error is a clean
// rejection; any other exception, a crash or an applied change is a bug.
#include "casus/engine.hpp"

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <variant>

namespace {
casus::Engine* engine = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setenv("CASUS_TODAY", "2026-11-28", 1);
    casus::EngineOptions options;
    options.kb_dir = CASUS_TEST_KB_DIR;
    options.dry_run = true;
    options.timeout_seconds = 2;
    options.stack_limit_mb = 256;
    engine = new casus::Engine(options);  // lives for the whole run, as in casus
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!engine) LLVMFuzzerInitialize(nullptr, nullptr);
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        casus::Result r = engine->execute(text);
        if (auto* change = std::get_if<casus::ChangeResult>(&r); change && change->count != 0)
            std::abort();  // dry run applied a change
    } catch (const casus::Error&) {
        // A clean, typed rejection.
    }
    return 0;
}
