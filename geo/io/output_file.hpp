#pragma once
// An output file written under a temporary name next to its final path and renamed into place on
// commit(); without a commit, the temporary file is removed and nothing is left behind.

#include "geo/io/event_io.hpp"

#include <filesystem>

namespace sitmap::geo {

class OutputFile {
public:
    // Checks that `path` may be written: its directory exists and, unless overwrite is yes, the
    // file does not. The temporary name keeps the extension (`name.tmp.gpkg`) because some GDAL
    // drivers check it. Throws sitmap::Error (output_failed) naming the path.
    OutputFile(std::filesystem::path path, Overwrite overwrite);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::filesystem::path& temp_path() const { return m_temp; }

    // Renames the temporary file to the final path. Throws sitmap::Error (output_failed).
    void commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_temp;
    Overwrite m_overwrite;
    bool m_committed = false;
};

} // namespace sitmap::geo
