#include "geo/extract/extract.hpp"

#include "geo/core/error.hpp"
#include "geo/extract/detail/merge.hpp"
#include "geo/extract/detail/pipeline.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace sitmap::geo {
namespace {

// A long input (a feed, a dump of many articles) is searched for place names a few paragraphs
// (64 KB, cut at a line break) at a time: the geocoder's context for a name is its
// neighbourhood, and whole-text context makes its work grow faster than the text. Ordinary
// articles are one piece.
constexpr std::size_t mention_search_piece = 64u << 10;
// The whole Armenia–Azerbaijan border in the bundled gazetteer: where fire reported without a
// place is put, to the region.
constexpr std::string_view whole_border_id = "sitmap:border-am-az";

// Offset of the first byte that is not valid UTF-8, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            n = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + n >= s.size()) {
            return i; // truncated sequence at the end
        }
        unsigned cp = c & (0x3F >> n);
        for (std::size_t k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += n + 1;
    }
    return std::string_view::npos;
}

} // namespace

std::string_view to_string(MentionRole role) {
    switch (role) {
    case MentionRole::incident_location:
        return "incident_location";
    case MentionRole::origin_location:
        return "origin_location";
    case MentionRole::context_location:
        return "context_location";
    case MentionRole::actor:
        return "actor";
    case MentionRole::name_part:
        return "name_part";
    }
    return "context_location";
}

void check_article_text(std::string& text, std::size_t max_bytes) {
    if (text.size() > max_bytes) {
        throw input_error(std::to_string(text.size() / (1u << 20)) +
                          " MB is larger than the limit of " +
                          std::to_string(max_bytes / (1u << 20)) + " MB for an article");
    }
    if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        throw input_error("the article is empty");
    }
    if (text.find('\0') != std::string::npos) {
        throw input_error("binary data, not a text article");
    }
    if (const auto bad = invalid_utf8_at(text); bad != std::string_view::npos) {
        throw input_error("not valid UTF-8 (byte " + std::to_string(bad) +
                          "); convert the article to UTF-8");
    }
}

Article read_article(const std::filesystem::path& path, std::chrono::year_month_day published,
                     std::size_t max_bytes) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw input_error(name + ": no such file");
    }
    if (std::filesystem::is_directory(path, ec)) {
        throw input_error(name + ": is a directory, not an article");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        throw input_error(name + ": cannot read (" + ec.message() + ")");
    }
    if (size > max_bytes) {
        throw input_error(name + ": " + std::to_string(size / (1u << 20)) +
                          " MB is larger than the limit of " +
                          std::to_string(max_bytes / (1u << 20)) + " MB for an article");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw input_error(name + ": cannot open for reading");
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = std::move(buf).str();
    try {
        check_article_text(text, max_bytes);
    } catch (const Error& e) {
        throw e.with_context(name);
    }
    Article a;
    a.id = path.stem().string();
    a.text = std::move(text);
    a.published = published;
    a.path = path;
    return a;
}

Extractor::Extractor(const Geocoder& geocoder) : m_geocoder(geocoder) {}

Extraction Extractor::extract(const Article& article) const {
    GeocodeContext context;
    context.country_hints = {"AM", "AZ"};
    const std::string_view text = article.text;
    std::vector<TextMention> mentions;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.size();
        if (end - begin > mention_search_piece) {
            const std::size_t cut = text.rfind('\n', begin + mention_search_piece);
            end = (cut != std::string_view::npos && cut > begin) ? cut + 1
                                                                 : begin + mention_search_piece;
            while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
                ++end; // never inside a UTF-8 sequence
            }
        }
        const std::string_view piece = text.substr(begin, end - begin);
        // Names written as places ("the village of X") that no gazetteer name covers: reported,
        // never dropped (resolved when the spelling is close to one place).
        auto [found, slots] = m_geocoder.find_mentions_and_slots(piece, context);
        found.insert(found.end(), std::make_move_iterator(slots.begin()),
                     std::make_move_iterator(slots.end()));
        std::sort(found.begin(), found.end(), [](const TextMention& a, const TextMention& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        for (TextMention& m : found) {
            m.begin += begin;
            m.end += begin;
            mentions.push_back(std::move(m));
        }
        begin = end;
    }
    return detail::extract_events(article, mentions, m_geocoder.gazetteer().find(whole_border_id));
}

Extraction Extractor::extract_all(const std::vector<Article>& articles) const {
    Extraction all;
    std::vector<Event> events;
    for (const Article& a : articles) {
        Extraction one = extract(a);
        all.mentions.insert(all.mentions.end(), one.mentions.begin(), one.mentions.end());
        events.insert(events.end(), one.events.begin(), one.events.end());
        all.warnings.insert(all.warnings.end(), one.warnings.begin(), one.warnings.end());
    }
    all.events = merge_events(std::move(events));
    return all;
}

std::vector<Event> merge_events(std::vector<Event> events) {
    return detail::merge_events_impl(std::move(events));
}

} // namespace sitmap::geo
