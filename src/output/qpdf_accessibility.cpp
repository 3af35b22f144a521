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

#include "output/pdf_syntax.h"
#include "output/qpdf_sink.h"
#include "output/qpdf_splice_writer.h"

namespace {

using dw::qpdf_splice::Edits;
using dw::qpdf_splice::RawObjects;

using dw::pdf_syntax::token_end;

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

// Every ToUnicode CMap of the file, ligature characters expanded (see expand_ligatures). Found in
// the fonts' dictionaries as Cairo wrote them ("/ToUnicode 12 0 R"): listing qpdf's objects, or
// following every page's resources, would parse thousands of objects to reach a few fonts.
void expand_ligatures(QPDF& qpdf, std::string_view pdf, Edits& edits) {
    constexpr std::string_view key = "/ToUnicode";
    std::set<QPDFObjGen> seen;
    for (size_t at = pdf.find(key); at != std::string_view::npos; at = pdf.find(key, at + 1)) {
        const size_t value = pdf.find_first_not_of(" \r\n\t", at + key.size());
        if (value == std::string_view::npos) break;
        const auto ref =
            dw::pdf_syntax::reference(pdf.substr(value, dw::pdf_syntax::value_end(pdf, value) - value));
        if (!ref || !seen.insert(QPDFObjGen(ref->first, ref->second)).second) continue;
        QPDFObjectHandle cmap = qpdf.getObject(ref->first, ref->second);
        if (!cmap.isStream()) continue;
        auto data = cmap.getStreamData(qpdf_dl_generalized);
        const std::string expanded = expand_ligatures(
            std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()));
        if (expanded.empty()) continue;
        cmap.replaceStreamData(expanded, QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
        edits.changed(cmap, cmap);
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

using TypedOrdinal = std::pair<std::string, size_t>;  // an element's type and ordinal

// One walk through the structure tree, depth first in the order the elements were begun: /Alt
// on Figure elements and /ActualText on others (DrukwerkElementText), and the running headers'
// and footers' elements (see pagination_artifact) taken out of the tree, their ids kept for the
// parent tree, and the parts of split elements found (DrukwerkAccessibility::joins). The elements
// are read as Cairo wrote them (pdf_syntax.h), without qpdf's parser, which costs about 60,000
// instructions an object: a 120-card sheet has 1,800 elements. Only the parents of removed
// elements and the parts to join go through qpdf.
struct StructureWalk {
    const RawObjects& raw;
    Edits& edits;
    // (type, ordinal) -> text, from DrukwerkAccessibility::texts
    std::map<TypedOrdinal, const char*> texts = {};
    // A later part -> the first part of its element, from DrukwerkAccessibility::joins
    std::map<TypedOrdinal, size_t> joins = {};
    std::set<TypedOrdinal> first_parts_wanted = {};
    std::map<TypedOrdinal, QPDFObjGen> first_parts = {};  // found so far
    std::map<std::string, size_t> seen = {};  // elements walked so far, per type
    std::set<QPDFObjGen> removed = {};
    std::set<QPDFObjGen> parents_of_removed = {};
    // (later part, first part) in the order walked: a part before the parts inside it
    std::vector<std::pair<QPDFObjGen, QPDFObjGen>> parts_to_join = {};
};

void walk_kids(std::string_view kids, QPDFObjGen parent, StructureWalk& walk, int depth);

void walk_element(QPDFObjGen element, QPDFObjGen parent, StructureWalk& walk, int depth) {
    const auto entries = dw::pdf_syntax::dictionary_entries(walk.raw.value(element));
    const std::string_view type = dw::pdf_syntax::entry(entries, "/Type");
    if (!type.empty() && type != "/StructElem") return;  // an MCR or OBJR
    const std::string_view s = dw::pdf_syntax::entry(entries, "/S");
    if (s.size() < 2 || s.front() != '/') return;
    if (s == "/Private" || s == "/NonStruct") {
        walk.removed.insert(element);
        walk.parents_of_removed.insert(parent);
        return;
    }
    const std::string name(s.substr(1));
    const TypedOrdinal typed{name, walk.seen[name]++};
    if (const auto join = walk.joins.find(typed); join != walk.joins.end()) {
        if (const auto first = walk.first_parts.find({name, join->second}); first != walk.first_parts.end())
            walk.parts_to_join.emplace_back(element, first->second);
    } else if (walk.first_parts_wanted.count(typed)) {
        walk.first_parts.emplace(typed, element);
    }
    const auto text = walk.texts.find(typed);
    if (text != walk.texts.end())
        walk.edits.add_entry(element, std::string(name == "Figure" ? "/Alt " : "/ActualText ") +
                                          QPDFObjectHandle::newUnicodeString(text->second).unparse());
    walk_kids(dw::pdf_syntax::entry(entries, "/K"), element, walk, depth + 1);
}

void walk_kids(std::string_view kids, QPDFObjGen parent, StructureWalk& walk, int depth) {
    if (depth > 200) throw std::runtime_error("the structure tree is nested too deeply");
    for (std::string_view kid : dw::pdf_syntax::array_items(kids))
        if (const auto ref = dw::pdf_syntax::reference(kid))  // not a marked-content id
            walk_element(QPDFObjGen(ref->first, ref->second), parent, walk, depth);
}

// `parent`'s kids without those in `gone`.
void remove_kids(QPDFObjectHandle parent, const std::set<QPDFObjGen>& gone, Edits& edits) {
    QPDFObjectHandle kids = parent.getKey("/K");
    if (!kids.isArray()) {
        if (gone.count(kids.getObjGen())) {
            parent.removeKey("/K");
            edits.changed(parent, parent);
        }
        return;
    }
    for (int i = 0; i < kids.getArrayNItems();) {
        if (gone.count(kids.getArrayItem(i).getObjGen())) {
            kids.eraseItem(i);
            edits.changed(kids, parent);
        } else {
            ++i;
        }
    }
}

// An element's kids as an array: Cairo writes a single kid without one.
QPDFObjectHandle kids_array(QPDFObjectHandle element) {
    QPDFObjectHandle kids = element.getKey("/K");
    if (kids.isArray()) return kids;
    QPDFObjectHandle array = QPDFObjectHandle::newArray();
    if (!kids.isNull()) array.appendItem(kids);
    return array;
}

// A later part of a split element joined to its first part: the part's kids appended to the
// first part's (its marked content as references to content on its own page, its child elements
// with the first part as their parent), and the part taken out of the tree. Parts are joined in
// the order walked, so a part's parent, itself a part, has been joined already and /P names
// where the part is now.
void join_part(QPDF& qpdf, QPDFObjGen part_id, QPDFObjGen first_id, Edits& edits) {
    QPDFObjectHandle part = qpdf.getObject(part_id);
    QPDFObjectHandle first = qpdf.getObject(first_id);
    QPDFObjectHandle joined = kids_array(first);
    const QPDFObjectHandle page = part.getKey("/Pg");
    for (QPDFObjectHandle kid : kids_array(part).aitems()) {
        if (kid.isInteger()) {  // marked content on the part's page, the first part's is another
            QPDFObjectHandle reference = QPDFObjectHandle::newDictionary();
            reference.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
            reference.replaceKey("/Pg", page);
            reference.replaceKey("/MCID", kid);
            kid = reference;
        } else if (kid.isDictionary() && !kid.isIndirect() && !kid.hasKey("/Pg") && page.isIndirect()) {
            kid.replaceKey("/Pg", page);  // a marked-content or object reference on the part's page
        } else if (kid.isIndirect() && kid.isDictionary()) {
            kid.replaceKey("/P", first);  // a child element
            edits.changed(kid, kid);
        }
        joined.appendItem(kid);
    }
    first.replaceKey("/K", joined);
    edits.changed(first, first);
    edits.changed(joined, first);  // an array of its own, if Cairo wrote one
    if (QPDFObjectHandle parent = part.getKey("/P"); parent.isDictionary())
        remove_kids(parent, {part_id}, edits);
}

// The parent tree maps a page's marked content (and an annotation) to its element: a removed
// element becomes null, as for content that belongs to no element, and a joined part its first
// part.
void redirect_in_parent_tree(QPDFObjectHandle node, QPDFObjectHandle owner,
                             const std::map<QPDFObjGen, QPDFObjectHandle>& to, Edits& edits) {
    if (!node.isDictionary()) return;
    if (node.isIndirect()) owner = node;
    if (QPDFObjectHandle kids = node.getKey("/Kids"); kids.isArray())
        for (QPDFObjectHandle kid : kids.aitems()) redirect_in_parent_tree(kid, owner, to, edits);
    QPDFObjectHandle nums = node.getKey("/Nums");
    if (!nums.isArray()) return;
    if (nums.isIndirect()) owner = nums;
    for (int n = 1; n < nums.getArrayNItems(); n += 2) {
        QPDFObjectHandle value = nums.getArrayItem(n);
        if (!value.isArray()) {  // an annotation's element
            if (const auto found = to.find(value.getObjGen()); found != to.end()) {
                nums.setArrayItem(n, found->second);
                edits.changed(nums, owner);
            }
            continue;
        }
        for (int i = 0; i < value.getArrayNItems(); ++i)
            if (const auto found = to.find(value.getArrayItem(i).getObjGen()); found != to.end()) {
                value.setArrayItem(i, found->second);
                edits.changed(value, owner);
            }
    }
}

void finish_structure(QPDF& qpdf, const RawObjects& raw, const DrukwerkAccessibility& a,
                      Edits& edits) {
    QPDFObjectHandle root = qpdf.getRoot().getKey("/StructTreeRoot");
    if (!root.isDictionary() || !root.isIndirect()) return;
    StructureWalk walk{raw, edits};
    for (size_t i = 0; i < a.text_count; ++i)
        walk.texts[{a.texts[i].type, a.texts[i].ordinal}] = a.texts[i].text;
    for (size_t i = 0; i < a.join_count; ++i) {
        walk.joins[{a.joins[i].type, a.joins[i].ordinal}] = a.joins[i].first;
        walk.first_parts_wanted.insert({a.joins[i].type, a.joins[i].first});
    }
    const auto entries = dw::pdf_syntax::dictionary_entries(raw.value(root.getObjGen()));
    walk_kids(dw::pdf_syntax::entry(entries, "/K"), root.getObjGen(), walk, 0);
    if (walk.removed.empty() && walk.parts_to_join.empty()) return;
    for (QPDFObjGen parent : walk.parents_of_removed)
        remove_kids(qpdf.getObject(parent), walk.removed, edits);
    std::map<QPDFObjGen, QPDFObjectHandle> redirect;
    for (QPDFObjGen gone : walk.removed) redirect.emplace(gone, QPDFObjectHandle::newNull());
    for (const auto& [part, first] : walk.parts_to_join) {
        join_part(qpdf, part, first, edits);
        redirect.emplace(part, qpdf.getObject(first));
    }
    redirect_in_parent_tree(root.getKey("/ParentTree"), root, redirect, edits);
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

extern "C" int drukwerk_qpdf_finish_accessibility_2(const char* pdf, size_t pdf_size,
                                                    const DrukwerkAccessibility* accessibility,
                                                    DrukwerkBytesSink out, DrukwerkBytesSink error,
                                                    void* context) {
    // No exception may leave the module: the caller is another program's C entry point.
    try {
        QPDF qpdf;
        qpdf.setSuppressWarnings(true);
        qpdf.processMemoryFile("drukwerk.pdf", pdf, pdf_size);
        const std::string_view bytes(pdf, pdf_size);
        const RawObjects raw(qpdf, bytes);
        Edits edits;
        add_metadata(qpdf, *accessibility, edits);
        finish_structure(qpdf, raw, *accessibility, edits);
        expand_ligatures(qpdf, bytes, edits);
        auto artifacts = ArtifactWrapper::create(pdf, pdf_size);  // lives until written
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(qpdf).getAllPages()) {
            describe_links(page.getObjectHandle(), edits);
            artifacts->wrap(page, edits);
        }
        dw::qpdf_splice::write(qpdf, raw, bytes, edits, out, context);
        return 0;
    } catch (const std::exception& e) {
        dw::qpdf_sink::report(error, context, std::string("cannot finish the tagged PDF: ") + e.what());
        return 1;
    }
}
