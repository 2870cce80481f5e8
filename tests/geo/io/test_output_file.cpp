// geo/io/output_file.hpp: written under a unique temporary name, every write checked, renamed on
// commit, gone without one.

#include "geo/core/error.hpp"
#include "geo/io/output_file.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using sitmap::Error;
using sitmap::ErrorKind;
using sitmap::geo::OutputFile;
using sitmap::geo::Overwrite;

namespace {

fs::path fresh_dir(const std::string& name) {
    return sitmap::test::fresh_temp_dir("output_file_" + name);
}

std::set<std::string> files_in(const fs::path& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        out.insert(e.path().filename().string());
    }
    return out;
}

std::string slurp(const fs::path& p) {
    std::stringstream s;
    s << std::ifstream(p).rdbuf();
    return s.str();
}

} // namespace

TEST(OutputFile, TemporaryKeepsTheExtensionInAUniqueFolderAndCommitRenames) {
    const fs::path dir = fresh_dir("commit");
    OutputFile out(dir / "events.gpkg", Overwrite::no);
    EXPECT_EQ(out.temp_path().extension(), ".gpkg");
    EXPECT_EQ(out.temp_path().parent_path().parent_path(), dir);
    EXPECT_EQ(out.temp_path().parent_path().filename().string().rfind(".sitmap-", 0), 0u);
    std::ofstream(out.temp_path()) << "data";
    out.commit();
    EXPECT_EQ(files_in(dir), std::set<std::string>{"events.gpkg"});
    EXPECT_EQ(slurp(dir / "events.gpkg"), "data");
}

TEST(OutputFile, ConcurrentWritersOfOnePathHaveTheirOwnTemporaries) {
    const fs::path dir = fresh_dir("concurrent");
    OutputFile a(dir / "e.gpkg", Overwrite::yes);
    OutputFile b(dir / "e.gpkg", Overwrite::yes);
    EXPECT_NE(a.temp_path(), b.temp_path());
    a.write("a");
    b.write("b");
    a.commit();
    b.commit();
    EXPECT_EQ(slurp(dir / "e.gpkg"), "b");
}

TEST(OutputFile, ALongNameDoesNotGrowTooLong) {
    const fs::path dir = fresh_dir("long");
    const std::string name = std::string(250, 'n') + ".gpkg"; // 255 bytes, the usual maximum
    sitmap::geo::write_file(dir / name, "x", Overwrite::no);
    EXPECT_EQ(files_in(dir), std::set<std::string>{name});
}

TEST(OutputFile, WithoutForceAFileThatAppearedMeanwhileIsKept) {
    const fs::path dir = fresh_dir("raced");
    OutputFile out(dir / "e.geojson", Overwrite::no);
    out.write("mine");
    std::ofstream(dir / "e.geojson") << "theirs";
    EXPECT_THROW(out.commit(), Error);
    EXPECT_EQ(slurp(dir / "e.geojson"), "theirs");
}

// A file size limit makes every write past it fail (EFBIG): an output error naming the file, the
// previous file as it was, no temporary left.
TEST(OutputFile, AWriteThatFailsLeavesThePreviousFile) {
    const fs::path dir = fresh_dir("full");
    std::ofstream(dir / "e.geojson") << "previous";
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit small = old;
    small.rlim_cur = 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string what;
    try {
        sitmap::geo::write_file(dir / "e.geojson", std::string(8192, 'x'), Overwrite::yes);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        what = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, old_handler);
    EXPECT_EQ(what.rfind((dir / "e.geojson").string() + ": cannot write: ", 0), 0u) << what;
    EXPECT_EQ(files_in(dir), std::set<std::string>{"e.geojson"});
    EXPECT_EQ(slurp(dir / "e.geojson"), "previous");
}

TEST(OutputFile, StandardOutputErrorsAreOutputErrors) {
    const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    if (full < 0) {
        GTEST_SKIP() << "no /dev/full";
    }
    std::fflush(stdout);
    const int saved = ::dup(STDOUT_FILENO);
    ::dup2(full, STDOUT_FILENO);
    std::string what;
    try {
        sitmap::geo::write_stdout("some bytes");
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        what = e.what();
    }
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    ::close(full);
    EXPECT_EQ(what.rfind("standard output: ", 0), 0u) << what;
}

TEST(OutputFile, WithoutCommitNothingIsLeft) {
    const fs::path dir = fresh_dir("abandon");
    {
        OutputFile out(dir / "events.geojson", Overwrite::no);
        std::ofstream(out.temp_path()) << "half";
    }
    EXPECT_TRUE(files_in(dir).empty());
}

TEST(OutputFile, ExistingFileIsReplacedOnlyWithOverwrite) {
    const fs::path dir = fresh_dir("existing");
    std::ofstream(dir / "a.qgz") << "old";
    try {
        OutputFile out(dir / "a.qgz", Overwrite::no);
        FAIL() << "no exception";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find("a.qgz"), std::string::npos);
    }
    OutputFile out(dir / "a.qgz", Overwrite::yes);
    std::ofstream(out.temp_path()) << "new";
    out.commit();
    EXPECT_EQ(slurp(dir / "a.qgz"), "new");
}

TEST(OutputFile, MissingDirectoryOrADirectoryInTheWayIsAnOutputError) {
    const fs::path dir = fresh_dir("dirs");
    EXPECT_THROW(OutputFile(dir / "no" / "x.gpkg", Overwrite::yes), Error);
    fs::create_directory(dir / "x.gpkg");
    EXPECT_THROW(OutputFile(dir / "x.gpkg", Overwrite::yes), Error);
}

TEST(OutputFile, TheTemporaryOfAKilledWriterIsRemovedByTheNextWriter) {
    const fs::path dir = fresh_dir("abandoned");
    char host[256] = {};
    ASSERT_EQ(::gethostname(host, sizeof host - 1), 0);
    // A process that has ended: its id names no running process (until reused, rarely soon).
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::_exit(0);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    const auto folder = [&](const char* name, const std::string& owner) {
        fs::create_directory(dir / name);
        std::ofstream(dir / name / "out.geojson") << "partial";
        if (!owner.empty()) {
            std::ofstream(dir / name / "owner") << owner << '\n';
        }
    };
    folder(".sitmap-dead01", std::string(host) + " " + std::to_string(child));
    folder(".sitmap-live01", std::string(host) + " " + std::to_string(::getppid()));
    folder(".sitmap-away01", "another-host-name " + std::to_string(child));
    folder(".sitmap-anon01", "");
    OutputFile out(dir / "e.geojson", Overwrite::yes);
    out.write("{}");
    out.commit();
    const std::set<std::string> left = files_in(dir);
    // Must not fire: a running writer's, another host's and an unnamed writer's folders stay.
    EXPECT_EQ(left, (std::set<std::string>{".sitmap-live01", ".sitmap-away01", ".sitmap-anon01",
                                           "e.geojson"}));
}
