#pragma once
#include <string>
#include <string_view>

namespace dw {

// `text` for XML or HTML element content and double-quoted attribute values: & < > " replaced
// by their entities. The apostrophe is left as it is (HTML 4 mail clients do not know &apos;).
std::string xml_text(std::string_view text);

}  // namespace dw
