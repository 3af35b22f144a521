// libFuzzer target: Markdown with YAML front matter and component blocks (data/markdown_loader).
#include <cstdint>
#include <string_view>

#include "data/markdown_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dw::Diagnostics diags;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    dw::data::parse_markdown(text, "fuzz.md", {"postits", "card"}, diags);
    return 0;
}
