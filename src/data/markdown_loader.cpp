#include "data/markdown_loader.h"

#include "data/bidi_controls.h"
#include "data/footnote_labels.h"
#include "data/front_matter.h"
#include "data/markdown_convert.h"
#include "data/rich_text.h"
#include "data/text_file.h"
#include "data/text_limits.h"
#include "data/utf8_check.h"
#include "data/yaml_loader.h"

namespace dw::data {

namespace {

constexpr const char* kBodyKey = "body";

// Copies the front matter's fields into `doc`; the fields must form a map.
void add_front_matter(const FrontMatterSplit& split, const std::string& file, Value& doc,
                      Diagnostics& diags) {
    std::optional<Value> fields = parse_yaml(split.yaml, file, split.yaml_line, diags);
    if (!fields || fields->is_null()) return;  // malformed (reported) or empty
    if (!fields->is_map()) {
        diags.error(fields->loc, "front matter must hold fields (name: value), not a list or text",
                    "write one field per line, e.g. date: 2024-11-12");
        return;
    }
    for (auto& [key, value, key_loc] : fields->fields) {
        if (key == kBodyKey) {
            diags.error(value.loc, "the front matter field 'body' is reserved",
                        "'body' holds the Markdown text below the front matter; rename this field");
            continue;
        }
        doc.fields.emplace_back(key, std::move(value), key_loc);
    }
}

}  // namespace

std::optional<Value> parse_markdown(std::string_view text, const std::string& file,
                                    const std::vector<std::string>& component_names,
                                    Diagnostics& diags) {
    text = strip_bom(text);
    if (!check_utf8(text, {file, 1, 1}, diags)) return std::nullopt;
    std::optional<FrontMatterSplit> split = split_front_matter(text, file, diags);
    if (!split) return std::nullopt;

    Value doc = Value::map({file, 1, 1});
    if (split->present) add_front_matter(*split, file, doc, diags);

    if (!check_body_limits(split->body, file, split->body_line, diags)) return std::nullopt;
    check_footnote_labels(split->body, file, split->body_line, diags);
    Value body;
    body.kind = Value::Kind::Rich;
    body.loc = {file, split->body_line, 1};
    RichText rich = parse_markdown_body(split->body, file, split->body_line, component_names, diags);
    close_bidi_controls(rich, split->body, {file, split->body_line, 1}, diags);
    body.rich = std::make_shared<const RichText>(std::move(rich));
    doc.fields.emplace_back(kBodyKey, std::move(body));
    return doc;
}

std::optional<Value> load_markdown_file(const std::string& path,
                                        const std::vector<std::string>& component_names,
                                        Diagnostics& diags, TextEncoding encoding) {
    std::optional<std::string> bytes = read_text_file(path, encoding, diags);
    if (!bytes) return std::nullopt;
    return parse_markdown(*bytes, path, component_names, diags);
}

}  // namespace dw::data
