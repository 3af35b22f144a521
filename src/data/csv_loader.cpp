#include "data/csv_loader.h"

#include <set>
#include <vector>

#include "data/bidi_controls.h"
#include "data/text_file.h"
#include "data/text_limits.h"
#include "data/utf8_check.h"

namespace dw::data {
namespace {

struct CsvField {
    std::string text;
    SourceLoc loc;
};

// Walks the text once, keeping the line and the character column of the next byte.
class CsvReader {
public:
    CsvReader(std::string_view text, const std::string& file, char separator, Diagnostics& diags)
        : text_(text), file_(file), sep_(separator), diags_(diags) {}

    bool at_end() const { return pos_ >= text_.size(); }
    SourceLoc here() const { return {file_, line_, col_}; }

    // One record (a header or data row). False when the record is broken beyond repair (an
    // unclosed quote swallows the rest of the file); `ok` is false for a record with an error.
    bool read_record(std::vector<CsvField>& fields, bool& ok) {
        fields.clear();
        ok = true;
        while (true) {
            CsvField field;
            field.loc = here();
            if (peek() == '"') {
                if (!read_quoted(field, ok)) return false;
            } else {
                read_plain(field);
            }
            fields.push_back(std::move(field));
            if (at_end()) return true;
            char c = peek();
            if (c == sep_) {
                advance();
                continue;
            }
            skip_line_end();
            return true;
        }
    }

private:
    char peek() const { return at_end() ? '\0' : text_[pos_]; }

    void advance() {
        unsigned char c = static_cast<unsigned char>(text_[pos_++]);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++col_;  // count characters, not UTF-8 continuation bytes
        }
    }
    // LF, CRLF or a lone CR ends a record.
    void skip_line_end() {
        if (peek() == '\r') {
            ++pos_;
            if (peek() == '\n') advance();
            else {
                ++line_;
                col_ = 1;
            }
        } else if (peek() == '\n') {
            advance();
        }
    }

    void read_plain(CsvField& field) {
        size_t start = pos_;
        while (!at_end() && peek() != sep_ && peek() != '\n' && peek() != '\r') advance();
        field.text.assign(text_.substr(start, pos_ - start));
    }

    bool read_quoted(CsvField& field, bool& ok) {
        SourceLoc open = here();
        advance();  // the opening quote
        while (true) {
            if (at_end()) {
                diags_.error(open, "unclosed quote: this field runs to the end of the file",
                             "close the field with \"; a quote inside a field is written twice (\"\")");
                return false;
            }
            char c = peek();
            if (c == '"') {
                advance();
                if (peek() == '"') {
                    field.text += '"';
                    advance();
                    continue;
                }
                break;
            }
            if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
                ++pos_;  // CRLF inside a field becomes LF
                continue;
            }
            field.text += c;
            advance();
        }
        if (!at_end() && peek() != sep_ && peek() != '\n' && peek() != '\r') {
            ok = false;
            diags_.error(here(), "text after the closing quote of a field",
                         "quote the whole field, and write a quote inside it twice (\"\")");
            while (!at_end() && peek() != sep_ && peek() != '\n' && peek() != '\r') advance();
        }
        return true;
    }

    std::string_view text_;
    std::string file_;
    char sep_;
    Diagnostics& diags_;
    size_t pos_ = 0;
    int line_ = 1, col_ = 1;
};

// ';' or ',': whichever occurs more often outside quotes in the first line (',' on a tie).
char sniff_separator(std::string_view text) {
    int commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r')) break;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    return semicolons > commas ? ';' : ',';
}

bool all_empty(const std::vector<CsvField>& fields) {
    for (const auto& f : fields)
        if (!f.text.empty()) return false;
    return true;
}

