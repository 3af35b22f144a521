#pragma once
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "data/line_index.h"
#include "data/value.h"
#include "diag/diagnostics.h"

namespace dw::data {

// File positions of yaml-cpp marks (0-based lines, byte columns) as SourceLocs (1-based,
// character columns), for text that starts at `origin`.
class YamlPositions {
public:
    YamlPositions(std::string_view text, const SourceLoc& origin) : index_(text), origin_(origin) {}
    SourceLoc loc_of(const YAML::Mark& mark) const;

private:
    LineIndex index_;
    SourceLoc origin_;
};

// Builds Values with file positions straight from yaml-cpp's parser events, one document at a
// time: a single pass over the text (yaml-cpp's own node tree and a second parse to guard against
// its endless loop on a stray ',' cost as much again). Checks what yaml-cpp lets through:
// duplicate keys (the first is kept), aliases inside their own anchor, alias bombs.
class YamlValueBuilder : public YAML::EventHandler {
public:
    YamlValueBuilder(const YamlPositions& positions, Diagnostics& diags)
        : positions_(positions), diags_(diags) {}

    // The last document's start, and its root value once the document has ended.
    const YAML::Mark& document_start() const { return document_start_; }
    const YAML::Mark& root_mark() const { return root_mark_; }
    std::optional<Value> take_root() { return std::exchange(root_, std::nullopt); }

    void OnDocumentStart(const YAML::Mark& mark) override;
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override;
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override;
    void OnSequenceEnd() override { end_container(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override;
    void OnMapEnd() override { end_container(); }

private:
    // A list or map still receiving its items.
    struct Frame {
        Value value;
        YAML::anchor_t anchor = 0;
        size_t values_before = 0;  // for the size of an anchored value
        std::optional<std::string> key;  // map: the key waiting for its value
        SourceLoc key_loc;
        bool skip_value = false;  // map: the value of a duplicate key
        std::unordered_map<std::string, int> key_lines;  // key → line it was first defined on
    };

    struct Anchored {
        Value value;
        size_t size = 0;  // values in it, counted for the alias budget
    };

    void start_container(Value container, YAML::anchor_t anchor);
    void end_container();
    void add(Value value, YAML::anchor_t anchor, size_t size);
    void add_to_map(Frame& map, Value value);

    const YamlPositions& positions_;
    Diagnostics& diags_;
    YAML::Mark document_start_ = YAML::Mark::null_mark();
    YAML::Mark root_mark_ = YAML::Mark::null_mark();
    bool root_marked_ = false;
    std::optional<Value> root_;
    std::vector<Frame> open_;
    std::unordered_map<YAML::anchor_t, Anchored> anchors_;
    std::unordered_set<YAML::anchor_t> open_anchors_;
    size_t values_made_ = 0;
    bool budget_reported_ = false;
};

}  // namespace dw::data
