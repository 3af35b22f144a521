#include "layout/layout.h"

#include "layout/schema.h"

namespace dw::layout {

const std::string* Node::attribute(const std::string& name) const {
    for (const auto& [key, value] : attributes) {
        if (key == name) return &value;
    }
    return nullptr;
}

std::string Node::attribute_or(const std::string& name, const std::string& fallback) const {
    const std::string* value = attribute(name);
    return value ? *value : fallback;
}

std::string Node::attribute_or_default(const std::string& name) const {
    if (const std::string* value = attribute(name)) return *value;
    const ElementSpec* element_spec = spec ? spec : find_element(element);
    const AttrSpec* attr = element_spec ? find_attribute(*element_spec, name) : nullptr;
    return attr ? attr->default_value : std::string();
}

const SourceLoc& Node::attribute_loc(const std::string& name) const {
    auto it = attribute_locs.find(name);
    return it == attribute_locs.end() ? loc : it->second;
}

}  // namespace dw::layout