std::string trimmed(const std::string& s) {
    size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::optional<std::vector<std::string>> read_header(const std::vector<CsvField>& fields,
                                                    Diagnostics& diags) {
    std::vector<std::string> names;
    std::set<std::string> seen;
    bool ok = true;
    for (const auto& f : fields) {
        std::string name = trimmed(f.text);
        if (name.empty()) {
            diags.error(f.loc, "empty column name in the header row",
                        "the first row names the columns, e.g. theme;lesson;title;body");
            ok = false;
        } else if (!seen.insert(name).second) {
            diags.error(f.loc, "duplicate column '" + name + "'");
            ok = false;
        }
        names.push_back(name);
    }
    if (!ok) return std::nullopt;
    return names;
}

// Checks the field count against the header. A field past the last column is an error even
// when it is empty: it is most often a separator inside an unquoted text, which splits the text
// and moves its second half into the next column.
bool check_width(const std::vector<CsvField>& fields, const std::vector<std::string>& header,
                 Diagnostics& diags) {
    if (fields.size() < header.size()) {
        diags.error(fields.back().loc,
                    "this row has " + std::to_string(fields.size()) + " field(s), the header " +
                        std::to_string(header.size()) + "; column '" + header[fields.size()] +
                        "' is missing",
                    "write an empty field (two separators) for a value you leave out");
        return false;
    }
    if (fields.size() > header.size()) {
        size_t extra = header.size();
        diags.error(fields[extra].loc,
                    "field " + std::to_string(extra + 1) + " is past the last column ('" +
                        header.back() + "')",
                    "this row has " + std::to_string(fields.size()) + " fields, the header " +
                        std::to_string(header.size()) +
                        "; quote a text that holds the separator, e.g. \"Arnhem; Ede\"");
        return false;
    }
    return true;
}

}  // namespace

std::optional<Value> parse_csv(std::string_view text, const std::string& file, Diagnostics& diags) {
    text = strip_bom(text);
    SourceLoc start{file, 1, 1};
    if (!check_utf8(text, start, diags)) return std::nullopt;
    if (!check_data_size(text, start, "a CSV file", diags)) return std::nullopt;
    CsvReader reader(text, file, sniff_separator(text), diags);
    std::vector<CsvField> fields;
    bool ok = true;
    std::optional<std::vector<std::string>> header;
    while (!header) {
        if (reader.at_end()) {
            diags.error(start, "the CSV file is empty",
                        "the first row names the columns, e.g. theme;lesson;title;body");
            return std::nullopt;
        }
        if (!reader.read_record(fields, ok)) return std::nullopt;
        if (all_empty(fields)) continue;
        header = read_header(fields, diags);
        if (!header) return std::nullopt;
    }
    // Where each column is named: kept with the first row's fields (key_loc), for the checks of
    // the header; the other rows do without, as a deck may have thousands.
    std::vector<SourceLoc> header_locs;
    for (const auto& f : fields) header_locs.push_back(f.loc);
    Value rows = Value::list(start);
    while (!reader.at_end()) {
        SourceLoc row_start = reader.here();
        if (!reader.read_record(fields, ok)) break;  // unclosed quote: the rest is lost
        if (all_empty(fields)) continue;
        if (!ok || !check_width(fields, *header, diags)) continue;
        Value row = Value::map(row_start);
        for (size_t i = 0; i < header->size(); ++i)
            row.fields.emplace_back((*header)[i],
                                    Value::string(std::move(fields[i].text), fields[i].loc),
                                    rows.items.empty() ? header_locs[i] : SourceLoc{});
        rows.items.push_back(std::move(row));
    }
    if (!check_text_values(rows, diags)) return std::nullopt;
    close_bidi_controls(rows, text, start, diags);
    return rows;
}

std::optional<Value> load_csv_file(const std::string& path, Diagnostics& diags,
                                   TextEncoding encoding) {
    auto text = read_text_file(path, encoding, diags);
    if (!text) return std::nullopt;
    return parse_csv(*text, path, diags);
}

}  // namespace dw::data
