#include <catch2/catch.hpp>

#include "data/text_encoding.h"

using namespace dw;
using namespace dw::data;

namespace {

std::string decoded(const std::string& bytes, TextEncoding encoding, Diagnostics& diags) {
    return decode_text(bytes, "f.csv", encoding, diags).value_or("<failed>");
}

}  // namespace

TEST_CASE("a byte order mark decides the encoding", "[data][encoding]") {
    Diagnostics diags;
    CHECK(decoded("\xEF\xBB\xBF" "na\xC3\xAF" "ef", TextEncoding::Automatic, diags) == "naïef");
    CHECK(decoded(std::string("\xFF\xFEn\0\xEF\0\n\0\x3C\xD8\x89\xDF", 12), TextEncoding::Automatic, diags) ==
          "nï\n🎉");
    CHECK(decoded(std::string("\xFE\xFF\0n\0\xEF", 6), TextEncoding::Automatic, diags) == "nï");
    CHECK(diags.all().empty());
}

TEST_CASE("valid Windows-1252 that is not UTF-8 is read as such, with one note", "[data][encoding]") {
    Diagnostics diags;
    CHECK(decoded("Idee\xEB" "n;caf\xE9;\x80 5\r\n", TextEncoding::Automatic, diags) == "Ideeën;café;€ 5\r\n");
    REQUIRE(diags.all().size() == 1);
    CHECK(format_diagnostic(diags.all()[0]) ==
          "f.csv: note: not UTF-8; read as Windows-1252, as Excel saves it (--encoding chooses another)\n");
}

TEST_CASE("broken UTF-8 and bytes no encoding explains are left for the UTF-8 check", "[data][encoding]") {
    Diagnostics diags;
    CHECK(decoded("caf\xC3\xA9 en \xE9", TextEncoding::Automatic, diags) == "caf\xC3\xA9 en \xE9");
    CHECK(decoded("A\x81", TextEncoding::Automatic, diags) == "A\x81");
    CHECK(diags.all().empty());
}

TEST_CASE("a forced encoding reports the first byte that does not fit at line:col", "[data][encoding]") {
    Diagnostics utf8;
    CHECK_FALSE(decode_text("a\nb\xE9", "f.csv", TextEncoding::Utf8, utf8));
    CHECK(format_diagnostic(utf8.all().at(0)).starts_with("f.csv:2:2: error: invalid UTF-8 byte 0xE9\n"));

    Diagnostics cp1252;
    CHECK_FALSE(decode_text("\xE9\xE9\n\xE9\x8D", "f.csv", TextEncoding::Windows1252, cp1252));
    CHECK(format_diagnostic(cp1252.all().at(0))
              .starts_with("f.csv:2:2: error: byte 0x8D is not a Windows-1252 character\n"));

    Diagnostics utf16;  // an unpaired high surrogate on line 2, column 3
    CHECK_FALSE(decode_text(std::string("a\0\n\0b\0\xE9\0\x3D\xD8x\0", 12), "f.csv", TextEncoding::Utf16, utf16));
    CHECK(utf16.all().at(0).loc.line == 2);
    CHECK(utf16.all().at(0).loc.col == 3);
}

TEST_CASE("encoding names", "[data][encoding]") {
    CHECK(parse_text_encoding("UTF-8") == TextEncoding::Utf8);
    CHECK(parse_text_encoding("cp1252") == TextEncoding::Windows1252);
    CHECK(parse_text_encoding("utf-16") == TextEncoding::Utf16);
    CHECK_FALSE(parse_text_encoding("latin-9"));
}
