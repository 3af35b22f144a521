// libFuzzer target: YAML data files (data/yaml_loader).
#include <cstdint>
#include <string_view>

#include "data/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dw::Diagnostics diags;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    dw::data::parse_yaml(text, "fuzz.yaml", 1, diags);
    return 0;
}
