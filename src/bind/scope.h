#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/value.h"

namespace dw::bind {

// The names an expression can see: loop variables (innermost first) over the data root.
class Scope {
public:
    explicit Scope(const data::Value* root) : root_(root) {}

    void push(std::string name, const data::Value* value) { vars_.emplace_back(std::move(name), value); }
    void pop() { vars_.pop_back(); }

    // The value a single name refers to, or nullptr.
    const data::Value* lookup(std::string_view name) const;
    // Every name visible here (for "did you mean" hints).
    std::vector<std::string> visible_names() const;
    const data::Value* root() const { return root_; }

private:
    const data::Value* root_;
    std::vector<std::pair<std::string, const data::Value*>> vars_;
};

// Pushes a variable for the lifetime of the guard.
class ScopedVariable {
public:
    ScopedVariable(Scope& scope, std::string name, const data::Value* value) : scope_(scope) {
        scope_.push(std::move(name), value);
    }
    ~ScopedVariable() { scope_.pop(); }
    ScopedVariable(const ScopedVariable&) = delete;
    ScopedVariable& operator=(const ScopedVariable&) = delete;

private:
    Scope& scope_;
};

}  // namespace dw::bind
