// casus_atop_kb: the build step that puts the shipped ATOP release into the
// default kb. It imports kb/data/atop and the COW list into an engine that
// keeps its facts in memory, with the importer `casus import atop` runs,
// and writes what the import added as a kb module (atop_kb.pl), which the
// build compiles into the saved state. One importer, so importing the
// shipped release again adds nothing.
//
// usage: casus_atop_kb KB_DIR ATOP_DIR STATES_CSV OUT.pl
#include "casus/engine.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: casus_atop_kb KB_DIR ATOP_DIR STATES_CSV OUT.pl\n";
        return 2;
    }
    try {
        casus::EngineOptions options;
        options.kb_dir = argv[1];
        options.timeout_seconds = 0;  // a build step: no limit
        casus::Engine engine(options);
        casus::ImportResult r = engine.import_atop(argv[2], argv[3]);
        engine.write_imports_as_kb(argv[4], "ATOP 4.01 (kb/data/atop) and the COW state list v2016, by `casus import atop`");
        std::cout << "atop_kb: " << r.alliances << " alliances, " << r.spells_added << " membership spells, "
                  << r.entities_added << " entities\n";
        return 0;
    } catch (const casus::Error& e) {
        std::cerr << "casus_atop_kb: " << e.what() << "\n";
        return 1;
    }
}
