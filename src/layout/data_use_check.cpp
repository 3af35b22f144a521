#include "layout/data_use_check.h"

#include <algorithm>
#include <memory>

#include "diag/suggest.h"
#include "layout/node_template.h"
#include "layout/schema.h"

namespace dw::layout {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

// The path of an expression: what stands before its first filter ("date" of "date | date-nl").
std::string_view expression_path(std::string_view expr) {
    bool quoted = false;
    for (size_t i = 0; i < expr.size(); ++i) {
        if (expr[i] == '"') quoted = !quoted;
        if (expr[i] == '|' && !quoted) return trim(expr.substr(0, i));
    }
    return trim(expr);
}

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> names;
    size_t start = 0;
    for (size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.', start)) {
        names.push_back(trim(path.substr(start, dot - start)));
        start = dot + 1;
    }
    names.push_back(trim(path.substr(start)));
    return names;
}

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The declaration of what a name or path refers to. `open` marks data nobody declared (a
// component without <data>): paths into it are not checked.
struct Shape {
    const FieldDecl* decl = nullptr;
    bool open = false;
};

FieldDecl theme_decl() {
    FieldDecl theme;
    theme.name = "theme";
    theme.type = FieldType::Map;
    for (const char* name : {"number", "name", "color", "tint", "icon"}) {
        FieldDecl f;
        f.name = name;
        theme.fields.push_back(f);
    }
    return theme;
}

FieldDecl index_decl() {
    FieldDecl index;
    index.name = "index";
    index.type = FieldType::Number;
    return index;
}

class UseChecker {
public:
    UseChecker(const DataDecls& decls, Diagnostics& diags) : decls_(decls), diags_(diags) {}

    void check_root(const Node& root) {
        root_ = &decls_.document.root;
        for (const auto& child : root.children) {
            if (child.element == "data") continue;
            if (child.element == "component") {
                check_component(child);
            } else if (child.element == "cards") {
                check_cards(child);
            } else {
                check(child);
            }
        }
    }

private:
    void check_component(const Node& node) {
        auto it = decls_.components.find(node.attribute_or("name", ""));
        Shape data =
            it != decls_.components.end() ? Shape{&it->second.root, false} : Shape{nullptr, true};
        vars_.emplace_back("data", data);
        check_children(node);
        vars_.pop_back();
    }

    // A deck's templates see one row: the columns, and {{theme.*}}.
    void check_cards(const Node& node) {
        const FieldDecl* saved = root_;
        if (!node.attribute("each") && root_->type == FieldType::List) {
            row_ = *root_;
            row_.type = FieldType::Map;
            root_ = &row_;
        }
        for (const char* field : {"theme-field", "quantity-field"}) {
            const std::string value = node.attribute_or_default(field);
            if (node.attribute(field) && !root_->find(value))
                report_unknown(value, root_, attribute_value_loc(node.attribute_loc(field), field),
                               value);
        }
        vars_.emplace_back("theme", Shape{&theme_, false});
        check(node);
        vars_.pop_back();
        root_ = saved;
    }

    void check(const Node& node) {
        if (node.element == "#text") {
            check_template(node.text, node.loc);
            return;
        }
        if (node.element == "for" || node.element == "timeline" || node.element == "table") {
            check_loop(node);
            return;
        }
        for (const auto& [name, value] : node.attributes) check_attribute(node, name, value);
        check_children(node);
    }

    void check_children(const Node& node) {
        for (const auto& child : node.children) check(child);
    }

    void check_attribute(const Node& node, const std::string& name, const std::string& value) {
        const AttrSpec* spec = node.schema_attribute(name);
        if (!spec) return;
        SourceLoc loc = attribute_value_loc(node.attribute_loc(name), name);
        bool item_field = ((node.element == "for" || node.element == "table") &&
                           (name == "sort" || name == "where"));
        if (spec->type == AttrType::Path && !item_field) {
            std::string_view path = trim(value);
            if (path.starts_with("{{") && path.ends_with("}}"))
                path = trim(path.substr(2, path.size() - 4));
            resolve(path, loc);
        } else if (value.find("{{") != std::string::npos) {
            check_template(value, loc);
        }
    }

    // <for> and <timeline>: each= names a list; inside, as= is one of its items.
    void check_loop(const Node& node) {
        std::string each = node.attribute_or("each", "");
        SourceLoc loc = attribute_value_loc(node.attribute_loc("each"), "each");
        Shape list = resolve(trim(each), loc);
        Shape item{nullptr, true};
        if (list.decl && list.decl->type == FieldType::List) {
            items_.push_back(std::make_unique<FieldDecl>(item_of(*list.decl)));
            item = Shape{items_.back().get(), false};
            check_item_fields(node, *items_.back());
        } else if (list.decl) {
            diags_.error(loc, "'" + each + "' is declared as " + field_type_name(list.decl->type) +
                                  ", not a list");
        }
        vars_.emplace_back(node.attribute_or_default("as"), item);
        vars_.emplace_back("index", Shape{&index_, false});
        // A timeline's date=, end= and status= are evaluated per item.
        for (const auto& [name, value] : node.attributes)
            if (name != "each" && name != "sort" && name != "where")
                check_attribute(node, name, value);
        check_children(node);
        vars_.pop_back();
        vars_.pop_back();
    }

    static FieldDecl item_of(const FieldDecl& list) {
        FieldDecl item;
        item.name = list.name + "[]";
        item.type = list.fields.empty() ? list.item_type : FieldType::Map;
        item.values = list.values;
        item.fields = list.fields;
        return item;
    }

    void check_item_fields(const Node& node, const FieldDecl& item) {
        if ((node.element != "for" && node.element != "table") || item.type != FieldType::Map) return;
        if (const std::string* sort = node.attribute("sort"))
            check_field_of(item, trim(*sort),
                           attribute_value_loc(node.attribute_loc("sort"), "sort"));
        if (const std::string* where = node.attribute("where")) {
            std::string_view field =
                trim(std::string_view(*where).substr(0, where->find_first_of("!=")));
            check_field_of(item, field, attribute_value_loc(node.attribute_loc("where"), "where"));
        }
    }

    void check_field_of(const FieldDecl& item, std::string_view field, const SourceLoc& loc) {
        if (!field.empty() && !item.find(field)) report_unknown(field, &item, loc, item.name);
    }

    void check_template(const std::string& text, const SourceLoc& loc) {
        for (const auto& part : split_template(text, loc)) {
            if (part.kind != TemplatePart::Kind::Expression) continue;
            std::string_view path = expression_path(part.text);
            if (path == "page" || path == "pages" || path.empty()) continue;
            resolve(path, part.loc);
        }
    }

    Shape lookup(std::string_view name) const {
        for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
            if (it->first == name) return it->second;
        const FieldDecl* f = root_->find(name);
        return f ? Shape{f, false} : Shape{};
    }

    std::vector<std::string> visible_names() const {
        std::vector<std::string> names = root_->field_names();
        for (const auto& [name, shape] : vars_) names.push_back(name);
        return names;
    }

    // Reports a path that leaves the declaration; a reported one is treated as open, so that
    // what follows from it is not reported again.
    Shape resolve(std::string_view path, const SourceLoc& loc) {
        std::vector<std::string_view> names = split_path(path);
        Shape shape = lookup(names.front());
        if (!shape.decl && !shape.open) {
            std::string first(names.front());
            diags_.error(loc, "the data declares no field '" + first + "'",
                         suggestion_hint(first, visible_names()));
            return {nullptr, true};
        }
        std::string walked(names.front());
        for (size_t i = 1; i < names.size() && !shape.open; ++i) {
            const FieldDecl& decl = *shape.decl;
            std::string name(names[i]);
            if (decl.type == FieldType::List && all_digits(name)) {
                items_.push_back(std::make_unique<FieldDecl>(item_of(decl)));
                shape = Shape{items_.back().get(), false};
            } else if (const FieldDecl* f =
                           decl.type == FieldType::Map ? decl.find(name) : nullptr) {
                shape = Shape{f, false};
            } else {
                report_unknown(name, &decl, loc, walked);
                return {nullptr, true};
            }
            walked += "." + name;
        }
        return shape;
    }

    void report_unknown(std::string_view name, const FieldDecl* decl, const SourceLoc& loc,
                        const std::string& walked) {
        std::string n(name);
        if (decl->type != FieldType::Map) {
            diags_.error(loc, "'" + walked + "' is declared as " + field_type_name(decl->type) +
                                  ": it has no field '" + n + "'");
            return;
        }
        std::string owner = walked == n ? "the data" : "'" + walked + "'";
        diags_.error(loc, owner + " declares no field '" + n + "'",
                     suggestion_hint(n, decl->field_names()));
    }

    const DataDecls& decls_;
    Diagnostics& diags_;
    const FieldDecl* root_ = nullptr;
    FieldDecl row_;
    FieldDecl theme_ = theme_decl();
    FieldDecl index_ = index_decl();
    std::vector<std::unique_ptr<FieldDecl>> items_;  // items of lists, alive while checking
    std::vector<std::pair<std::string, Shape>> vars_;
};

}  // namespace

void check_data_uses(const Node& root, const DataDecls& decls, Diagnostics& diags) {
    if (!decls.declared) return;
    UseChecker(decls, diags).check_root(root);
}

}  // namespace dw::layout
