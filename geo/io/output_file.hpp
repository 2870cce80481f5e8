#pragma once
// An output file written under a temporary name next to its final path and moved into place on
// commit(); without a commit, the temporary file is removed and nothing is left behind.

#include "geo/io/event_io.hpp"

#include <filesystem>
#include <string_view>

namespace sitmap::geo {

class OutputFile {
public:
    // Checks that `path` may be written: its directory exists and, unless overwrite is yes, the
    // file does not. The temporary file is `<dir>/.sitmap-XXXXXX/out<extension>`: in a folder of
    // a unique name (mkdtemp) in the target's directory, so concurrent writers never share a
    // temporary; it keeps the extension (some GDAL drivers check it) under a short name, so that
    // a long final name leaves room for SQLite's "-journal". The folder names its writer (host
    // and process id); a writer removes the folders of writers on its host that no longer run
    // (killed with kill -9, which no program can clean up after). Throws sitmap::Error
    // (output_failed) naming the path.
    OutputFile(std::filesystem::path path, Overwrite overwrite);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    const std::filesystem::path& temp_path() const { return m_temp; }

    // Writes `bytes` as the whole temporary file, checking every write and the close.
    // Throws sitmap::Error (output_failed) naming the path and the system's reason.
    void write(std::string_view bytes);

    // Flushes the temporary file to disk (fsync) and moves it to the final path: rename() with
    // overwrite, else link() + unlink(), which refuses atomically a file that appeared meanwhile.
    // Throws sitmap::Error (output_failed); the previous file, if any, is then untouched.
    void commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_dir; // the unique temporary folder
    std::filesystem::path m_temp;
    Overwrite m_overwrite;
};

// The whole of `bytes` as the file `path`, through an OutputFile.
void write_file(const std::filesystem::path& path, std::string_view bytes, Overwrite overwrite);

// Writes to standard output, checking every write (a full disk, a closed pipe, /dev/full).
// Throws sitmap::Error (output_failed) "standard output: <reason>".
void write_stdout(std::string_view bytes);

} // namespace sitmap::geo
