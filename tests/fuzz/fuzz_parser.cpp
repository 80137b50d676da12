// libFuzzer target: the parser alone. Any input must either parse or
// raise casus::SyntaxError with an offset inside the text (or at its end);
// anything else (a crash, another exception, an offset out of range) is a bug.
#include "casus/errors.hpp"
#include "parser.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        casus::ParsedStatement ps = casus::parse_statement(text);
        for (std::size_t offset : ps.positions)
            if (offset > text.size()) std::abort();  // a position outside the text
    } catch (const casus::SyntaxError& e) {
        if (e.offset() > text.size()) std::abort();
    }
    return 0;
}
