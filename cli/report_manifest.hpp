#pragma once
// The articles of a report and their publication dates: one --published date for all, or a
// manifest CSV with a header `file,published` (paths relative to the manifest).

#include <filesystem>
#include <string>
#include <vector>

namespace sitmap::cli {

struct ReportInput {
    std::filesystem::path path;
    std::string published; // YYYY-MM-DD
    std::string display;   // as written (manifest line or command line): what the report shows
};

// Whether a manifest may name files outside its own folder (`..`, absolute paths, symbolic links
// that lead out).
enum class ManifestScope : bool { inside = false, anywhere = true };

// Reads a manifest (geo::read_csv_table). Entries resolve relative to the manifest's folder.
// Throws sitmap::Error (bad_input) naming the file and the row: missing columns, empty file
// name, a date that is not YYYY-MM-DD, and (with ManifestScope::inside) a file outside the
// manifest's folder.
std::vector<ReportInput> read_manifest(const std::filesystem::path& csv,
                                       ManifestScope scope = ManifestScope::inside);

} // namespace sitmap::cli
