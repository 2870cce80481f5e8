#include "geo/io/article_lines.hpp"

#include "geo/core/error.hpp"

#include <nlohmann/json.hpp>

namespace sitmap::geo {
namespace {

using json = nlohmann::json;

std::string json_type(const json& v) {
    return v.is_object()    ? "an object"
           : v.is_array()   ? "an array"
           : v.is_string()  ? "a string"
           : v.is_boolean() ? "a boolean"
           : v.is_number()  ? "a number"
                            : "null";
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix (also
// out_of_range.406, a number too large for a double: "1e999").
std::string parse_message(const json::exception& e) {
    return without_library_tag(e.what());
}

std::string id_of(const json& j) {
    const auto it = j.find("id");
    if (it == j.end() || it->is_null()) {
        throw input_error("\"id\": missing (each line is {\"id\", \"published\", \"text\"})");
    }
    if (it->is_number_integer()) {
        return it->dump();
    }
    if (!it->is_string()) {
        throw input_error("\"id\": expected a string or an integer, got " + json_type(*it));
    }
    std::string id = it->get<std::string>();
    if (id.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw input_error("\"id\": empty");
    }
    return id;
}

std::chrono::year_month_day published_of(const json& j) {
    const auto it = j.find("published");
    if (it == j.end() || it->is_null()) {
        throw input_error("\"published\": missing (the publication date, YYYY-MM-DD)");
    }
    if (!it->is_string()) {
        throw input_error("\"published\": expected a date string YYYY-MM-DD, got " +
                          json_type(*it));
    }
    const std::string s = it->get<std::string>();
    // "2023-05-11" or an RFC 3339 time "2023-05-11T08:30:00Z": the date is the day it names.
    const std::string day =
        s.size() > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ') ? s.substr(0, 10) : s;
    try {
        return parse_date(day);
    } catch (const Error&) {
        throw input_error("\"published\": invalid date '" + s + "' (expected YYYY-MM-DD)");
    }
}

std::string text_of(const json& j) {
    const auto it = j.find("text");
    if (it == j.end() || it->is_null()) {
        throw input_error("\"text\": missing (the article's text)");
    }
    if (!it->is_string()) {
        throw input_error("\"text\": expected a string, got " + json_type(*it));
    }
    std::string text = it->get<std::string>();
    try {
        check_article_text(text);
    } catch (const Error& e) {
        throw e.with_context("\"text\"");
    }
    return text;
}

} // namespace

ArticleLineReader::ArticleLineReader(std::istream& in, std::string name, std::size_t max_line_bytes)
    : m_in(in), m_name(std::move(name)), m_max(max_line_bytes) {}

bool ArticleLineReader::read_line() {
    m_buffer.clear();
    m_too_long = false;
    std::streambuf* sb = m_in.rdbuf();
    bool any = false;
    for (;;) {
        const int c = sb->sbumpc();
        if (c == std::char_traits<char>::eof()) {
            if (!any) {
                return false;
            }
            break;
        }
        any = true;
        if (c == '\n') {
            break;
        }
        if (m_buffer.size() < m_max) {
            m_buffer.push_back(static_cast<char>(c));
        } else {
            m_too_long = true; // read on to the end of the line, keeping nothing more
        }
    }
    ++m_line;
    if (!m_buffer.empty() && m_buffer.back() == '\r') {
        m_buffer.pop_back();
    }
    return true;
}

std::optional<Article> ArticleLineReader::next() {
    while (read_line()) {
        const std::string where = m_name + ": line " + std::to_string(m_line);
        if (m_too_long) {
            throw input_error(where + ": longer than " + std::to_string(m_max >> 20) +
                              " MB (an article is at most " +
                              std::to_string(max_article_bytes >> 20) + " MB)");
        }
        if (m_buffer.find_first_not_of(" \t") == std::string::npos) {
            continue;
        }
        json j;
        try {
            j = json::parse(m_buffer);
        } catch (const json::exception& e) {
            throw input_error(where + ": not valid JSON (" + parse_message(e) + ")");
        }
        if (!j.is_object()) {
            throw input_error(where +
                              ": expected an object {\"id\", \"published\", \"text\"}, got " +
                              json_type(j));
        }
        Article a;
        try {
            a.id = id_of(j);
        } catch (const Error& e) {
            throw e.with_context(where);
        }
        try {
            a.published = published_of(j);
            a.text = text_of(j);
        } catch (const Error& e) {
            throw e.with_context(where + " (article " + a.id + ")");
        }
        return a;
    }
    if (m_in.bad()) {
        throw input_error(m_name + ": read error after line " + std::to_string(m_line));
    }
    return std::nullopt;
}

} // namespace sitmap::geo
