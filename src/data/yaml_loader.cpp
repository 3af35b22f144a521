#include "data/yaml_loader.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <vector>

#include "data/bidi_controls.h"
#include "data/text_file.h"
#include "data/text_limits.h"
#include "data/utf8_check.h"
#include "data/yaml_value_builder.h"
#include "data/yaml_hints.h"

namespace dw::data {

namespace {

// yaml-cpp 0.7 silently starts a new document at a line that does not fit the structure above
// it ("- a" then "b: 1"), so any document after the first is reported, never dropped.
void report_extra_document(std::string_view text, const SourceLoc& at, int line_in_text,
                           Diagnostics& diags) {
    if (follows_document_marker(text, line_in_text))
        diags.error(at, "a second YAML document starts here; drukwerk reads one per file",
                    "remove the '---' line above, or put each document in its own file");
    else
        diags.error(at, "this line does not fit in the list or map above it",
                    "check the indentation; the top level holds either a list or a map");
}

// The last '[' or '{' that no bracket closes, outside quotes and comments.
std::optional<YAML::Mark> unclosed_flow_opener(std::string_view text) {
    std::vector<YAML::Mark> open;
    YAML::Mark at = YAML::Mark::null_mark();
    at.pos = at.line = at.column = 0;
    char quote = 0;
    bool comment = false;
    for (size_t i = 0; i < text.size(); ++i, ++at.pos, ++at.column) {
        char c = text[i];
        if (c == '\n') {
            at.line++;
            at.column = -1;
            comment = false;
            continue;
        }
        if (comment) continue;
        if (quote) {
            if (c == quote) quote = 0;
        } else if ((c == '"' || c == '\'') &&
                   (i == 0 || std::string_view(" \t[{,:-\n").find(text[i - 1]) != std::string_view::npos)) {
            quote = c;  // a quote starts a scalar only at its beginning ("collega's" is plain)
        } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
            comment = true;
        } else if (c == '[' || c == '{') {
            open.push_back(at);
        } else if ((c == ']' || c == '}') && !open.empty()) {
            open.pop_back();
        }
    }
    if (open.empty()) return std::nullopt;
    return open.back();
}

// yaml-cpp 0.7 loops forever, allocating, on some malformed input: a ',' where a node should
// start outside [ ] and { } (",a", "- x\n,\ny", "!tag,"), found by fuzz_yaml. Its parser then
// produces one empty document after another without consuming the token: this reports the
// token it is stuck on.
void report_stall(std::string_view text, const YAML::Mark& mark, const YamlPositions& positions,
                  Diagnostics& diags) {
    size_t offset = 0;
    for (int line = 0; line < mark.line && offset != text.npos; ++line) {
        offset = text.find('\n', offset);
        if (offset != text.npos) ++offset;
    }
    char c = offset == text.npos || offset + size_t(mark.column) >= text.size()
                 ? ' '
                 : text[offset + size_t(mark.column)];
    if (c == ',') {
        diags.error(positions.loc_of(mark), "unexpected ','",
                    "commas separate items only inside [ ] and { }; quote the text (\", ...\") "
                    "when the comma belongs to it");
    } else {
        diags.error(positions.loc_of(mark), "YAML syntax error", "check the syntax at this point");
    }
}

}  // namespace

std::optional<Value> parse_yaml(std::string_view text, const SourceLoc& origin,
                                Diagnostics& diags) {
    SourceLoc start{origin.file, origin.line > 0 ? origin.line : 1,
                    origin.col > 0 ? origin.col : 1};
    text = strip_bom(text);
    if (!check_utf8(text, start, diags)) return std::nullopt;
    if (!check_data_size(text, start, "YAML data", diags)) return std::nullopt;
    YamlPositions positions(text, start);
    try {
        std::istringstream in{std::string(text)};
        YAML::Parser parser(in);
        YamlValueBuilder builder(positions, diags);
        std::optional<Value> root;
        std::optional<YAML::Mark> second;  // where a second document's content starts
        int previous = -1;
        // A real document consumes at least one character, so there are never more documents
        // than characters: a parser that keeps going is stuck.
        for (size_t documents = 0; parser.HandleNextDocument(builder); ++documents) {
            if (builder.document_start().pos == previous || documents > text.size() + 1) {
                report_stall(text, builder.document_start(), positions, diags);
                return std::nullopt;
            }
            previous = builder.document_start().pos;
            if (documents == 0) root = builder.take_root();
            else if (!second) second = builder.root_mark();
        }
        if (second) {
            report_extra_document(text, positions.loc_of(*second), second->line, diags);
            return std::nullopt;
        }
        if (!root) {
            Value empty;
            empty.loc = start;
            return empty;
        }
        if (!check_text_values(*root, diags)) return std::nullopt;
        close_bidi_controls(*root, text, start, diags);
        return root;
    } catch (const YAML::DeepRecursion& e) {
        diags.error(positions.loc_of(e.mark), "YAML nested too deeply",
                    "lists and maps may nest at most a few hundred levels; is this file generated?");
    } catch (const YAML::Exception& e) {
        diags.error(positions.loc_of(e.mark), e.msg, yaml_error_hint(e.msg));
        // yaml-cpp notices an unclosed '[' or '{' only where the text ends: point at the opener.
        if (e.msg.find("flow not found") != std::string::npos)
            if (auto opener = unclosed_flow_opener(text))
                diags.add({Severity::Note, positions.loc_of(*opener),
                           "the '" + std::string(1, text[size_t(opener->pos)]) +
                               "' opened here is never closed",
                           {}});
    } catch (const std::exception& e) {
        diags.error(start, std::string("cannot read YAML: ") + e.what());
    }
    return std::nullopt;
}

std::optional<Value> parse_yaml(std::string_view text, const std::string& file, int first_line,
                                Diagnostics& diags) {
    return parse_yaml(text, SourceLoc{file, first_line, 1}, diags);
}

std::optional<Value> load_yaml_file(const std::string& path, Diagnostics& diags,
                                    TextEncoding encoding) {
    std::optional<std::string> bytes = read_text_file(path, encoding, diags);
    if (!bytes) return std::nullopt;
    return parse_yaml(*bytes, path, 1, diags);
}

}  // namespace dw::data
