#include "output/pdf_accessibility.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "output/pdf_file.h"
#include "output/pdf_splice.h"
#include "output/pdf_stream_rewrites.h"
#include "output/pdf_syntax.h"
#include "paint/pdf_artifact_tags.h"
#include "paint/pdf_metadata_text.h"
#include "paint/text_format.h"

namespace dw::output {

namespace {

using pdf::Value;

// The object a value refers to, or -1 for a direct value.
int referenced(const Value& value) { return value.is_reference() ? value.object() : -1; }

// The value itself, or the object it refers to.
const Value& resolved(const Value& value, pdf::Edits& edits) {
    return value.is_reference() ? edits.read(value.object()) : value;
}

// Every ToUnicode CMap of the file, ligature characters expanded (pdf_stream_rewrites.h). The
// drawing writes a ligature glyph with the ligature character (see paint/cairo_draw.cpp: Cairo
// 1.16 would otherwise wrap it in an ActualText span, at which poppler and pdf.js stop reading a
// structure element); mapped to "fi" here, every reader extracts the letters. Found in the fonts'
// dictionaries as Cairo wrote them ("/ToUnicode 12 0 R"), without reading every object; a
// match that is no reference to a stream (bytes of compressed data) is passed over.
void expand_ligatures(const pdf::File& file, pdf::Edits& edits) {
    constexpr std::string_view key = "/ToUnicode";
    const std::string_view bytes = file.bytes();
    std::set<int> seen;
    for (size_t at = bytes.find(key); at != std::string_view::npos; at = bytes.find(key, at + 1)) {
        const size_t value = bytes.find_first_not_of(" \r\n\t", at + key.size());
        if (value == std::string_view::npos) break;
        const auto ref =
            pdf_syntax::reference(bytes.substr(value, pdf_syntax::value_end(bytes, value) - value));
        if (!ref || !seen.insert(ref->first).second || !file.is_stream(ref->first)) continue;
        std::string expanded = pdf::expand_ligatures(file.stream(ref->first));
        if (expanded.empty()) continue;
        edits.change_stream(ref->first, [text = std::move(expanded)] { return text; });
    }
}

// A page's content with what lies outside marked content wrapped as artifacts
// (pdf_stream_rewrites.h), made when the writer asks for it, so that one page's content is in
// memory at a time (a deck of thousands of cards). Cairo writes one content stream a page; more
// are joined into the first.
void wrap_artifacts(const pdf::File& file, int page, pdf::Edits& edits) {
    const Value& dict = edits.read(page);
    const Value* contents = dict.find("/Contents");
    if (!contents) return;  // a page without content
    std::vector<int> streams;
    for (const Value& item : resolved(*contents, edits).is_array()
                                 ? resolved(*contents, edits).items()
                                 : std::vector<Value>{*contents})
        if (item.is_reference()) streams.push_back(item.object());
    if (streams.empty()) return;
    const bool one_stream = contents->is_reference() && !resolved(*contents, edits).is_array();
    edits.change_stream(streams.front(), [&file, streams] {
        std::string content;
        for (int stream : streams) {
            if (!content.empty()) content += '\n';
            content += file.stream(stream);
        }
        return pdf::wrap_artifacts(content);
    });
    if (!one_stream) edits.change(page).set("/Contents", Value::reference(streams.front()));
}

// A link annotation's /Contents (its alternate description): the web address, or the name of
// the destination inside the document; and /Tabs /S on the page.
void describe_links(int page, pdf::Edits& edits) {
    const Value* annots_entry = edits.read(page).find("/Annots");
    if (!annots_entry) return;
    const Value annots = resolved(*annots_entry, edits);
    if (!annots.is_array() || annots.items().empty()) return;
    edits.change(page).set("/Tabs", Value::atom("/S"));
    for (const Value& annot_ref : annots.items()) {
        if (!annot_ref.is_reference()) continue;  // Cairo writes every annotation as an object
        const Value& annot = edits.read(annot_ref.object());
        const Value* subtype = annot.find("/Subtype");
        if (!annot.is_dictionary() || !subtype || subtype->text() != "/Link" ||
            annot.find("/Contents"))
            continue;
        std::string text;
        const Value* action = annot.find("/A");
        const Value* dest = annot.find("/Dest");
        if (action && resolved(*action, edits).find("/URI"))
            text =
                pdf::text_as_utf8(pdf::string_bytes(resolved(*action, edits).find("/URI")->text()));
        else if (dest && !dest->text().empty() && dest->text().front() == '/')
            text = pdf::string_bytes(dest->text());
        else if (dest && dest->kind() == Value::Kind::Atom)
            text = pdf::text_as_utf8(pdf::string_bytes(dest->text()));
        if (text.empty()) continue;
        edits.change(annot_ref.object()).set("/Contents", Value::atom(pdf::text_string(text)));
    }
}

// What the walk knows and finds of the elements of one structure type, by their ordinal among
// the elements of that type.
struct ElementsOfType {
    size_t walked = 0;
    std::map<size_t, const std::string*> texts = {};  // PageFacts::texts
    std::map<size_t, size_t> joins = {};              // a later part -> its element's first part
    std::map<size_t, int> first_parts = {};  // the first parts joined to: found or not yet (-1)
};

// A Link element among its siblings, with its annotation's target as written (/A's /URI or
// /Dest); element -1: a sibling that is no Link, or marked content.
struct SiblingLink {
    int element = -1;
    std::string_view target = {};
};

// One walk through the structure tree, depth first in the order the elements were begun: /Alt
// on Figure elements and /ActualText on others (PageFacts::texts), the running headers' and
// footers' elements (paint/pdf_artifact_tags.h) taken out of the tree, and the parts of split
// elements found (PageFacts::joins). The elements are read as Cairo wrote them (pdf_syntax.h):
// a 120-card sheet has 1,800 elements, and only the few that change are parsed.
struct StructureWalk {
    const pdf::File& file;
    pdf::Edits& edits;
    std::map<std::string, ElementsOfType, std::less<>> types = {};
    std::set<int> removed = {};
    std::set<int> parents_of_removed = {};
    // (later part, first part) in the order walked: a part before the parts inside it
    std::vector<std::pair<int, int>> parts_to_join = {};
    // The last kid of each element that has later parts, by its first part
    std::map<int, SiblingLink> last_kids = {};
};

// The target of a Link element with kids `kids` ("" when it has no annotation).
std::string_view link_target(const pdf::File& file, std::string_view kids) {
    for (std::string_view kid : pdf_syntax::array_items(kids)) {
        const auto entries = pdf_syntax::dictionary_entries(kid);
        const auto annotation = pdf_syntax::reference(pdf_syntax::entry(entries, "/Obj"));
        if (pdf_syntax::entry(entries, "/Type") != "/OBJR" || !annotation) continue;
        const auto fields = pdf_syntax::dictionary_entries(file.value(annotation->first));
        if (const std::string_view dest = pdf_syntax::entry(fields, "/Dest"); !dest.empty())
            return dest;
        return pdf_syntax::entry(pdf_syntax::dictionary_entries(pdf_syntax::entry(fields, "/A")),
                                 "/URI");
    }
    return {};
}

SiblingLink walk_kids(std::string_view kids, int parent, StructureWalk& walk, int depth,
                      SiblingLink previous);

// Walks `element` and its kids; returns it as a sibling of the next kid of its parent.
SiblingLink walk_element(int element, int parent, StructureWalk& walk, int depth) {
    const auto entries = pdf_syntax::dictionary_entries(walk.file.value(element));
    const std::string_view type = pdf_syntax::entry(entries, "/Type");
    if (!type.empty() && type != "/StructElem") return {};  // an MCR or OBJR
    const std::string_view s = pdf_syntax::entry(entries, "/S");
    if (s.size() < 2 || s.front() != '/') return {};
    const std::string_view name = s.substr(1);
    if (name == paint::kCairoHeaderTag || name == paint::kCairoFooterTag) {
        walk.removed.insert(element);
        walk.parents_of_removed.insert(parent);
        return {};
    }
    auto of_type = walk.types.find(name);
    if (of_type == walk.types.end())
        of_type = walk.types.emplace(std::string(name), ElementsOfType{}).first;
    ElementsOfType& elements = of_type->second;
    const size_t ordinal = elements.walked++;
    int flow = -1;  // the first part of the element this one is a part of: its kids go on there
    if (const auto join = elements.joins.find(ordinal); join != elements.joins.end()) {
        if (const auto first = elements.first_parts.find(join->second);
            first != elements.first_parts.end() && first->second >= 0) {
            walk.parts_to_join.emplace_back(element, first->second);
            flow = first->second;
        }
    } else if (const auto first = elements.first_parts.find(ordinal);
               first != elements.first_parts.end()) {
        first->second = flow = element;
    }
    if (const auto text = elements.texts.find(ordinal); text != elements.texts.end())
        walk.edits.add_entry(element, std::string(name == "Figure" ? "/Alt " : "/ActualText ") +
                                          pdf::text_string(*text->second));
    const std::string_view kids = pdf_syntax::entry(entries, "/K");
    const SiblingLink last =
        walk_kids(kids, element, walk, depth + 1, flow >= 0 ? walk.last_kids[flow] : SiblingLink{});
    if (flow >= 0) walk.last_kids[flow] = last;
    return name == "Link" ? SiblingLink{element, link_target(walk.file, kids)} : SiblingLink{};
}

// Walks the kids; returns the last as a sibling for what follows them (the kids of a later part
// of the same element). A Link right after a Link to the same target, nothing between them, is
// the rest of the same link, broken over lines (one Link element a line, each with its
// annotation): it is joined to it as a part.
SiblingLink walk_kids(std::string_view kids, int parent, StructureWalk& walk, int depth,
                      SiblingLink previous) {
    if (depth > 200) throw std::runtime_error("the structure tree is nested too deeply");
    for (std::string_view kid : pdf_syntax::array_items(kids)) {
        const auto ref = pdf_syntax::reference(kid);
        if (!ref) {  // marked content between
            previous = {};
            continue;
        }
        const SiblingLink self = walk_element(ref->first, parent, walk, depth);
        if (self.element >= 0 && previous.element >= 0 && !self.target.empty() &&
            self.target == previous.target)
            walk.parts_to_join.emplace_back(self.element, previous.element);
        else
            previous = self;
    }
    return previous;
}

// `parent`'s kids without those in `gone`.
void remove_kids(int parent, const std::set<int>& gone, pdf::Edits& edits) {
    Value& element = edits.change(parent);
    Value* kids = element.find("/K");
    if (!kids) return;
    if (!kids->is_array()) {
        if (gone.count(referenced(*kids))) element.erase("/K");
        return;
    }
    auto& items = kids->items();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Value& kid) { return gone.count(referenced(kid)) > 0; }),
                items.end());
}

