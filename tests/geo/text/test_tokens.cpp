// Text for the rules (geo/text/tokens.hpp): word tokens, case folding, sentence splitting and
// number words.

#include "geo/text/tokens.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(Tokens, RunsOfAsciiLettersAndDigitsWithOffsets) {
    const std::string text = "Azerbaijan\u2019s 2nd-army, 6,500 men";
    const auto tokens = text::tokenize(text);
    std::vector<std::string> words;
    for (const auto& t : tokens) {
        words.emplace_back(t.text);
        EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.text);
    }
    EXPECT_EQ(words,
              (std::vector<std::string>{"Azerbaijan", "s", "2nd", "army", "6", "500", "men"}));
    EXPECT_TRUE(tokens[0].capitalized());
    EXPECT_FALSE(tokens[2].capitalized());
    EXPECT_TRUE(tokens[4].numeric());
    EXPECT_FALSE(tokens[2].numeric());
    EXPECT_EQ(text::gap_between(text, tokens[0], tokens[1]), "\u2019");
    EXPECT_EQ(text::gap_between(text, tokens[2], tokens[3]), "-");
    EXPECT_TRUE(text::tokenize("").empty());
    EXPECT_TRUE(text::tokenize(" -- \u00BB ").empty());
}

TEST(Tokens, AsciiCaseFolding) {
    EXPECT_TRUE(text::iequals("Shelling", "sHELLING"));
    EXPECT_FALSE(text::iequals("shell", "shells"));
    EXPECT_FALSE(text::iequals("a@", "a`")); // only letters fold
    EXPECT_TRUE(text::istarts_with("Shelled", "shell"));
    EXPECT_FALSE(text::istarts_with("she", "shell"));
    EXPECT_EQ(text::lower_ascii("Sotk, GEGHARKUNIK"), "sotk, gegharkunik");
}

// --- sentences and numbers ----------------------------------------------------------------------

TEST(Sentences, SplitAtFullStopsQuotesAndLineBreaks) {
    const std::string text = "Title line\nThe U.S. side said “fire (…) continued.” Then Mr. "
                             "Smith left. 6.5 km away! Next?";
    const auto s = text::split_sentences(text);
    std::vector<std::string> parts;
    for (const auto& x : s) {
        parts.push_back(text.substr(x.begin, x.end - x.begin));
    }
    ASSERT_EQ(parts.size(), 5u) << ::testing::PrintToString(parts);
    EXPECT_EQ(parts[0], "Title line");
    EXPECT_EQ(parts[1], "The U.S. side said “fire (…) continued.”");
    EXPECT_EQ(parts[2], "Then Mr. Smith left.");
    EXPECT_EQ(parts[3], "6.5 km away!");
    EXPECT_EQ(parts[4], "Next?");
}

TEST(Sentences, TextWithoutFullStopsIsCutIntoBoundedPieces) {
    std::string text;
    while (text.size() < 100000) {
        text += "Sotk, shelled, Baku accused Yerevan ";
    }
    const auto s = text::split_sentences(text);
    EXPECT_GT(s.size(), 20u);
    for (const auto& x : s) {
        EXPECT_LE(x.end - x.begin, 4100u);
    }
    EXPECT_EQ(s.front().begin, 0u);
    EXPECT_EQ(s.back().end, text.size() - 1); // the trailing space is trimmed
}

TEST(Numbers, WordsAndDigits) {
    using text::parse_number_word;
    EXPECT_EQ(parse_number_word("three"), 3);
    EXPECT_EQ(parse_number_word("Four"), 4);
    EXPECT_EQ(parse_number_word("twelve"), 12);
    EXPECT_EQ(parse_number_word("twenty-one"), 21);
    EXPECT_EQ(parse_number_word("6,500"), 6500);
    EXPECT_EQ(parse_number_word("286"), 286);
    EXPECT_EQ(parse_number_word("another"), 1);
    EXPECT_EQ(parse_number_word("no"), 0);
    EXPECT_FALSE(parse_number_word("several"));
    EXPECT_FALSE(parse_number_word("hundreds"));
    EXPECT_FALSE(parse_number_word("twenty-several"));
    const std::string text = "more than 30,000 dead and twenty one wounded";
    const auto tokens = text::tokenize(text);
    std::size_t used = 0;
    EXPECT_EQ(text::number_at(tokens, 2, text, used), 30000);
    EXPECT_EQ(used, 2u);
    EXPECT_EQ(text::number_at(tokens, 6, text, used), 21);
    EXPECT_EQ(used, 2u);
    // The last group of a number with thousands is none of its own ("1,324 deaths" is not 324).
    EXPECT_FALSE(text::number_at(tokens, 3, text, used));
}
