#include "geo/io/output_file.hpp"

#include "geo/core/error.hpp"

#include <system_error>

namespace sitmap::geo {

namespace fs = std::filesystem;

OutputFile::OutputFile(fs::path path, Overwrite overwrite)
    : m_path(std::move(path)), m_overwrite(overwrite) {
    const fs::path dir = m_path.has_parent_path() ? m_path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw output_error(m_path.string() + ": directory " + dir.string() + " does not exist");
    }
    if (fs::is_directory(m_path, ec)) {
        throw output_error(m_path.string() + ": is a directory");
    }
    if (overwrite == Overwrite::no && fs::exists(m_path, ec)) {
        throw output_error(m_path.string() + ": already exists (not replacing it)");
    }
    m_temp = dir / (m_path.stem().string() + ".tmp" + m_path.extension().string());
    fs::remove(m_temp, ec); // a leftover of an interrupted run
}

OutputFile::~OutputFile() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove(m_temp, ec);
    }
}

void OutputFile::commit() {
    std::error_code ec;
    if (m_overwrite == Overwrite::no && fs::exists(m_path, ec)) {
        throw output_error(m_path.string() + ": already exists (not replacing it)");
    }
    fs::rename(m_temp, m_path, ec);
    if (ec) {
        throw output_error(m_path.string() + ": cannot rename " + m_temp.string() +
                           " into place: " + ec.message());
    }
    m_committed = true;
}

} // namespace sitmap::geo
