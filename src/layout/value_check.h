#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "layout/schema.h"

namespace dw::layout {

struct ValueProblem {
    std::string message;
    std::string hint;
};

// True when the value holds an {{expression}}: its type can only be checked once data is bound.
bool has_expression(std::string_view value);

// Static check of a value without expressions against its declared type. References (style,
// page master, component and palette names) are checked for their form only: whether they
// exist is known after the whole file has been read.
std::optional<ValueProblem> check_value(const AttrSpec& attr, std::string_view value);

// Every "{{" must be closed by "}}" and enclose something.
std::optional<ValueProblem> check_expressions(std::string_view text);

}  // namespace dw::layout
