// render/text.hpp: Pango/HarfBuzz shaping with the Noto fonts.

#include "render/text.hpp"

#include <gtest/gtest.h>

namespace sitmap::render {
namespace {

TEST(Text, ArmenianCyrillicAndAzerbaijaniLatinHaveNoMissingGlyphs) {
    const TextShaper shaper;
    const TextStyle style;
    for (const char* s : {"Yerevan", "Երևան", "Ереван", "İrəvan", "Şuşa, Gəncə, Ağdam, Füzuli",
                          "Çinarlı", "Ստեփանակերտ", "Степанакерт"}) {
        const TextMetrics m = shaper.measure(s, style);
        EXPECT_EQ(m.unknown_glyphs, 0) << s;
        EXPECT_GT(m.width, 10.0) << s;
        EXPECT_GT(m.height, style.size) << s;
        EXPECT_GT(m.baseline, 0.0) << s;
    }
}

TEST(Text, ReportsMissingGlyphs) {
    const TextShaper shaper;
    // Private-use code points: no font draws them.
    EXPECT_GT(shaper.measure("\xee\x80\x80\xee\x80\x81", TextStyle{}).unknown_glyphs, 0);
}

TEST(Text, SizeAndWeightChangeTheMeasure) {
    const TextShaper shaper;
    TextStyle small;
    small.size = 10;
    TextStyle big = small;
    big.size = 20;
    const double w10 = shaper.measure("Sotk", small).width;
    EXPECT_NEAR(shaper.measure("Sotk", big).width, 2 * w10, 0.5);
    TextStyle bold = small;
    bold.weight = FontWeight::bold;
    EXPECT_GT(shaper.measure("Sotk", bold).width, w10);
    const TextRun run = shaper.run("Sotk", small, {3, 4}, 0.5);
    EXPECT_EQ(run.origin, (Point{3, 4}));
    EXPECT_EQ(run.width, w10);
}

} // namespace
} // namespace sitmap::render
