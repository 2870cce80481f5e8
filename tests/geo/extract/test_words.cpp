// Word lists of the rules (geo/extract/detail/words.hpp): lookups of tokens as written, folded to
// lower case, in a table built once; phrases that start at a token, the longest first.

#include "geo/extract/detail/words.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;
using detail::FoldedWordMap;
using detail::WordList;

TEST(Words, AFoldedWordMapFindsAWordInAnyAsciiCase) {
    FoldedWordMap<int> map;
    EXPECT_EQ(map.find("said"), nullptr);
    map["said"] = 1;
    map["sad"] = 2;
    map["sand"] = 3; // the same length, first and last letters as "said"
    ASSERT_NE(map.find("SAID"), nullptr);
    EXPECT_EQ(*map.find("Said"), 1);
    EXPECT_EQ(*map.find("sAnD"), 3);
    EXPECT_EQ(map.find("saidx"), nullptr);
    EXPECT_EQ(map.find("sai"), nullptr);
    EXPECT_EQ(map.find(""), nullptr);
    // Only ASCII letters fold: "é" and "É" are different bytes, '[' is not '{'.
    map["caf\xC3\xA9"] = 4;
    EXPECT_NE(map.find("CAF\xC3\xA9"), nullptr);
    EXPECT_EQ(map.find("caf\xC3\x89"), nullptr);
    map["a[b"] = 5;
    EXPECT_EQ(map.find("a{b"), nullptr);
    // A key inserted twice is one entry.
    map["said"] = 6;
    EXPECT_EQ(*map.find("said"), 6);
}

TEST(Words, AFoldedWordMapKeepsEveryWordAsItGrows) {
    FoldedWordMap<std::size_t> map;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < 2000; ++i) {
        std::string w(1, 'w');
        w += std::to_string(i * 7919);
        words.push_back(w);
        map[words.back()] = i;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string upper = words[i];
        upper[0] = 'W';
        ASSERT_NE(map.find(upper), nullptr) << upper;
        EXPECT_EQ(*map.find(upper), i);
    }
    EXPECT_EQ(map.find("w1"), nullptr);
}

TEST(Words, AWordListMatchesWordsAndTheLongestPhraseAtAToken) {
    const WordList denials("denials");
    EXPECT_TRUE(denials.contains("Denied"));
    EXPECT_TRUE(denials.contains("REFUTES"));
    EXPECT_FALSE(denials.contains("said"));
    EXPECT_FALSE(denials.contains(std::string(60, 'a')));
    const std::vector<detail::Token> tokens = detail::tokenize("This is Not True at all, a lie");
    EXPECT_EQ(denials.match(tokens, 0), 0u);
    EXPECT_EQ(denials.match(tokens, 2), 2u); // "not true"
    EXPECT_EQ(denials.match(tokens, 6), 2u); // "a lie"
    EXPECT_EQ(denials.match(tokens, 7), 0u); // "lie" alone is not in the list
    EXPECT_EQ(denials.match(tokens, 99), 0u);
}
