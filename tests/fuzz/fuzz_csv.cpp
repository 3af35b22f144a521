// libFuzzer target: CSV lesson sets (data/csv_loader): BOM, ';' or ',', RFC 4180 quoting.
#include <cstdint>
#include <string_view>

#include "data/csv_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dw::Diagnostics diags;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    dw::data::parse_csv(text, "fuzz.csv", diags);
    return 0;
}