// An element's kids as an array: Cairo writes a single kid without one.
std::vector<Value> kids_of(const Value& element) {
    const Value* kids = element.find("/K");
    if (!kids) return {};
    return kids->is_array() ? kids->items() : std::vector<Value>{*kids};
}

// A later part of a split element joined to its first part: the part's kids appended to the
// first part's (its marked content as references to content on its own page, its child elements
// with the first part as their parent), and the part taken out of the tree. Parts are joined in
// the order walked, so a part's parent, itself a part, has been joined already and /P names
// where the part is now.
void join_part(int part_id, int first_id, pdf::Edits& edits) {
    const Value part = edits.read(part_id);
    std::vector<Value> joined = kids_of(edits.read(first_id));
    const Value* page = part.find("/Pg");
    for (Value kid : kids_of(part)) {
        if (kid.kind() == Value::Kind::Atom &&
            !kid.is_null()) {  // marked content on the part's page
            Value reference = Value::dictionary();
            reference.set("/Type", Value::atom("/MCR"));
            if (page) reference.set("/Pg", *page);
            reference.set("/MCID", kid);
            kid = reference;
        } else if (kid.is_dictionary() && !kid.find("/Pg") && page) {
            kid.set("/Pg", *page);  // a marked-content or object reference on the part's page
        } else if (kid.is_reference() && edits.read(kid.object()).is_dictionary()) {
            edits.change(kid.object()).set("/P", Value::reference(first_id));  // a child element
        }
        joined.push_back(kid);
    }
    edits.change(first_id).set("/K", Value::array(std::move(joined)));
    if (const Value* parent = part.find("/P"); parent && parent->is_reference())
        remove_kids(parent->object(), {part_id}, edits);
}

