// Streams compressed whole by libdeflate behind zlib's streaming calls: what Cairo, libharu
// and libqpdf see must be zlib's contract, and what they write must inflate to their input.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <random>
#include <string>
#include <vector>

#include "cli/whole_buffer_deflate.h"

using namespace dw::cli;

namespace {

std::string inflated(const std::vector<unsigned char>& compressed) {
    z_stream in{};
    REQUIRE(inflateInit(&in) == Z_OK);
    std::string out(1 << 20, '\0');
    in.next_in = const_cast<Bytef*>(compressed.data());
    in.avail_in = uInt(compressed.size());
    in.next_out = reinterpret_cast<Bytef*>(out.data());
    in.avail_out = uInt(out.size());
    CHECK(inflate(&in, Z_FINISH) == Z_STREAM_END);  // a complete zlib stream, Adler-32 checked
    out.resize(in.total_out);
    inflateEnd(&in);
    return out;
}

// A PDF content stream's worth of text with numbers, as Cairo writes it.
std::string page_content(size_t bytes) {
    std::mt19937 random(20241112);
    std::string text;
    while (text.size() < bytes)
        text += "BT /f-0-0 1 Tf " + std::to_string(random() % 600) + "." +
                std::to_string(random() % 100) + " 0 Td [(Wij zijn de Wijk)-" +
                std::to_string(random() % 50) + "(bouwstenen)]TJ ET\n";
    text.resize(bytes);
    return text;
}

}  // namespace

TEST_CASE("input given in pieces comes out whole, however small the output buffer", "[deflate]") {
    const std::string input = page_content(200000);
    z_stream s{};
    REQUIRE(begin_whole_buffer_deflate(&s) == Z_OK);
    CHECK(s.state == nullptr);  // zlib's own calls refuse the stream cleanly
    for (size_t at = 0; at < input.size(); at += 16384) {  // Cairo's buffer size
        s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + at));
        s.avail_in = uInt(std::min<size_t>(16384, input.size() - at));
        unsigned char none[1];
        s.next_out = none;
        s.avail_out = sizeof none;
        REQUIRE(whole_buffer_deflate(&s, Z_NO_FLUSH) == Z_OK);
        CHECK(s.avail_in == 0);
        CHECK(s.avail_out == sizeof none);  // nothing written before Z_FINISH
    }
    std::vector<unsigned char> compressed;
    int result = Z_OK;
    while (result == Z_OK) {
        unsigned char chunk[4096];
        s.next_out = chunk;
        s.avail_out = sizeof chunk;
        result = *whole_buffer_deflate(&s, Z_FINISH);
        compressed.insert(compressed.end(), chunk, chunk + (sizeof chunk - s.avail_out));
    }
    CHECK(result == Z_STREAM_END);
    CHECK(s.total_in == input.size());
    CHECK(s.total_out == compressed.size());
    CHECK(compressed.size() < input.size() / 3);
    CHECK(end_whole_buffer_deflate(&s) == Z_OK);
    CHECK(inflated(compressed) == input);
}

TEST_CASE("an empty stream is a valid zlib stream; other streams are zlib's", "[deflate]") {
    z_stream s{};
    REQUIRE(begin_whole_buffer_deflate(&s) == Z_OK);
    std::vector<unsigned char> out(64);
    s.next_out = out.data();
    s.avail_out = uInt(out.size());
    CHECK(whole_buffer_deflate(&s, Z_FINISH) == Z_STREAM_END);
    out.resize(s.total_out);
    CHECK(end_whole_buffer_deflate(&s) == Z_OK);
    CHECK(inflated(out).empty());

    z_stream other{};
    CHECK_FALSE(whole_buffer_deflate(&other, Z_NO_FLUSH).has_value());
    CHECK_FALSE(end_whole_buffer_deflate(&other).has_value());
}

TEST_CASE("flushes the callers never use are refused; ending early is reported", "[deflate]") {
    z_stream s{};
    REQUIRE(begin_whole_buffer_deflate(&s) == Z_OK);
    std::string input = page_content(1000);
    s.next_in = reinterpret_cast<Bytef*>(input.data());
    s.avail_in = uInt(input.size());
    CHECK(whole_buffer_deflate(&s, Z_SYNC_FLUSH) == Z_STREAM_ERROR);
    CHECK(whole_buffer_deflate(&s, Z_NO_FLUSH) == Z_OK);
    CHECK(end_whole_buffer_deflate(&s) == Z_DATA_ERROR);  // as zlib: freed before the end
    CHECK_FALSE(whole_buffer_deflate(&s, Z_FINISH).has_value());  // and forgotten
}
