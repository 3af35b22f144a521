#include "output/pdf_stream_rewrites.h"

#include <cctype>
#include <cstring>

#include "output/pdf_syntax.h"
#include "paint/pdf_artifact_tags.h"

namespace dw::pdf {

namespace {

using pdf_syntax::token_end;

bool is_operator(std::string_view token) {
    const char c = token.front();
    if (c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '{' || c == '}')
        return false;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') return false;
    return token != "true" && token != "false" && token != "null";
}

// The marked-content tag and properties of a running header's or footer's content: the painter
// writes them as Private and NonStruct structure elements (paint/pdf_artifact_tags.h); "" for
// other operands of BDC.
std::string_view pagination_artifact(std::string_view operands) {
    const size_t name = operands.find_first_not_of(" \t\r\n\f");
    if (name == std::string_view::npos) return {};
    operands.remove_prefix(name);
    auto starts = [&](const std::string& tag) {
        return operands.size() > tag.size() && operands.substr(0, tag.size()) == tag &&
               std::strchr(" \t\r\n\f<", operands[tag.size()]);
    };
    if (starts(std::string("/") + paint::kCairoHeaderTag))
        return "/Artifact <</Type /Pagination /Subtype /Header>>";
    if (starts(std::string("/") + paint::kCairoFooterTag))
        return "/Artifact <</Type /Pagination /Subtype /Footer>>";
    return {};
}

}  // namespace

// Wraps every run of page content that lies outside marked content in "/Artifact BMC … EMC":
// what drukwerk draws outside a leaf structure tag (decoration, rules, backgrounds, decorative
// images, running headers and footers) is not real content, and PDF/UA wants that said. Cairo
// opens and closes marked content only between text objects, so a wrapper never straddles
// BT … ET. A scanner of its own, which copies the content's bytes as they are.

std::string wrap_artifacts(std::string_view in) {
    std::string out;
    out.reserve(in.size() + in.size() / 16);
    int depth = 0;
    bool wrapping = false;
    size_t operands = 0;  // where the operands of the next operator begin
    size_t i = 0;
    while (i < in.size()) {
        const char c = in[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0') {
            ++i;
            continue;
        }
        const size_t end = token_end(in, i);
        const std::string_view token = in.substr(i, end - i);
        i = end;
        if (!is_operator(token)) continue;
        if (token == "BDC" || token == "BMC") {
            if (depth++ == 0 && wrapping) {
                out += "\nEMC\n";
                wrapping = false;
            }
            const std::string_view artifact =
                token == "BDC"
                    ? pagination_artifact(in.substr(operands, i - token.size() - operands))
                    : std::string_view{};
            if (!artifact.empty()) {
                out.append("\n").append(artifact).append(" BDC");
                operands = i;
                continue;
            }
        } else if (token == "EMC") {
            if (depth > 0) --depth;
        } else if (depth == 0 && !wrapping) {
            out += "/Artifact BMC\n";
            wrapping = true;
        }
        if (token == "ID") {  // inline image data: up to the EI after white space
            size_t ei = i + 1;
            while ((ei = in.find("EI", ei)) != std::string_view::npos &&
                   !(std::isspace(static_cast<unsigned char>(in[ei - 1])) &&
                     (ei + 2 == in.size() || std::isspace(static_cast<unsigned char>(in[ei + 2])))))
                ++ei;
            i = ei == std::string_view::npos ? in.size() : ei + 2;
        }
        out.append(in.substr(operands, i - operands));
        operands = i;
    }
    out.append(in.substr(operands));
    if (wrapping) out += "\nEMC\n";
    return out;
}

namespace {

// The letters a ligature character stands for, as UTF-16BE hex: the Latin ligatures
// (U+FB00..U+FB04) and Arabic lam-alef in its isolated and final forms (U+FEF5..U+FEFC, the
// alef with madda, hamza above, hamza below or plain); "" for another character. `hex`: the hex
// digits of a ToUnicode destination string. Text is drawn in logical order (right-to-left runs
// too), so lam-alef maps to lam then alef.
std::string_view ligature_letters(std::string_view hex) {
    if (hex.size() != 4) return {};
    const auto same_hex = [hex](std::string_view upper) {
        for (size_t i = 0; i < 4; ++i)
            if (std::toupper(static_cast<unsigned char>(hex[i])) != upper[i]) return false;
        return true;
    };
    static const std::pair<std::string_view, std::string_view> ligatures[] = {
        {"FB00", "00660066"},     {"FB01", "00660069"},     {"FB02", "0066006c"},
        {"FB03", "006600660069"}, {"FB04", "00660066006c"},  // ff fi fl ffi ffl
        {"FEF5", "06440622"},     {"FEF6", "06440622"},     {"FEF7", "06440623"},
        {"FEF8", "06440623"},     {"FEF9", "06440625"},     {"FEFA", "06440625"},
        {"FEFB", "06440627"},     {"FEFC", "06440627"}};
    for (auto [ligature, letters] : ligatures)
        if (same_hex(ligature)) return letters;
    return {};
}

}  // namespace

// A ToUnicode CMap with every ligature character as a destination replaced by its letters.
// The drawing writes a ligature glyph with the ligature character (see cairo_draw.cpp: Cairo
// 1.16 would otherwise wrap it in an ActualText span, at which poppler and pdf.js stop reading
// a structure element); mapped to "fi" here, every reader extracts the letters, and searches
// and screen readers find the word. Lines "<src> <dst>" (bfchar) and "<lo> <hi> <dst>" (bfrange)
// have their destination last; empty when nothing changes.

std::string expand_ligatures(std::string_view cmap) {
    std::string out;
    size_t copied = 0;
    for (size_t line = 0; line < cmap.size();) {
        size_t eol = cmap.find('\n', line);
        if (eol == std::string_view::npos) eol = cmap.size();
        const std::string_view text = cmap.substr(line, eol - line);
        const size_t open = text.rfind('<'), close = text.rfind('>');
        if (open != 0 && open != std::string_view::npos && close != std::string_view::npos &&
            close > open && text.find('>') < open) {
            const std::string_view letters =
                ligature_letters(text.substr(open + 1, close - open - 1));
            if (!letters.empty()) {
                out.append(cmap.substr(copied, line + open + 1 - copied));
                out.append(letters);
                copied = line + close;
            }
        }
        line = eol + 1;
    }
    if (copied == 0) return {};
    out.append(cmap.substr(copied));
    return out;
}

}  // namespace dw::pdf
