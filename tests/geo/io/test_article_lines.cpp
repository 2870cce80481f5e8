// geo/io/article_lines.hpp: articles as JSON lines, one at a time, errors naming the line and the
// member.

#include "geo/core/error.hpp"
#include "geo/io/article_lines.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

using sitmap::Error;
using sitmap::ErrorKind;
using sitmap::geo::ArticleLineReader;

namespace {

// The message of the error reading `text` throws, or "" when it reads to the end.
std::string error_of(const std::string& text, std::size_t max_line = 1 << 20) {
    std::istringstream in(text);
    ArticleLineReader reader(in, "batch.jsonl", max_line);
    try {
        while (reader.next()) {
        }
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::bad_input);
        return e.what();
    }
    return {};
}

} // namespace

TEST(ArticleLines, ReadsOneArticleALineSkippingBlankLines) {
    std::istringstream in(
        "{\"id\": \"a\", \"published\": \"2023-05-11\", \"text\": \"Fire at Sotk.\"}\n"
        "\n"
        "   \r\n"
        "{\"id\": 17, \"published\": \"2023-05-12T08:30:00Z\", \"text\": \"\\ufeffTalks.\", "
        "\"url\": \"ignored\"}\r\n"
        "{\"text\": \"Last, without a newline.\", \"published\": \"2023-05-13\", \"id\": \"c\"}");
    ArticleLineReader reader(in, "batch.jsonl");
    auto a = reader.next();
    ASSERT_TRUE(a);
    EXPECT_EQ(a->id, "a");
    EXPECT_EQ(a->text, "Fire at Sotk.");
    EXPECT_EQ(a->published,
              std::chrono::year_month_day{std::chrono::year{2023} / std::chrono::May / 11});
    EXPECT_TRUE(a->path.empty());
    EXPECT_EQ(reader.line(), 1u);
    auto b = reader.next();
    ASSERT_TRUE(b);
    EXPECT_EQ(b->id, "17");
    EXPECT_EQ(b->text, "Talks."); // the byte order mark removed, as read_article does
    EXPECT_EQ(b->published,
              std::chrono::year_month_day{std::chrono::year{2023} / std::chrono::May / 12});
    EXPECT_EQ(reader.line(), 4u);
    auto c = reader.next();
    ASSERT_TRUE(c);
    EXPECT_EQ(c->id, "c");
    EXPECT_EQ(reader.line(), 5u);
    EXPECT_FALSE(reader.next());
    EXPECT_FALSE(reader.next());
}

TEST(ArticleLines, EmptyStreamHasNoArticle) {
    std::istringstream in("");
    ArticleLineReader reader(in, "batch.jsonl");
    EXPECT_FALSE(reader.next());
    EXPECT_EQ(reader.line(), 0u);
}

TEST(ArticleLines, EveryProblemNamesTheLineAndTheMember) {
    const std::string good = R"({"id": "a", "published": "2023-05-11", "text": "Fire."})"
                             "\n";
    EXPECT_EQ(error_of(good + "{\"id\": \n"),
              "batch.jsonl: line 2: not valid JSON (parse error at line 1, column 8: syntax error "
              "while parsing value - unexpected end of input; expected '[', '{', or a literal)");
    EXPECT_EQ(error_of(good + "\"text\"\n"),
              "batch.jsonl: line 2: expected an object {\"id\", \"published\", \"text\"}, got a "
              "string");
    EXPECT_EQ(error_of(good + R"({"published": "2023-05-11", "text": "x"})"),
              "batch.jsonl: line 2: \"id\": missing (each line is {\"id\", \"published\", "
              "\"text\"})");
    EXPECT_EQ(error_of(R"({"id": "", "published": "2023-05-11", "text": "x"})"),
              "batch.jsonl: line 1: \"id\": empty");
    EXPECT_EQ(error_of(R"({"id": 1.5, "published": "2023-05-11", "text": "x"})"),
              "batch.jsonl: line 1: \"id\": expected a string or an integer, got a number");
    EXPECT_EQ(error_of(R"({"id": "a", "published": null, "text": "x"})"),
              "batch.jsonl: line 1 (article a): \"published\": missing (the publication date, "
              "YYYY-MM-DD)");
    EXPECT_EQ(error_of(R"({"id": "a", "published": 20230511, "text": "x"})"),
              "batch.jsonl: line 1 (article a): \"published\": expected a date string "
              "YYYY-MM-DD, got a number");
    EXPECT_EQ(error_of(R"({"id": "a", "published": "11/05/2023", "text": "x"})"),
              "batch.jsonl: line 1 (article a): \"published\": invalid date '11/05/2023' "
              "(expected YYYY-MM-DD)");
    EXPECT_EQ(error_of(R"({"id": "a", "published": "2023-05-11", "text": ["x"]})"),
              "batch.jsonl: line 1 (article a): \"text\": expected a string, got an array");
    EXPECT_EQ(error_of(R"({"id": "a", "published": "2023-05-11", "text": "\r\n"})"),
              "batch.jsonl: line 1 (article a): \"text\": the article is empty");
    // Invalid UTF-8 is refused by the JSON parser itself.
    EXPECT_NE(error_of("{\"id\": \"a\", \"published\": \"2023-05-11\", \"text\": \"\xff\"}")
                  .find("batch.jsonl: line 1: not valid JSON"),
              std::string::npos);
}

TEST(ArticleLines, ALineLongerThanTheLimitIsRefusedWithoutKeepingIt) {
    const std::string text(3 << 20, 'x');
    const std::string line = R"({"id": "a", "published": "2023-05-11", "text": ")" + text + "\"}";
    EXPECT_EQ(error_of(line + "\n", 1 << 20),
              "batch.jsonl: line 1: longer than 1 MB (an article is at most 20 MB)");
}
