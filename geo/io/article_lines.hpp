#pragma once
// Articles as JSON lines: one object {"id", "published", "text"} a line, read one at a time from a
// stream, so that a batch of any size is read in constant memory (`sitmap extract --jsonl`).

#include "geo/extract/extract.hpp"

#include <cstddef>
#include <istream>
#include <optional>
#include <string>

namespace sitmap::geo {

// A line may hold an article of max_article_bytes once JSON-escaped (up to 6 bytes a byte for
// control characters; ordinary text grows by a few per cent).
constexpr std::size_t max_article_line_bytes = max_article_bytes * 2;

class ArticleLineReader {
public:
    // `name` names the stream in errors ("standard input"). The stream is read as bytes.
    ArticleLineReader(std::istream& in, std::string name,
                      std::size_t max_line_bytes = max_article_line_bytes);

    // The next article, or nothing at the end of the stream. Blank lines are skipped; members
    // other than id, published and text are ignored. `id`: a non-empty string or an integer (its
    // events' sources name it); `published`: YYYY-MM-DD, or an RFC 3339 time whose date is taken;
    // `text`: as check_article_text wants it. Throws sitmap::Error (bad_input)
    // "<name>: line <n>: <what is wrong>" (lines numbered from 1), naming the member.
    std::optional<Article> next();

    // The number of the line next() read last (0 before the first).
    std::size_t line() const { return m_line; }

private:
    bool read_line();

    std::istream& m_in;
    std::string m_name;
    std::size_t m_max;
    std::size_t m_line = 0;
    bool m_too_long = false;
    std::string m_buffer;
};

} // namespace sitmap::geo