// The parent tree maps a page's marked content (and an annotation) to its element: a removed
// element becomes null, as for content that belongs to no element, and a joined part its first
// part. `node` is an object of the tree.
void redirect_in_parent_tree(int node, const std::map<int, Value>& to, pdf::Edits& edits,
                             int depth) {
    if (depth > 64) throw std::runtime_error("the parent tree is nested too deeply");
    const Value tree = edits.read(node);
    if (const Value* kids = tree.find("/Kids"))
        for (const Value& kid : resolved(*kids, edits).items())
            if (kid.is_reference()) redirect_in_parent_tree(kid.object(), to, edits, depth + 1);
    const Value* nums = tree.find("/Nums");
    if (!nums) return;
    auto redirect = [&](Value& value) {
        const auto found = to.find(referenced(value));
        if (found == to.end()) return false;
        value = found->second;
        return true;
    };
    const int nums_object = referenced(*nums);
    Value numbers = resolved(*nums, edits);
    bool changed = false;
    for (size_t n = 1; n < numbers.items().size(); n += 2) {
        Value& value = numbers.items()[n];
        const int object = referenced(value);
        if (object >= 0 &&
            edits.read(object).is_array()) {  // a page's elements, an object of its own
            Value elements = edits.read(object);
            bool any = false;
            for (Value& element : elements.items()) any = redirect(element) || any;
            if (any) edits.change(object) = std::move(elements);
        } else if (value.is_array()) {
            for (Value& element : value.items()) changed = redirect(element) || changed;
        } else {
            changed = redirect(value) || changed;  // an annotation's element
        }
    }
    if (!changed) return;
    if (nums_object >= 0)
        edits.change(nums_object) = std::move(numbers);
    else
        edits.change(node).set("/Nums", std::move(numbers));
}

