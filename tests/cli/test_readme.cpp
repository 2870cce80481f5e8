// The README's CLI reference stays true: every option that `sitmap SUBCOMMAND --help` lists is
// documented in README.md, and the two commands are there.

#include "tests/support/process.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

namespace {

std::string readme() {
    std::ifstream in(std::string(SITMAP_SOURCE_DIR) + "/README.md");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

TEST(Readme, HasTheTwoCommands) {
    const std::string text = readme();
    EXPECT_NE(text.find("scripts/run"), std::string::npos);
    EXPECT_NE(text.find("scripts/test"), std::string::npos);
}

TEST(Readme, DocumentsEveryOptionOfEverySubcommand) {
    const std::string text = readme();
    const std::regex option(R"((--[a-z][a-z-]+))");
    for (const char* sub : {"geocode", "extract", "map", "export", "report"}) {
        const auto r = sitmap::test::run_sitmap(std::string(sub) + " --help");
        ASSERT_EQ(r.code, 0) << sub;
        EXPECT_NE(text.find(std::string("### sitmap ") + sub), std::string::npos) << sub;
        for (std::sregex_iterator it(r.out.begin(), r.out.end(), option), end; it != end; ++it) {
            EXPECT_NE(text.find(it->str()), std::string::npos)
                << "README.md does not document " << sub << " " << it->str();
        }
    }
}
