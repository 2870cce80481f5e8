#pragma once
// Extraction: article text + publication date -> place mentions and events. Offline, rule-based,
// gazetteer-driven.

#include "geo/core/event.hpp"
#include "geo/geocode/geocoder.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::geo {

struct Article {
    std::string id;   // file stem
    std::string text; // UTF-8
    std::chrono::year_month_day published{};
    std::filesystem::path path; // empty for in-memory text
};

// Articles are a few kilobytes; 20 MB is far more than any feed sitmap is meant to read at once.
constexpr std::size_t max_article_bytes = 20u << 20;

// Checks an article's text as read_article does (at most max_bytes, not blank, no NUL byte, valid
// UTF-8) and removes a leading UTF-8 byte order mark. Throws sitmap::Error (bad_input) saying what
// is wrong, without a name: the caller adds the file or line.
void check_article_text(std::string& text, std::size_t max_bytes = max_article_bytes);

// Reads an article file. Throws sitmap::Error (bad_input) naming the file: missing, empty,
// binary or invalid UTF-8, larger than max_bytes.
Article read_article(const std::filesystem::path& path, std::chrono::year_month_day published,
                     std::size_t max_bytes = max_article_bytes);

// incident_location: where fire landed (the target); origin_location: where it came from ("from
// the direction of X").
enum class MentionRole { incident_location, origin_location, context_location, actor, name_part };
std::string_view to_string(MentionRole role);

struct PlaceMention {
    TextMention mention;
    MentionRole role = MentionRole::context_location;
    std::size_t sentence = 0; // index of the sentence
};

struct Extraction {
    std::vector<PlaceMention> mentions;
    std::vector<Event> events;
    std::vector<std::string> warnings;
};

class Extractor {
public:
    explicit Extractor(const Geocoder& geocoder);
    Extraction extract(const Article& article) const;
    // Extracts each article and merges what is one event across them (same place, kind, date
    // within a day), keeping every claim and every source.
    Extraction extract_all(const std::vector<Article>& articles) const;

private:
    const Geocoder& m_geocoder;
};

// Merges events that describe the same incident. Claims and sources are concatenated, deduplicated.
std::vector<Event> merge_events(std::vector<Event> events);

} // namespace sitmap::geo
