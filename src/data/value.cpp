#include "data/value.h"

namespace dw::data {

Value Value::string(std::string s, SourceLoc loc) {
    Value v;
    v.kind = Kind::String;
    v.text = std::move(s);
    v.loc = std::move(loc);
    return v;
}

Value Value::list(SourceLoc loc) {
    Value v;
    v.kind = Kind::List;
    v.loc = std::move(loc);
    return v;
}

Value Value::map(SourceLoc loc) {
    Value v;
    v.kind = Kind::Map;
    v.loc = std::move(loc);
    return v;
}

const Value* Value::find(std::string_view key) const {
    if (kind != Kind::Map) return nullptr;
    for (const auto& [k, v, at] : fields)
        if (k == key) return &v;
    return nullptr;
}

std::vector<std::string> Value::keys() const {
    std::vector<std::string> out;
    for (const auto& [k, v, at] : fields) out.push_back(k);
    return out;
}

void Value::set(std::string key, Value v) {
    kind = Kind::Map;
    for (auto& [k, existing, at] : fields)
        if (k == key) {
            existing = std::move(v);
            return;
        }
    fields.emplace_back(std::move(key), std::move(v));
}

}  // namespace dw::data