void finish_structure(const pdf::File& file, const PageFacts& facts, pdf::Edits& edits) {
    const Value* root_entry = edits.read(file.root()).find("/StructTreeRoot");
    if (!root_entry || !root_entry->is_reference()) return;
    const int root = root_entry->object();
    StructureWalk walk{file, edits};
    for (const ElementText& t : facts.texts()) walk.types[t.type].texts[t.ordinal] = &t.text;
    for (const ElementJoin& j : facts.joins()) {
        ElementsOfType& elements = walk.types[j.type];
        elements.joins[j.ordinal] = j.first;
        elements.first_parts.emplace(j.first, -1);
    }
    walk_kids(pdf_syntax::entry(pdf_syntax::dictionary_entries(file.value(root)), "/K"), root, walk,
              0, {});
    if (walk.removed.empty() && walk.parts_to_join.empty()) return;
    for (int parent : walk.parents_of_removed) remove_kids(parent, walk.removed, edits);
    std::map<int, Value> redirect;
    for (int gone : walk.removed) redirect.emplace(gone, Value());
    for (const auto& [part, first] : walk.parts_to_join) {
        join_part(part, first, edits);
        redirect.emplace(part, Value::reference(first));
    }
    if (const Value* tree = edits.read(root).find("/ParentTree"); tree && tree->is_reference())
        redirect_in_parent_tree(tree->object(), redirect, edits, 0);
}

// A coordinate to 1/10,000 pt, without trailing zeros (locale-independent: paint::fixed).
std::string pdf_number(double value) {
    std::string out = paint::fixed(value, 4);
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
    return out;
}

// A rectangle in page coordinates (y down from the top) as a PDF rectangle (y up from the
// bottom).
Value pdf_rect(const typeset::Rect& r, double page_height) {
    return Value::array(
        {Value::atom(pdf_number(r.x)), Value::atom(pdf_number(page_height - (r.y + r.h))),
         Value::atom(pdf_number(r.x + r.w)), Value::atom(pdf_number(page_height - r.y))});
}

