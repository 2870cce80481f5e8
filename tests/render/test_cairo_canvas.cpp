// render/cairo_canvas.hpp: PNG and PDF surfaces, atomic writes, deterministic PDF.

#include "render/cairo_canvas.hpp"

#include "geo/core/error.hpp"
#include "render/text.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cairo.h>

namespace sitmap::render {
namespace {

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void draw_something(Canvas& c) {
    c.fill_rect({0, 0, c.width(), c.height()}, {1, 1, 1, 1});
    MarkerSymbol m;
    m.size = 20;
    m.fill = {1, 0, 0, 1};
    c.draw_marker({50, 50}, m, {});
    const TextShaper shaper;
    c.draw_text(shaper.run("Sotk Երևան", TextStyle{}, {10, 70}));
}

TEST(CairoCanvas, PngStampsMarkersAtTheirPixels) {
    const auto path = std::filesystem::temp_directory_path() / "sitmap_cairo.png";
    std::filesystem::remove(path);
    auto canvas = make_png_canvas(path, 100, 100, 2.0);
    draw_something(*canvas);
    EXPECT_FALSE(std::filesystem::exists(path));
    canvas->finish();
    cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
    ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    EXPECT_EQ(cairo_image_surface_get_width(s), 200);
    const auto* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    auto pixel = [&](int x, int y) {
        return *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xffffffU;
    };
    EXPECT_EQ(pixel(100, 100), 0xff0000U); // marker centre (50, 50) at scale 2
    EXPECT_EQ(pixel(100, 130), 0xffffffU); // outside the 20-unit marker
    cairo_surface_destroy(s);
}

// A split symbol: its left half in `fill`, its right half in `fill_right`, on PNG (sprite) and
// PDF (vector) alike.
TEST(CairoCanvas, SplitMarkerHasTwoHalves) {
    const auto png = std::filesystem::temp_directory_path() / "sitmap_cairo_split.png";
    const auto pdf = std::filesystem::temp_directory_path() / "sitmap_cairo_split.pdf";
    MarkerSymbol m;
    m.shape = MarkerShape::diamond;
    m.size = 40;
    m.fill = {1, 0, 0, 1};
    m.fill_right = {0, 0, 1, 1};
    m.stroke = {0, 0, 0, 1};
    for (const auto& path : {png, pdf}) {
        auto canvas =
            path == png ? make_png_canvas(path, 100, 100) : make_pdf_canvas(path, 100, 100, {});
        canvas->fill_rect({0, 0, 100, 100}, {1, 1, 1, 1});
        canvas->draw_marker({50, 50}, m, {});
        canvas->finish();
    }
    const auto raster = std::filesystem::temp_directory_path() / "sitmap_cairo_split_pdf";
    ASSERT_EQ(
        std::system(
            ("pdftoppm -png -r 72 -singlefile " + pdf.string() + " " + raster.string()).c_str()),
        0);
    for (const auto& path : {png, std::filesystem::path(raster.string() + ".png")}) {
        cairo_surface_t* s = cairo_image_surface_create_from_png(path.c_str());
        ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS) << path;
        const auto* data = cairo_image_surface_get_data(s);
        const int stride = cairo_image_surface_get_stride(s);
        auto pixel = [&](int x, int y) {
            return *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xffffffU;
        };
        EXPECT_EQ(pixel(42, 50), 0xff0000U) << path; // left half
        EXPECT_EQ(pixel(58, 50), 0x0000ffU) << path; // right half
        EXPECT_EQ(pixel(50, 20), 0xffffffU) << path; // outside the diamond's corner
        cairo_surface_destroy(s);
    }
}

TEST(CairoCanvas, PdfIsDeterministicAndDatedFromTheInput) {
    const auto a = std::filesystem::temp_directory_path() / "sitmap_cairo_a.pdf";
    const auto b = std::filesystem::temp_directory_path() / "sitmap_cairo_b.pdf";
    DocumentInfo info;
    info.title = "Test";
    info.date = "2023-05-11";
    for (const auto& p : {a, b}) {
        auto canvas = make_pdf_canvas(p, 200, 100, info);
        draw_something(*canvas);
        canvas->finish();
    }
    const std::string da = slurp(a);
    EXPECT_EQ(da, slurp(b));
    EXPECT_NE(da.find("/CreationDate (20230511000000Z)"), std::string::npos);
}

TEST(CairoCanvas, BadSizesAndPathsAreErrors) {
    EXPECT_THROW(make_png_canvas("/tmp/x.png", 0, 100), Error);
    EXPECT_THROW(make_png_canvas("/tmp/x.png", 100000, 100000), Error);
    try {
        make_png_canvas("/nonexistent-dir/x.png", 10, 10);
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::output_failed);
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.png"), std::string::npos);
    }
    const auto path = std::filesystem::temp_directory_path() / "sitmap_cairo_unfinished.pdf";
    std::filesystem::remove(path);
    {
        auto canvas = make_pdf_canvas(path, 100, 100, {});
        draw_something(*canvas);
    }
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
}

} // namespace
} // namespace sitmap::render
