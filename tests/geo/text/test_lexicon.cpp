// geo/text/lexicon.hpp: word lists as data, embedded at build time.

#include "geo/text/lexicon.hpp"

#include "geo/core/error.hpp"
#include "geo/text/tokens.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sitmap::geo::text {
namespace {

TEST(Lexicon, ParsesKeysValuesCommentsAndBlankLines) {
    const Lexicon l("test.tsv",
                    "# a comment\n\nOpened Fire\tsmall_arms_fire\tx\nshelled\tshelling\n"
                    "  \r\nshelled\tduplicate ignored\n");
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l.entries()[0].key, "opened fire");
    EXPECT_TRUE(l.contains("OPENED FIRE"));
    ASSERT_NE(l.find("Shelled"), nullptr);
    EXPECT_EQ(*l.find("shelled"), std::vector<std::string>{"shelling"});
    EXPECT_EQ(l.find("shelling"), nullptr);
    EXPECT_EQ(l.entries()[0].values, (std::vector<std::string>{"small_arms_fire", "x"}));
}

TEST(Lexicon, ALineWithoutAKeyIsAnErrorNamingTheFileAndLine) {
    try {
        Lexicon("en/bad.tsv", "ok\t1\n\tno key\n");
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("en/bad.tsv:2"), std::string::npos) << e.what();
    }
}

TEST(Lexicon, BuiltInListsAreEmbedded) {
    const auto names = lexicon_names("en");
    EXPECT_NE(std::find(names.begin(), names.end(), "number_words"), names.end());
    const Lexicon& numbers = Lexicon::get("en", "number_words");
    ASSERT_NE(numbers.find("twelve"), nullptr);
    EXPECT_EQ(numbers.find("twelve")->front(), "12");
    EXPECT_THROW(Lexicon::get("en", "no_such_list"), Error);
    EXPECT_THROW(Lexicon::get("xx", "number_words"), Error);
}

TEST(Lexicon, NumberWordsComeFromTheList) {
    EXPECT_EQ(parse_number_word("Seventeen"), 17);
    EXPECT_EQ(parse_number_word("twenty-one"), 21);
    EXPECT_EQ(parse_number_word("dozens"), std::nullopt);
}

} // namespace
} // namespace sitmap::geo::text
