// Runs the sitmap binary as a user would and checks exit codes and messages.

#include "tests/support/process.hpp"

#include <gtest/gtest.h>

using sitmap::test::run_sitmap;

TEST(Cli, HelpListsSubcommandsAndExitCodes) {
    const auto r = run_sitmap("--help");
    EXPECT_EQ(r.code, 0);
    for (const char* word : {"geocode", "extract", "map", "export", "report", "Exit codes"}) {
        EXPECT_NE(r.out.find(word), std::string::npos) << word;
    }
}

TEST(Cli, VersionPrintsVersion) {
    const auto r = run_sitmap("--version");
    EXPECT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("sitmap 0."), std::string::npos) << r.out;
}

TEST(Cli, UnknownFlagIsAUsageError) {
    const auto r = run_sitmap("geocode --no-such-flag Sotk");
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.out.find("--no-such-flag"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("--help"), std::string::npos) << r.out;
}

TEST(Cli, NoSubcommandIsAUsageError) { EXPECT_EQ(run_sitmap("").code, 2); }
