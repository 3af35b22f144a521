// The accessibility step of drukwerk-qpdf.so (see qpdf_module.h): what Cairo 1.16 cannot write
// for PDF/UA-1, added to the PDF it wrote.
#include <cctype>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "output/qpdf_module.h"

// qpdf 11: opt out of the deprecated PointerHolder compatibility layer (std::shared_ptr only).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "output/qpdf_sink.h"
#include "output/qpdf_splice_writer.h"

namespace {

using dw::qpdf_splice::Edits;

// Content-stream syntax, just enough to find the operators: the end of the token at `i`.
size_t token_end(std::string_view s, size_t i) {
    auto delimiter = [](char c) {
        return std::strchr(" \t\r\n\f()<>[]{}/%", c) != nullptr || c == '\0';
    };
    const char c = s[i];
    if (c == '(') {  // a literal string: balanced parentheses, backslash escapes
        int depth = 0;
        for (; i < s.size(); ++i) {
            if (s[i] == '\\') ++i;
            else if (s[i] == '(') ++depth;
            else if (s[i] == ')' && --depth == 0) return i + 1;
        }
        return s.size();
    }
    if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {  // a dictionary, strings inside
        int depth = 0;
        while (i < s.size()) {
            if (s.compare(i, 2, "<<") == 0) { ++depth; i += 2; }
            else if (s.compare(i, 2, ">>") == 0) { i += 2; if (--depth == 0) return i; }
            else if (s[i] == '(' || s[i] == '<') i = token_end(s, i);
            else ++i;
        }
        return s.size();
    }
    if (c == '<') {  // a hex string
        const size_t close = s.find('>', i);
        return close == std::string_view::npos ? s.size() : close + 1;
    }
    if (c == '%') {  // a comment
        const size_t eol = s.find_first_of("\r\n", i);
        return eol == std::string_view::npos ? s.size() : eol;
    }
    if (std::strchr("[]{}", c)) return i + 1;
    size_t end = i + 1;
    while (end < s.size() && !delimiter(s[end])) ++end;
    return end;
}

bool is_operator(std::string_view token) {
    const char c = token.front();
    if (c == '/' || c == '(' || c == '<' || c == '[' || c == ']' || c == '{' || c == '}') return false;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') return false;
    return token != "true" && token != "false" && token != "null";
}

// The marked-content tag and properties of a running header's or footer's content: the painter
// writes them as Private and NonStruct structure elements (paint/pdf_artifact_tags.h, which
// this module cannot include); "" for other operands of BDC.
std::string_view pagination_artifact(std::string_view operands) {
    const size_t name = operands.find_first_not_of(" \t\r\n\f");
    if (name == std::string_view::npos) return {};
    operands.remove_prefix(name);
    auto starts = [&](std::string_view tag) {
        return operands.size() > tag.size() && operands.substr(0, tag.size()) == tag &&
               std::strchr(" \t\r\n\f<", operands[tag.size()]);
    };
    if (starts("/Private")) return "/Artifact <</Type /Pagination /Subtype /Header>>";
    if (starts("/NonStruct")) return "/Artifact <</Type /Pagination /Subtype /Footer>>";
    return {};
}

bool is_pagination_element(QPDFObjectHandle element) {
    if (!element.isDictionary()) return false;
    QPDFObjectHandle s = element.getKey("/S");
    return s.isNameAndEquals("/Private") || s.isNameAndEquals("/NonStruct");
}

// Wraps every run of page content that lies outside marked content in "/Artifact BMC … EMC":
// what drukwerk draws outside a leaf structure tag (decoration, rules, backgrounds, decorative
// images, running headers and footers) is not real content, and PDF/UA wants that said. Cairo
// opens and closes marked content only between text objects, so a wrapper never straddles
// BT … ET. A scanner of its own: qpdf's tokenizer makes a string of every token, which cost
// more than the whole rest of the render.
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
                token == "BDC" ? pagination_artifact(in.substr(operands, i - token.size() - operands))
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

// Each page's new content: its old content, read and wrapped only when the writer asks for it,
// so that one page's content is in memory at a time (a deck of thousands of cards). The old
// content comes from a second reading of the same bytes, since the page's content stream is
// given its new data in place (see Edits::add_stream for why no new stream is made).
class ArtifactWrapper final : public QPDFObjectHandle::StreamDataProvider {
public:
    static std::shared_ptr<ArtifactWrapper> create(const char* pdf, size_t size) {
        auto wrapper = std::shared_ptr<ArtifactWrapper>(new ArtifactWrapper);
        wrapper->self_ = wrapper;
        wrapper->painted_.setSuppressWarnings(true);
        wrapper->painted_.processMemoryFile("drukwerk.pdf (as painted)", pdf, size);
        return wrapper;
    }

