#pragma once
// Flate (zlib) streams of a PDF, decoded and encoded.
#include <string>
#include <string_view>

namespace dw::pdf {

// The data of a /FlateDecode stream; throws std::runtime_error when it is not zlib data.
std::string inflate(std::string_view compressed);

// `data` compressed for a /FlateDecode stream.
std::string deflate(std::string_view data);

}  // namespace dw::pdf
