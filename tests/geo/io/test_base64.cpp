// geo/io/base64.hpp: the test vectors of RFC 4648, section 10, and bytes that are not text.

#include "geo/io/base64.hpp"

#include <string>

#include <gtest/gtest.h>

using sitmap::geo::base64_encode;

TEST(Base64, Rfc4648TestVectors) {
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
    EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, BinaryBytesWithZerosAndNoLineBreaks) {
    const std::string png_signature("\x89PNG\r\n\x1a\n\0\0", 10);
    EXPECT_EQ(base64_encode(png_signature), "iVBORw0KGgoAAA==");
    const std::string long_input(200, '\xff');
    const std::string encoded = base64_encode(long_input);
    EXPECT_EQ(encoded.size(), 268u); // 4 * ceil(200 / 3)
    EXPECT_EQ(encoded.find('\n'), std::string::npos);
}