void set_page_boxes(const std::vector<int>& pages, const std::vector<PageBoxes>& boxes,
                    pdf::Edits& edits) {
    if (boxes.empty()) return;
    if (boxes.size() != pages.size())
        throw std::runtime_error("the PDF has " + std::to_string(pages.size()) + " pages for " +
                                 std::to_string(boxes.size()) + " typeset pages");
    for (size_t i = 0; i < boxes.size(); ++i) {
        if (!boxes[i].trim && !boxes[i].bleed) continue;
        Value& page = edits.change(pages[i]);
        if (boxes[i].trim) page.set("/TrimBox", pdf_rect(*boxes[i].trim, boxes[i].height));
        if (boxes[i].bleed) page.set("/BleedBox", pdf_rect(*boxes[i].bleed, boxes[i].height));
    }
}

// Uncompressed, as PDF/A asks of metadata and as tools that read XMP without a PDF parser expect.
void add_metadata(const pdf::File& file, std::string xmp, pdf::Edits& edits) {
    Value dict = Value::dictionary();
    dict.set("/Type", Value::atom("/Metadata"));
    dict.set("/Subtype", Value::atom("/XML"));
    const int metadata = edits.add_stream(std::move(dict), std::move(xmp));
    edits.change(file.root()).set("/Metadata", Value::reference(metadata));
}

}  // namespace

void PageFacts::add(const typeset::Page& page) {
    if (page.trim_box || page.bleed_box) boxes_.resize(pages_);  // the pages before have none
    if (!boxes_.empty() || page.trim_box || page.bleed_box)
        boxes_.push_back({page.trim_box, page.bleed_box, page.height});
    ++pages_;
    std::map<FlowElement, size_t> this_page;
    for (const typeset::Item& item : page.items) {
        const auto* tag = std::get_if<typeset::TagBegin>(&item);
        if (!tag) continue;
        const size_t ordinal = seen_[tag->tag]++;
        if (!tag->alt.empty()) texts_.push_back({tag->tag, ordinal, tag->alt});
        if (tag->flow_id < 0) continue;
        const FlowElement element{tag->tag, tag->flow_id};
        size_t first = ordinal;
        if (tag->continues)
            if (const auto earlier = last_page_.find(element); earlier != last_page_.end()) {
                first = earlier->second;
                joins_.push_back({tag->tag, ordinal, first});
            }
        this_page.emplace(element, first);
    }
    last_page_ = std::move(this_page);
}

PageFacts page_facts(const typeset::Document& doc) {
    PageFacts facts;
    for (const typeset::Page& page : doc.pages) facts.add(page);
    return facts;
}

bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags) {
    return finish_accessibility(pdf, doc.metadata, page_facts(doc), date, diags);
}

bool finish_accessibility(std::string& pdf, const typeset::Metadata& metadata,
                          const PageFacts& facts, const std::string& date, Diagnostics& diags) {
    std::string finished;
    if (!finish_accessibility(pdf, metadata, facts, date, diags, [&](std::string_view piece) {
            finished.append(piece);
            return true;
        }))
        return false;
    pdf = std::move(finished);
    return true;
}

bool finish_accessibility(std::string_view pdf, const typeset::Metadata& metadata,
                          const PageFacts& facts, const std::string& date, Diagnostics& diags,
                          const std::function<bool(std::string_view)>& out) {
    try {
        const pdf::File file(pdf);
        pdf::Edits edits(file);
        add_metadata(file, paint::pdfua1_xmp_packet(metadata, paint::pdf_dates(date)), edits);
        finish_structure(file, facts, edits);
        expand_ligatures(file, edits);
        const std::vector<int> pages = pdf::page_objects(file);
        for (int page : pages) {
            describe_links(page, edits);
            wrap_artifacts(file, page, edits);
        }
        set_page_boxes(pages, facts.boxes(), edits);
        return edits.write(out);
    } catch (const std::exception& e) {
        diags.error({}, std::string("cannot finish the tagged PDF: ") + e.what());
        return false;
    }
}

}  // namespace dw::output
