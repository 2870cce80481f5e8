// Folding place names (geo/geocode/name_folding.hpp): case, punctuation, scripts and the phonetic
// skeleton that lets romanisations of one name meet.

#include "geo/geocode/name_folding.hpp"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

using namespace sitmap::geo;

TEST(NameFolding, AsciiNamesToLowerCaseWords) {
    using detail::fold;
    EXPECT_EQ(fold("Shushi's"), "shushi");
    EXPECT_EQ(fold("Nagorno-Karabakh"), "nagorno karabakh");
    EXPECT_EQ(fold("  Verin   Shorzha "), "verin shorzha");
    EXPECT_EQ(fold("Sot'k'"), "sotk"); // Armenian aspiration marks vanish
    EXPECT_EQ(fold("Sotk\u2019s"), "sotk");
    EXPECT_EQ(fold(""), "");
}

TEST(NameFolding, OtherScriptsAndDiacritics) {
    using detail::fold;
    EXPECT_EQ(fold("\u0547\u0578\u0582\u0577\u056B"), "susi"); // Շուշի
    EXPECT_EQ(fold("A\u011Fdam"), "agdam");                    // Ağdam
    EXPECT_EQ(fold("Xank\u0259ndi"), "xankendi");              // Xankəndi
    EXPECT_EQ(fold("\u0421\u043E\u0442\u043A"), "sotk");       // Сотк
}

TEST(NameFolding, SplitWords) {
    EXPECT_EQ(detail::split_words("verin shorzha"), (std::vector<std::string>{"verin", "shorzha"}));
    EXPECT_TRUE(detail::split_words("").empty());
}

TEST(NameFolding, SkeletonsOfRomanisationVariantsMeet) {
    using detail::skeleton;
    EXPECT_EQ(skeleton("yerevan"), skeleton("erevan"));
    EXPECT_EQ(skeleton("shushi"), skeleton("susi"));
    EXPECT_EQ(skeleton("berdzor"), skeleton("berjor"));
    EXPECT_EQ(skeleton("xankendi"), skeleton("khankendi"));
    EXPECT_EQ(skeleton("khankendi"), skeleton("hankendi"));
    EXPECT_EQ(skeleton("qazax"), skeleton("gazakh"));
    EXPECT_EQ(skeleton("nagornyj"), skeleton("nagorny"));
    EXPECT_EQ(skeleton("nagorniy"), skeleton("nagorny"));
    EXPECT_EQ(skeleton("tsovak"), skeleton("covak"));
    EXPECT_EQ(skeleton("dzhanyatag"), skeleton("janyatag")); // Russian dzh is English j
    EXPECT_EQ(skeleton("yellidzha"), skeleton("yellija"));
    EXPECT_NE(skeleton("sotk"), skeleton("tegh"));
    EXPECT_EQ(skeleton("yerevan"), "erevan");
}

TEST(NameFolding, AzerbaijaniNamesInTheSpellingOfEnglishMedia) {
    using detail::azerbaijani_english;
    EXPECT_EQ(azerbaijani_english("Vejn\u0259li", false), "Vejnali");
    EXPECT_EQ(azerbaijani_english("\u015E\u0259yb\u0259y", false), "Shaybay");
    EXPECT_EQ(azerbaijani_english("Xudaf\u0259rin", false), "Khudafarin");
    EXPECT_EQ(azerbaijani_english("Hac\u0131al\u0131l\u0131", false), "Hajialili");
    EXPECT_EQ(azerbaijani_english("Qar\u0259k\u00F6\u00E7\u0259", false), "Garakocha");
    // A name without Azerbaijani letters is Azerbaijani only when the gazetteer says so.
    EXPECT_EQ(azerbaijani_english("Culfa", true), "Julfa");
    EXPECT_EQ(azerbaijani_english("Culfa", false), "");
    EXPECT_EQ(azerbaijani_english("Sotk", false), "");
    EXPECT_EQ(azerbaijani_english("Caf\xE9 \u0259", false), ""); // invalid UTF-8
}

TEST(NameFolding, ScriptsAndUtf8) {
    EXPECT_TRUE(detail::is_ascii("Sotk"));
    EXPECT_FALSE(detail::is_ascii("A\u011Fdam"));
    EXPECT_TRUE(detail::has_non_latin_letters("\u0428\u0443\u0448\u0430")); // Шуша
    EXPECT_FALSE(detail::has_non_latin_letters("A\u011Fdam"));
    EXPECT_EQ(detail::invalid_utf8_at("Caf\xE9 near Sotk"), 3u);
    EXPECT_EQ(detail::invalid_utf8_at("Sotk \xD5"), 5u);
    EXPECT_EQ(detail::invalid_utf8_at("\u0547\u0578\u0582\u0577\u056B"), std::string_view::npos);
}

TEST(NameFolding, WordCharactersAndCapitals) {
    const std::string_view s = "a-\u0547";
    EXPECT_EQ(detail::word_char_length(s, 0), 1u);
    EXPECT_EQ(detail::word_char_length(s, 1), 0u);
    EXPECT_EQ(detail::word_char_length(s, 2), 2u);
    EXPECT_TRUE(detail::starts_capitalised("Sotk"));
    EXPECT_FALSE(detail::starts_capitalised("sotk"));
    EXPECT_TRUE(detail::starts_capitalised("\u0547\u0578\u0582\u0577\u056B"));
    EXPECT_FALSE(detail::starts_capitalised("\u0577\u0578\u0582\u0577\u056B"));
    EXPECT_TRUE(detail::starts_capitalised("\u05D0")); // Hebrew has no case
    EXPECT_FALSE(detail::starts_capitalised(""));
}
