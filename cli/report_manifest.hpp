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
};

// Reads a manifest (geo::read_csv_table). Throws sitmap::Error (bad_input) naming the file and
// the row: missing columns, empty file name, a date that is not YYYY-MM-DD.
std::vector<ReportInput> read_manifest(const std::filesystem::path& csv);

} // namespace sitmap::cli
