// geo/io/output_file.hpp: written under a temporary name, renamed on commit, gone without one.

#include "geo/core/error.hpp"
#include "geo/io/output_file.hpp"

#include "tests/support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

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

TEST(OutputFile, TemporaryNameKeepsTheExtensionAndCommitRenames) {
    const fs::path dir = fresh_dir("commit");
    OutputFile out(dir / "events.gpkg", Overwrite::no);
    EXPECT_EQ(out.temp_path(), dir / "events.tmp.gpkg");
    std::ofstream(out.temp_path()) << "data";
    out.commit();
    EXPECT_EQ(files_in(dir), std::set<std::string>{"events.gpkg"});
    EXPECT_EQ(slurp(dir / "events.gpkg"), "data");
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
