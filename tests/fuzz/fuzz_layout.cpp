// libFuzzer target: layout XML (layout/layout_reader: syntax, schema, styles, references).
#include <cstdint>
#include <string_view>

#include "layout/layout_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dw::Diagnostics diags;
    std::string_view xml(reinterpret_cast<const char*>(data), size);
    dw::layout::parse_layout(xml, "/nonexistent/fuzz.xml", diags);
    return 0;
}
