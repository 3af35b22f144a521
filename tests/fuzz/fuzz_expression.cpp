// libFuzzer target: {{expressions}} with filters (bind/expression). The input's first line is
// the template; the rest is YAML data the expressions look up.
#include <cstdint>
#include <string_view>

#include "bind/expression.h"
#include "data/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    size_t newline = input.find('\n');
    std::string_view text = input.substr(0, newline);
    std::string_view yaml = newline == input.npos ? "" : input.substr(newline + 1);
    dw::Diagnostics diags;
    auto value = dw::data::parse_yaml(yaml, "fuzz.yaml", 2, diags);
    dw::data::Value empty;
    dw::bind::Scope scope(value ? &*value : &empty);
    dw::bind::ExpressionContext ctx{scope, diags, true};
    dw::bind::evaluate_template(text, {"fuzz.xml", 1, 1}, ctx);
    return 0;
}
