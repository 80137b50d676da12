// Catch2 runner for the engine tests. Prolog itself is started by the
// first Engine, once per process, as in the casus program.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    setenv("CASUS_TODAY", "2026-11-28", 1);
    return Catch::Session().run(argc, argv);
}
