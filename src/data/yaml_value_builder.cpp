#include "data/yaml_value_builder.h"

#include <utility>

namespace dw::data {
namespace {

// Aliases share nodes, so a few lines of "billion laughs" YAML expand to an enormous tree; this
// caps the values one parse may produce, far above any real data file.
constexpr size_t kMaxValues = 1'000'000;

// Flow-style text of a value, for keys that are lists or maps ("? [a, b]: x").
std::string flow_text(const Value& v) {
    std::string s;
    switch (v.kind) {
        case Value::Kind::String:
            return v.text;
        case Value::Kind::List:
            for (const auto& item : v.items) s += (s.empty() ? "" : ", ") + flow_text(item);
            return "[" + s + "]";
        case Value::Kind::Map:
            for (const auto& [k, item, at] : v.fields)
                s += (s.empty() ? "" : ", ") + k + ": " + flow_text(item);
            return "{" + s + "}";
        default:
            return "null";
    }
}

}  // namespace

SourceLoc YamlPositions::loc_of(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0 || mark.column < 0) return origin_;
    int col = index_.char_column(mark.line + 1, mark.column + 1);  // yaml-cpp counts from 0
    return {origin_.file, origin_.line + mark.line, origin_.col - 1 + col};
}

void YamlValueBuilder::OnDocumentStart(const YAML::Mark& mark) {
    document_start_ = mark;
    root_marked_ = false;
    root_.reset();
    open_.clear();
    open_anchors_.clear();
}

void YamlValueBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!root_marked_) root_mark_ = mark, root_marked_ = true;
    Value null;
    null.loc = positions_.loc_of(mark);
    ++values_made_;
    add(std::move(null), anchor, 1);
}

void YamlValueBuilder::OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                const std::string& value) {
    if (!root_marked_) root_mark_ = mark, root_marked_ = true;
    ++values_made_;
    add(Value::string(value, positions_.loc_of(mark)), anchor, 1);
}

void YamlValueBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (!root_marked_) root_mark_ = mark, root_marked_ = true;
    SourceLoc loc = positions_.loc_of(mark);
    if (open_anchors_.count(anchor)) {
        diags_.error(loc, "an alias refers to the list or map that contains it",
                     "an alias '*name' cannot be used inside its own anchor '&name'");
        Value null;
        null.loc = loc;
        add(std::move(null), 0, 1);
        return;
    }
    auto found = anchors_.find(anchor);
    if (found == anchors_.end() || values_made_ + found->second.size >= kMaxValues) {
        if (found != anchors_.end() && !budget_reported_) {
            budget_reported_ = true;
            diags_.error(loc,
                         "aliases expand this YAML to more than " + std::to_string(kMaxValues) +
                             " values",
                         "use fewer nested aliases ('*name')");
        }
        Value null;
        null.loc = loc;
        add(std::move(null), 0, 1);
        return;
    }
    values_made_ += found->second.size;
    add(Value(found->second.value), 0, found->second.size);
}

void YamlValueBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string&,
                                       YAML::anchor_t anchor, YAML::EmitterStyle::value) {
    if (!root_marked_) root_mark_ = mark, root_marked_ = true;
    start_container(Value::list(positions_.loc_of(mark)), anchor);
}

void YamlValueBuilder::OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value) {
    if (!root_marked_) root_mark_ = mark, root_marked_ = true;
    start_container(Value::map(positions_.loc_of(mark)), anchor);
}

void YamlValueBuilder::start_container(Value container, YAML::anchor_t anchor) {
    ++values_made_;
    Frame frame;
    frame.value = std::move(container);
    frame.anchor = anchor;
    frame.values_before = values_made_;
    if (anchor) open_anchors_.insert(anchor);
    open_.push_back(std::move(frame));
}

void YamlValueBuilder::end_container() {
    if (open_.empty()) return;
    Frame frame = std::move(open_.back());
    open_.pop_back();
    if (frame.anchor) open_anchors_.erase(frame.anchor);
    add(std::move(frame.value), frame.anchor, values_made_ - frame.values_before + 1);
}

void YamlValueBuilder::add(Value value, YAML::anchor_t anchor, size_t size) {
    if (anchor) anchors_[anchor] = Anchored{value, size};
    if (open_.empty()) {
        root_ = std::move(value);
        return;
    }
    Frame& parent = open_.back();
    if (parent.value.is_list()) {
        parent.value.items.push_back(std::move(value));
    } else {
        add_to_map(parent, std::move(value));
    }
}

// Keys and values arrive in turn. A key that was seen before is reported and its value dropped,
// as the message says ("first defined on line n" stays in force).
void YamlValueBuilder::add_to_map(Frame& map, Value value) {
    if (!map.key) {
        map.key_loc = value.loc;
        std::string key = value.is_string() ? value.text : flow_text(value);
        auto [seen, fresh] = map.key_lines.emplace(key, map.key_loc.line);
        map.skip_value = !fresh;
        if (!fresh)
            diags_.error(map.key_loc,
                         "duplicate key '" + key + "' (first defined on line " +
                             std::to_string(seen->second) + ")",
                         "a key may appear once in a map; remove or rename one of them");
        map.key = std::move(key);
        return;
    }
    std::string key = std::move(*map.key);
    map.key.reset();
    if (map.skip_value) return;
    // yaml-cpp marks an empty value ("date:") at the next token, often lines below; the key is
    // where the user wrote it.
    if (value.is_null() && value.loc.line != map.key_loc.line) value.loc = map.key_loc;
    map.value.fields.emplace_back(std::move(key), std::move(value), map.key_loc);
}

}  // namespace dw::data
