// libFuzzer target: the XML node reader with the manifest's language (layout/xml_tree).
#include <cstdint>
#include <string_view>

#include "batch/manifest_language.h"
#include "layout/xml_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    dw::Diagnostics diags;
    std::string_view xml(reinterpret_cast<const char*>(data), size);
    dw::layout::parse_xml_tree(xml, "fuzz.xml", dw::batch::manifest_language(), diags);
    return 0;
}
