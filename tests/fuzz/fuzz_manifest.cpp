// The report manifest reader (`sitmap report --manifest FILE.csv`), confined to the manifest's
// folder as the CLI reads it by default, and unconfined (--allow-outside-manifest).

#include "tests/fuzz/fuzz_support.hpp"

#include "cli/report_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::filesystem::path path = sitmap::fuzz::scratch_path("manifest.csv");
    sitmap::fuzz::write_file(path, data, size);
    sitmap::fuzz::run_guarded(
        [&] { (void)sitmap::cli::read_manifest(path, sitmap::cli::ManifestScope::inside); });
    sitmap::fuzz::run_guarded(
        [&] { (void)sitmap::cli::read_manifest(path, sitmap::cli::ManifestScope::anywhere); });
    return 0;
}
