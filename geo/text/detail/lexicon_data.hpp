#pragma once
// The word lists of data/lexicon, embedded by CMake (cmake/SitmapLexicon.cmake generates the
// definition from the .tsv files at build time).

#include <span>
#include <string_view>

namespace sitmap::geo::text::detail {

struct EmbeddedList {
    std::string_view lang; // folder: "en"
    std::string_view name; // file stem: "triggers"
    std::string_view text; // the file's bytes
};

std::span<const EmbeddedList> embedded_lists();

} // namespace sitmap::geo::text::detail