    void wrap(QPDFPageObjectHelper& page, Edits& edits) {
        QPDFObjectHandle dict = page.getObjectHandle();
        QPDFObjectHandle contents = dict.getKey("/Contents");
        QPDFObjectHandle stream = contents.isArray() && contents.getArrayNItems() > 0
                                      ? contents.getArrayItem(0)
                                      : contents;
        if (!stream.isStream()) return;  // a page without content
        pages_[stream.getObjGen()] = dict.getObjGen();
        stream.replaceStreamData(self_.lock(), QPDFObjectHandle::newNull(),
                                 QPDFObjectHandle::newNull());
        edits.changed(stream, dict);
        if (!contents.isArray()) return;
        dict.replaceKey("/Contents", stream);
        edits.changed(dict, dict);
    }

    void provideStreamData(QPDFObjGen const& og, Pipeline* out) override {
        QPDFObjectHandle painted = painted_.getObjectByObjGen(pages_.at(og)).getKey("/Contents");
        Pl_Buffer buffer("page contents");
        std::string description;
        painted.pipeContentStreams(&buffer, "page contents", description);
        auto data = buffer.getBufferSharedPointer();
        const std::string wrapped = wrap_artifacts(
            std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
        out->write(reinterpret_cast<const unsigned char*>(wrapped.data()), wrapped.size());
        out->finish();
    }

private:
    ArtifactWrapper() = default;
    std::weak_ptr<ArtifactWrapper> self_;
    QPDF painted_;                            // the PDF as Cairo wrote it
    std::map<QPDFObjGen, QPDFObjGen> pages_;  // content stream -> its page
};

// The letters a Latin ligature character (U+FB00..U+FB04) stands for, as UTF-16BE hex; "" for
// another character. `hex`: the hex digits of a ToUnicode destination string.
std::string_view ligature_letters(std::string_view hex) {
    if (hex.size() != 4 || (hex[0] != 'f' && hex[0] != 'F') || (hex[1] != 'b' && hex[1] != 'B') ||
        hex[2] != '0' || hex[3] < '0' || hex[3] > '4')
        return {};
    static const std::string_view letters[] = {"00660066", "00660069", "0066006c", "006600660069",
                                               "00660066006c"};  // ff fi fl ffi ffl
    return letters[hex[3] - '0'];
}

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
            const std::string_view letters = ligature_letters(text.substr(open + 1, close - open - 1));
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

void expand_ligatures(QPDFObjectHandle font, Edits& edits) {
    QPDFObjectHandle cmap = font.getKey("/ToUnicode");
    if (!cmap.isStream()) return;
    auto data = cmap.getStreamData(qpdf_dl_generalized);
    const std::string expanded = expand_ligatures(
        std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
    if (expanded.empty()) return;
    cmap.replaceStreamData(expanded, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
    edits.changed(cmap, font);
}

// The ToUnicode CMap of every font that `resources` reach (through form XObjects, patterns and
// Type 3 fonts too), ligature characters expanded (see expand_ligatures). Found from the pages
// rather than among all objects: qpdf would parse every object of the file to list them.
void expand_ligatures(QPDFObjectHandle resources, std::set<QPDFObjGen>& seen, Edits& edits) {
    if (!resources.isDictionary()) return;
    if (resources.isIndirect() && !seen.insert(resources.getObjGen()).second) return;
    if (QPDFObjectHandle fonts = resources.getKey("/Font"); fonts.isDictionary())
        for (auto& [name, font] : fonts.ditems()) {
            if (!font.isDictionary() || (font.isIndirect() && !seen.insert(font.getObjGen()).second))
                continue;
            expand_ligatures(font, edits);
            expand_ligatures(font.getKey("/Resources"), seen, edits);  // a Type 3 font's
        }
    for (const char* key : {"/XObject", "/Pattern"}) {
        QPDFObjectHandle named = resources.getKey(key);
        if (!named.isDictionary()) continue;
        for (auto& [name, object] : named.ditems())
            if (object.isStream() && seen.insert(object.getObjGen()).second)
                expand_ligatures(object.getDict().getKey("/Resources"), seen, edits);
    }
}

// A link annotation's /Contents (its alternate description): the web address, or the name of
// the destination inside the document.
void describe_links(QPDFObjectHandle page, Edits& edits) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    if (!annots.isArray() || annots.getArrayNItems() == 0) return;
    page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
    edits.changed(page, page);
    for (QPDFObjectHandle annot : annots.aitems()) {
        if (!annot.isDictionary() || !annot.getKey("/Subtype").isNameAndEquals("/Link") ||
            annot.hasKey("/Contents"))
            continue;
        QPDFObjectHandle action = annot.getKey("/A");
        QPDFObjectHandle dest = annot.getKey("/Dest");
        std::string text;
        if (action.isDictionary() && action.getKey("/URI").isString())
            text = action.getKey("/URI").getUTF8Value();
        else if (dest.isString())
            text = dest.getUTF8Value();
        else if (dest.isName())
            text = dest.getName().substr(1);
        if (text.empty()) continue;
        annot.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(text));
        edits.changed(annot, annots.isIndirect() ? annots : page);
    }
}

// One walk through the structure tree, depth first in the order the elements were begun: /Alt
// on Figure elements and /ActualText on others (DrukwerkElementText), and the running headers'
// and footers' elements (see pagination_artifact) taken out of the tree, their ids kept for the
// parent tree. `owner`: the nearest indirect object that holds an element (see Edits::changed).
struct StructureWalk {
    Edits& edits;
    // (type, ordinal) -> text, from DrukwerkAccessibility::texts
    std::map<std::pair<std::string, size_t>, const char*> texts = {};
    std::map<std::string, size_t> seen = {};  // elements walked so far, per type
    std::set<QPDFObjGen> removed = {};
};

void walk_kids(QPDFObjectHandle parent, QPDFObjectHandle owner, StructureWalk& walk);

void walk_element(QPDFObjectHandle element, QPDFObjectHandle owner, StructureWalk& walk) {
    if (!element.isDictionary()) return;  // a marked-content id
    QPDFObjectHandle type = element.getKey("/Type");
    if (!type.isNull() && !type.isNameAndEquals("/StructElem")) return;  // MCR, OBJR
    if (element.isIndirect()) owner = element;
    if (QPDFObjectHandle s = element.getKey("/S"); s.isName()) {
        const std::string type = s.getName().substr(1);
        const auto text = walk.texts.find({type, walk.seen[type]++});
        if (text != walk.texts.end()) {
            element.replaceKey(type == "Figure" ? "/Alt" : "/ActualText",
                               QPDFObjectHandle::newUnicodeString(text->second));
            walk.edits.changed(element, owner);
        }
    }
    walk_kids(element, owner, walk);
}

void walk_kids(QPDFObjectHandle parent, QPDFObjectHandle owner, StructureWalk& walk) {
    QPDFObjectHandle kids = parent.getKey("/K");
    if (!kids.isArray()) {
        if (!is_pagination_element(kids)) return walk_element(kids, owner, walk);
        walk.removed.insert(kids.getObjGen());
        parent.removeKey("/K");
        walk.edits.changed(parent, owner);
        return;
    }
    for (int i = 0; i < kids.getArrayNItems();) {
        QPDFObjectHandle kid = kids.getArrayItem(i);
        if (is_pagination_element(kid)) {
            walk.removed.insert(kid.getObjGen());
            kids.eraseItem(i);
            walk.edits.changed(kids, owner);
        } else {
            walk_element(kid, owner, walk);
            ++i;
        }
    }
}

// The parent tree maps a page's marked content to its elements: the removed ones become null,
// as for content that belongs to no element.
void forget_in_parent_tree(QPDFObjectHandle node, QPDFObjectHandle owner,
                           const std::set<QPDFObjGen>& removed, Edits& edits) {
    if (!node.isDictionary()) return;
    if (node.isIndirect()) owner = node;
    if (QPDFObjectHandle kids = node.getKey("/Kids"); kids.isArray())
        for (QPDFObjectHandle kid : kids.aitems()) forget_in_parent_tree(kid, owner, removed, edits);
    QPDFObjectHandle nums = node.getKey("/Nums");
    if (!nums.isArray()) return;
    if (nums.isIndirect()) owner = nums;
    for (QPDFObjectHandle value : nums.aitems()) {
        if (!value.isArray()) continue;
        for (int i = 0; i < value.getArrayNItems(); ++i)
            if (removed.count(value.getArrayItem(i).getObjGen())) {
                value.setArrayItem(i, QPDFObjectHandle::newNull());
                edits.changed(value, owner);
            }
    }
}

void finish_structure(QPDF& qpdf, const DrukwerkAccessibility& a, Edits& edits) {
    QPDFObjectHandle root = qpdf.getRoot().getKey("/StructTreeRoot");
    if (!root.isDictionary()) return;
    StructureWalk walk{edits};
    for (size_t i = 0; i < a.text_count; ++i)
        walk.texts[{a.texts[i].type, a.texts[i].ordinal}] = a.texts[i].text;
    walk_kids(root, root, walk);
    if (!walk.removed.empty())
        forget_in_parent_tree(root.getKey("/ParentTree"), root, walk.removed, edits);
}

// Uncompressed, as PDF/A asks of metadata and as tools that read XMP without a PDF parser expect.
void add_metadata(QPDF& qpdf, const DrukwerkAccessibility& a, Edits& edits) {
    QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
    dict.replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    dict.replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    QPDFObjectHandle root = qpdf.getRoot();
    root.replaceKey("/Metadata", edits.add_stream(qpdf, dict, std::string(a.xmp, a.xmp_size)));
    edits.changed(root, root);
}

}  // namespace

extern "C" int drukwerk_qpdf_finish_accessibility(const char* pdf, size_t pdf_size,
                                                  const DrukwerkAccessibility* accessibility,
                                                  DrukwerkBytesSink out, DrukwerkBytesSink error,
                                                  void* context) {
    // No exception may leave the module: the caller is another program's C entry point.
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("drukwerk.pdf", pdf, pdf_size);
        Edits edits;
        add_metadata(qpdf, *accessibility, edits);
        finish_structure(qpdf, *accessibility, edits);
        auto artifacts = ArtifactWrapper::create(pdf, pdf_size);  // lives until written
        std::set<QPDFObjGen> seen_resources;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(qpdf).getAllPages()) {
            expand_ligatures(page.getAttribute("/Resources", false), seen_resources, edits);
            describe_links(page.getObjectHandle(), edits);
            artifacts->wrap(page, edits);
        }
        dw::qpdf_splice::write(qpdf, std::string_view(pdf, pdf_size), edits, out, context);
        return 0;
    } catch (const std::exception& e) {
        dw::qpdf_sink::report(error, context, std::string("cannot finish the tagged PDF: ") + e.what());
        return 1;
    }
}
