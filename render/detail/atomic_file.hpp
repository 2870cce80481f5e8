#pragma once
// Internal: a file written under path.tmp and renamed to path by commit(); destroyed without a
// commit, it removes the temporary file, so a failed render leaves nothing behind.

#include "geo/core/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

namespace sitmap::render::detail {

class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path path)
        : m_path(std::move(path)), m_tmp(m_path.string() + ".tmp") {
        m_file = std::fopen(m_tmp.c_str(), "wb");
        if (m_file == nullptr) {
            throw output_error(m_path.string() + ": cannot write (" + std::strerror(errno) + ")");
        }
    }
    ~AtomicFile() {
        if (m_file != nullptr) {
            std::fclose(m_file);
        }
        if (!m_committed) {
            std::error_code ec;
            std::filesystem::remove(m_tmp, ec);
        }
    }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::FILE* get() const { return m_file; }
    const std::filesystem::path& path() const { return m_path; }

    void write(const void* data, std::size_t size) {
        if (size > 0 && std::fwrite(data, 1, size, m_file) != size) {
            m_failed = true;
        }
    }
    void fail() { m_failed = true; }

    void commit() {
        const bool close_ok = std::fclose(m_file) == 0;
        m_file = nullptr;
        if (m_failed || !close_ok) {
            throw output_error(m_path.string() + ": write failed (disk full?)");
        }
        std::error_code ec;
        std::filesystem::rename(m_tmp, m_path, ec);
        if (ec) {
            throw output_error(m_path.string() + ": cannot rename from " + m_tmp + ": " +
                               ec.message());
        }
        m_committed = true;
    }

private:
    std::filesystem::path m_path;
    std::string m_tmp;
    std::FILE* m_file = nullptr;
    bool m_failed = false;
    bool m_committed = false;
};

} // namespace sitmap::render::detail
