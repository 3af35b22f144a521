#include "bind/scope.h"

namespace dw::bind {

const data::Value* Scope::lookup(std::string_view name) const {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
        if (it->first == name) return it->second;
    return root_ ? root_->find(name) : nullptr;
}

std::vector<std::string> Scope::visible_names() const {
    std::vector<std::string> names;
    for (const auto& [name, value] : vars_) names.push_back(name);
    if (root_)
        for (auto& key : root_->keys()) names.push_back(key);
    return names;
}

}  // namespace dw::bind
