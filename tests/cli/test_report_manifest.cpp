// cli/report_manifest.hpp: the manifest CSV of a report (file,published), and its errors, which
// name the file and the line.

#include "cli/report_manifest.hpp"

#include "geo/core/error.hpp"
#include "tests/support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace fs = std::filesystem;
using namespace sitmap;
using sitmap::cli::read_manifest;

namespace {

fs::path write(const fs::path& dir, const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return dir / name;
}

std::string error_of(const fs::path& csv) {
    try {
        read_manifest(csv);
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(ReportManifest, RowsInOrderWithPathsRelativeToTheManifest) {
    const fs::path dir = test::fresh_temp_dir("manifest_ok");
    const fs::path csv = write(dir, "m.csv",
                               "file,published\n"
                               "a.txt,2023-05-11\n"
                               "sub/b.txt,2022-11-07\n"
                               "/abs/c.txt,2022-11-08\n");
    const auto rows = read_manifest(csv, cli::ManifestScope::anywhere);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].path, dir / "a.txt");
    EXPECT_EQ(rows[0].published, "2023-05-11");
    EXPECT_EQ(rows[0].display, "a.txt");
    EXPECT_EQ(rows[1].path, dir / "sub" / "b.txt");
    EXPECT_EQ(rows[2].path, fs::path("/abs/c.txt"));
}

TEST(ReportManifest, EntriesMayNotLeaveTheManifestsFolder) {
    const fs::path dir = test::fresh_temp_dir("manifest_confined");
    fs::create_directories(dir / "in" / "sub");
    std::ofstream(dir / "outside.txt") << "secret";
    fs::create_symlink(dir / "outside.txt", dir / "in" / "link.txt");
    const fs::path ok = write(dir / "in", "ok.csv",
                              "file,published\nsub/../a.txt,2023-05-11\nsub/b.txt,2023-05-11\n");
    EXPECT_EQ(read_manifest(ok).size(), 2u);
    for (const std::string entry :
         {"../outside.txt", "sub/../../outside.txt", "/etc/passwd", "link.txt", ".", "sub/.."}) {
        const fs::path csv = write(dir / "in", "bad.csv",
                                   "file,published\na.txt,2023-05-11\n" + entry + ",2023-05-11\n");
        EXPECT_EQ(error_of(csv), csv.string() + ": line 3: '" + entry +
                                     "' is outside the manifest's folder "
                                     "(--allow-outside-manifest reads it)");
        EXPECT_EQ(read_manifest(csv, cli::ManifestScope::anywhere).size(), 2u);
    }
}

TEST(ReportManifest, ColumnsMayComeInAnyOrderAndQuotedCellsKeepCommas) {
    const fs::path dir = test::fresh_temp_dir("manifest_quoted");
    const fs::path csv = write(dir, "m.csv",
                               "published,note,file\n"
                               "2023-05-11,\"one, two\",\"x, y.txt\"\n");
    const auto rows = read_manifest(csv);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].path, dir / "x, y.txt");
}

TEST(ReportManifest, ErrorsNameTheFileAndTheLine) {
    const fs::path dir = test::fresh_temp_dir("manifest_bad");
    const fs::path header = write(dir, "header.csv", "path,date\na.txt,2023-05-11\n");
    EXPECT_EQ(error_of(header),
              header.string() + ": the manifest needs a header line 'file,published'");
    const fs::path empty_name = write(dir, "empty.csv", "file,published\n,2023-05-11\n");
    EXPECT_EQ(error_of(empty_name), empty_name.string() + ": line 2: empty file name");
    const fs::path bad_date =
        write(dir, "date.csv", "file,published\na.txt,2023-05-11\nb.txt,11 May 2023\n");
    const std::string date_error = error_of(bad_date);
    EXPECT_EQ(date_error.rfind(bad_date.string() + ": line 3: invalid date '11 May 2023'", 0), 0u)
        << date_error;
    const fs::path no_rows = write(dir, "none.csv", "file,published\n");
    EXPECT_EQ(error_of(no_rows), no_rows.string() + ": the manifest lists no articles");
    EXPECT_EQ(error_of(dir / "missing.csv"),
              (dir / "missing.csv").string() + ": cannot read the manifest as CSV");
}
