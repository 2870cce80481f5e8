#include "geo/io/output_file.hpp"

#include "geo/core/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <string>
#include <system_error>
#include <unistd.h>

namespace sitmap::geo {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) {
    return std::strerror(err);
}

// Writes all of bytes to fd; false with errno set on failure.
bool write_all(int fd, std::string_view bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            if (n == 0) {
                errno = EIO;
            }
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// fsync of a file or folder by name; false with errno set on failure.
bool sync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    const int err = errno;
    ::close(fd);
    errno = err;
    return ok;
}

// The file in a temporary folder that names the writer: "<host> <pid>".
constexpr const char* owner_file = "owner";
constexpr std::string_view temp_prefix = ".sitmap-";
constexpr std::size_t random_part_size = 6; // mkdtemp's XXXXXX

std::string host_name() {
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0) {
        return {};
    }
    return buf;
}

} // namespace

void claim_temporary_folder(const fs::path& folder) {
    // Not being able to say so (a full disk) is no error of its own: the write will report it.
    std::ofstream(folder / owner_file) << host_name() << ' ' << ::getpid() << '\n';
}

void release_temporary_folder(const fs::path& folder) {
    std::error_code ec;
    fs::remove(folder / owner_file, ec);
}

void remove_abandoned_folders(const fs::path& dir, std::string_view prefix) {
    const std::string host = host_name();
    if (host.empty()) {
        return;
    }
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code kind_ec;
        if (name.size() != prefix.size() + random_part_size || name.rfind(prefix, 0) != 0 ||
            it->is_symlink(kind_ec) || !it->is_directory(kind_ec)) {
            continue;
        }
        std::ifstream in(it->path() / owner_file);
        std::string owner_host;
        long pid = 0;
        if (!(in >> owner_host >> pid) || owner_host != host || pid <= 0 ||
            pid == static_cast<long>(::getpid())) {
            continue;
        }
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) {
            continue; // running, or not ours to signal: alive
        }
        std::error_code rm_ec;
        fs::remove_all(it->path(), rm_ec);
    }
}

OutputFile::OutputFile(fs::path path, Overwrite overwrite)
    : m_path(std::move(path)), m_overwrite(overwrite) {
    const fs::path dir = m_path.has_parent_path() ? m_path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!m_path.has_filename()) {
        throw output_error(m_path.string() + ": not a file name");
    }
    if (!fs::is_directory(dir, ec)) {
        throw output_error(m_path.string() + ": directory " + dir.string() + " does not exist");
    }
    if (fs::is_directory(m_path, ec)) {
        throw output_error(m_path.string() + ": is a directory");
    }
    if (overwrite == Overwrite::no && fs::exists(fs::symlink_status(m_path, ec))) {
        throw output_error(m_path.string() + ": already exists (not replacing it; --force does)");
    }
    remove_abandoned_folders(dir, temp_prefix);
    std::string templ = (dir / (std::string(temp_prefix) + "XXXXXX")).string();
    if (::mkdtemp(templ.data()) == nullptr) {
        throw output_error(m_path.string() + ": cannot create a temporary folder in " +
                           dir.string() + ": " + reason(errno));
    }
    m_dir = templ;
    claim_temporary_folder(m_dir); // so that a later writer removes it if this one is killed
    // A short name of the same extension: SQLite adds "-journal" to a GeoPackage's name, which
    // a final name near the 255-byte limit has no room for.
    m_temp = m_dir / ("out" + m_path.extension().string());
}

OutputFile::~OutputFile() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

void OutputFile::write(std::string_view bytes) {
    const int fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw output_error(m_path.string() + ": cannot create: " + reason(errno));
    }
    const bool written = write_all(fd, bytes);
    const int err = errno;
    if (!written) {
        ::close(fd);
        throw output_error(m_path.string() + ": cannot write: " + reason(err));
    }
    if (::close(fd) != 0) {
        throw output_error(m_path.string() + ": cannot write: " + reason(errno));
    }
}

void OutputFile::commit() {
    if (!sync_path(m_temp, O_RDONLY)) {
        throw output_error(m_path.string() + ": cannot write: " + reason(errno));
    }
    if (m_overwrite == Overwrite::yes) {
        if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
            throw output_error(m_path.string() +
                               ": cannot move the finished file into place: " + reason(errno));
        }
    } else {
        if (::link(m_temp.c_str(), m_path.c_str()) != 0) {
            const int err = errno;
            throw output_error(
                m_path.string() +
                (err == EEXIST ? std::string(": already exists (not replacing it; "
                                             "--force does)")
                               : ": cannot move the finished file into place: " + reason(err)));
        }
        ::unlink(m_temp.c_str());
    }
    std::error_code ec;
    fs::remove_all(m_dir, ec);
    const fs::path dir = m_path.has_parent_path() ? m_path.parent_path() : fs::path(".");
    sync_path(dir, O_RDONLY | O_DIRECTORY); // the rename itself; best effort
}

void write_file(const fs::path& path, std::string_view bytes, Overwrite overwrite) {
    OutputFile out(path, overwrite);
    out.write(bytes);
    out.commit();
}

void write_stdout(std::string_view bytes) {
    // Whatever stdio or iostreams hold goes first, in order.
    if (std::fflush(stdout) != 0) {
        throw output_error(std::string("standard output: ") + reason(errno));
    }
    if (!write_all(STDOUT_FILENO, bytes)) {
        throw output_error(std::string("standard output: ") + reason(errno));
    }
}

} // namespace sitmap::geo
