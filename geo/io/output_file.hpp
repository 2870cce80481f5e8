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
    // a long final name leaves room for SQLite's "-journal". The folder names its writer, and
    // the folders of writers killed before they could remove theirs are removed first (see
    // remove_abandoned_folders). Throws sitmap::Error (output_failed) naming the path.
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

// Temporary folders `<prefix>XXXXXX` (mkdtemp) that a killed writer cannot remove: the writer
// names itself in the folder (an `owner` file: host and process id), and the next writer into the
// same directory removes the folders of writers on this host that no longer run. A folder whose
// writer is running, on another host or unnamed is left alone. release_temporary_folder removes
// the name before the folder itself becomes the output (a report swapped in whole).
void claim_temporary_folder(const std::filesystem::path& folder);
void release_temporary_folder(const std::filesystem::path& folder);
void remove_abandoned_folders(const std::filesystem::path& dir, std::string_view prefix);

// The whole of `bytes` as the file `path`, through an OutputFile.
void write_file(const std::filesystem::path& path, std::string_view bytes, Overwrite overwrite);

// Writes to standard output, checking every write (a full disk, a closed pipe, /dev/full).
// Throws sitmap::Error (output_failed) "standard output: <reason>".
void write_stdout(std::string_view bytes);

} // namespace sitmap::geo
