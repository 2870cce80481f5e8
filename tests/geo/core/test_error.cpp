// geo/core/error.hpp: the one exception type, its kinds, the documented exit codes and context.

#include "geo/core/error.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace sitmap {
namespace {

int code(ExitCode c) {
    return static_cast<int>(c);
}

// The numbers README's "Exit codes" table and `sitmap --help` promise.
TEST(Error, ExitCodesAreTheDocumentedNumbers) {
    EXPECT_EQ(code(ExitCode::ok), 0);
    EXPECT_EQ(code(ExitCode::bad_input), 1);
    EXPECT_EQ(code(ExitCode::usage), 2);
    EXPECT_EQ(code(ExitCode::output_failed), 3);
    EXPECT_EQ(code(ExitCode::partial), 4);
    EXPECT_EQ(code(ExitCode::internal), 70);
}

TEST(Error, EachKindMapsToItsExitCode) {
    EXPECT_EQ(exit_code_for(ErrorKind::bad_input), ExitCode::bad_input);
    EXPECT_EQ(exit_code_for(ErrorKind::usage), ExitCode::usage);
    EXPECT_EQ(exit_code_for(ErrorKind::output_failed), ExitCode::output_failed);
    EXPECT_EQ(exit_code_for(ErrorKind::partial), ExitCode::partial);
    EXPECT_EQ(exit_code_for(ErrorKind::internal), ExitCode::internal);
    // A kind the switch does not know is a bug, not a success.
    EXPECT_EQ(exit_code_for(static_cast<ErrorKind>(7)), ExitCode::internal);
}

TEST(Error, HelpersMakeTheirKind) {
    const Error in = input_error("no geometry");
    EXPECT_EQ(in.kind(), ErrorKind::bad_input);
    EXPECT_STREQ(in.what(), "no geometry");
    EXPECT_EQ(usage_error("--width must be positive").kind(), ErrorKind::usage);
    EXPECT_EQ(output_error("disk full").kind(), ErrorKind::output_failed);
    EXPECT_EQ(exit_code_for(output_error("disk full").kind()), ExitCode::output_failed);
}

TEST(Error, WithContextPrefixesTheMessageAndKeepsTheKind) {
    const Error inner = input_error("property 'kind': unknown value 'shellingg'");
    const Error outer = inner.with_context("feature 17").with_context("events/may.geojson");
    EXPECT_STREQ(outer.what(),
                 "events/may.geojson: feature 17: property 'kind': unknown value 'shellingg'");
    EXPECT_EQ(outer.kind(), ErrorKind::bad_input);
    // The original is left as it was.
    EXPECT_STREQ(inner.what(), "property 'kind': unknown value 'shellingg'");

    const Error out = output_error("no space left on device").with_context("map.png");
    EXPECT_EQ(out.kind(), ErrorKind::output_failed);
    EXPECT_EQ(exit_code_for(out.kind()), ExitCode::output_failed);
}

// Thrown through code that knows only the standard exceptions, the message survives.
TEST(Error, IsARuntimeError) {
    try {
        throw usage_error("unknown style property").with_context("style.json");
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()), "style.json: unknown style property");
        const auto* error = dynamic_cast<const Error*>(&e);
        ASSERT_NE(error, nullptr);
        EXPECT_EQ(error->kind(), ErrorKind::usage);
        return;
    }
    FAIL() << "not caught as std::runtime_error";
}

} // namespace
} // namespace sitmap

TEST(Error, TheParserLibrarysTagIsDroppedFromAMessage) {
    EXPECT_EQ(sitmap::without_library_tag("[json.exception.parse_error.101] parse error at line 1"),
              "parse error at line 1");
    // Must not fire: other messages are kept whole.
    EXPECT_EQ(sitmap::without_library_tag("[x] kept"), "[x] kept");
    EXPECT_EQ(sitmap::without_library_tag("no tag"), "no tag");
}
