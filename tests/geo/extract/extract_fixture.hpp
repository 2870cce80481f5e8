#pragma once
// What the extraction tests share: articles dated 11 May 2023, an extractor over the small test
// gazetteer, and helpers to read its results.

#include "geo/extract/extract.hpp"
#include "tests/geo/extract/extract_test_gazetteer.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace sitmap::test {

inline const std::chrono::year_month_day may11 = geo::parse_date("2023-05-11");

inline geo::Article article(std::string text, std::chrono::year_month_day published = may11) {
    geo::Article a;
    a.id = "test";
    a.text = std::move(text);
    a.published = published;
    return a;
}

// The incidents (not checkpoints or context events) among the events.
inline std::vector<const geo::Event*> incidents(const geo::Extraction& x) {
    std::vector<const geo::Event*> out;
    for (const geo::Event& e : x.events) {
        if (geo::layer_of(e.kind) == geo::EventLayer::incident) {
            out.push_back(&e);
        }
    }
    return out;
}

class ExtractTest : public ::testing::Test {
protected:
    geo::Gazetteer m_gazetteer = extract_test_gazetteer();
    geo::Geocoder m_geocoder{m_gazetteer};
    geo::Extractor m_extractor{m_geocoder};

    geo::Extraction run(const std::string& text,
                        std::chrono::year_month_day published = may11) const {
        return m_extractor.extract(article(text, published));
    }
    // The role of the nth mention written `surface`.
    std::optional<geo::MentionRole> role_of(const geo::Extraction& x, std::string_view surface,
                                            std::size_t nth = 0) const {
        for (const geo::PlaceMention& m : x.mentions) {
            if (m.mention.surface == surface && nth-- == 0) {
                return m.role;
            }
        }
        return std::nullopt;
    }
};

} // namespace sitmap::test
