// casus_name_table: the build step that writes the kb's name table beside
// its saved state (casus.names, engine/src/name_file.hpp), so that a
// start reads one file instead of asking the kb for every name; and its
// check, which a test runs: the table holds exactly what the kb gives.
//
// usage: casus_name_table KB_DIR          write KB_DIR/casus.names
//        casus_name_table --check KB_DIR  exit 0 if it matches the kb
#include "casus/engine.hpp"
#include "kb_names.hpp"
#include "name_file.hpp"
#include "saved_state.hpp"

#include <iostream>
#include <string>

int main(int argc, char** argv) {
    const bool check = argc == 3 && std::string(argv[1]) == "--check";
    if (argc != 2 && !check) {
        std::cerr << "usage: casus_name_table [--check] KB_DIR\n";
        return 2;
    }
    const std::filesystem::path kb_dir = argv[argc - 1];
    try {
        const casus::SavedState state = casus::find_saved_state(kb_dir);
        if (state.file.empty()) {
            std::cerr << "casus_name_table: no usable saved state in " << kb_dir.string() << " " << state.problem << "\n";
            return 1;
        }
        casus::EngineOptions options;
        options.kb_dir = kb_dir;
        options.timeout_seconds = 0;  // a build step: no limit
        casus::Engine engine(options);  // starts Prolog from the state, facts in memory
        const auto from_kb = casus::kb_names::read_kb();
        const auto file = kb_dir / casus::name_file::file_name;
        if (!check) {
            casus::name_file::write(file, from_kb, state.identity, casus::kb_names::census());
            std::cout << "name table: " << from_kb.names.size() << " names, " << from_kb.state_spells.size() << " state spells, "
                      << from_kb.dated.size() << " dated names, " << from_kb.name_spells.size() << " name spells\n";
            return 0;
        }
        std::string problem;
        const auto from_file = casus::name_file::read(file, state.identity, casus::kb_names::census(), problem);
        if (!from_file) {
            std::cerr << "casus_name_table: " << file.string() << " is not used with this kb "
                      << (problem.empty() ? "(missing, or written from another state or census)" : problem) << "\n";
            return 1;
        }
        if (!(*from_file == from_kb)) {
            std::cerr << "casus_name_table: " << file.string() << " differs from the kb's names\n";
            return 1;
        }
        std::cout << "name table matches the kb: " << from_kb.names.size() << " names\n";
        return 0;
    } catch (const casus::Error& e) {
        std::cerr << "casus_name_table: " << e.what() << "\n";
        return 1;
    }
}
