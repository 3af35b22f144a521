#include "layout/layout.h"

#include "layout/schema.h"

namespace dw::layout {

const std::string* Node::attribute(std::string_view name) const {
    int index = attribute_index(name);
    return index < 0 ? nullptr : &attributes[size_t(index)].second;
}

int Node::attribute_index(std::string_view name) const {
    for (size_t i = 0; i < attributes.size(); ++i) {
        if (attributes[i].first == name) return int(i);
    }
    return -1;
}

std::string Node::attribute_or(std::string_view name, const std::string& fallback) const {
    const std::string* value = attribute(name);
    return value ? *value : fallback;
}

std::string Node::attribute_or_default(std::string_view name) const {
    if (const std::string* value = attribute(name)) return *value;
    const AttrSpec* attr = schema_attribute(name);
    return attr ? attr->default_value : std::string();
}

const AttrSpec* Node::schema_attribute(std::string_view name) const {
    const ElementSpec* element_spec = spec ? spec : find_element(element);
    return element_spec ? find_attribute(*element_spec, name) : nullptr;
}

const SourceLoc& Node::attribute_loc(std::string_view name) const {
    auto it = attribute_locs.find(name);
    return it == attribute_locs.end() ? loc : it->second;
}

void start_on_page_master(Layout& layout, const std::string& master) {
    layout.first_page_master = master;
    auto variant = layout.variants.find(master);
    if (variant != layout.variants.end()) layout.document = variant->second;
}

}  // namespace dw::layout
