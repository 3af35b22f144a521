#include "output/pdf_accessibility.h"

#include <map>

#include "output/module_loader.h"
#include "output/qpdf_module.h"
#include "paint/pdf_metadata_text.h"

namespace dw::output {

namespace {

// What the module needs besides the PDF: the XMP packet and the element facts, with the C
// view of both (which points into them).
class ModuleAccessibility {
public:
    ModuleAccessibility(const typeset::Metadata& metadata, const ElementFacts& elements,
                        const std::string& date)
        : xmp_(paint::pdfua1_xmp_packet(metadata, paint::pdf_dates(date))) {
        for (const ElementText& t : elements.texts())
            texts_.push_back({t.type.c_str(), t.ordinal, t.text.c_str()});
        for (const ElementJoin& j : elements.joins())
            joins_.push_back({j.type.c_str(), j.ordinal, j.first});
    }
    const DrukwerkAccessibility* get() {
        view_ = {xmp_.data(), xmp_.size(), texts_.data(), texts_.size(), joins_.data(), joins_.size()};
        return &view_;
    }

private:
    std::string xmp_;
    std::vector<DrukwerkElementText> texts_;
    std::vector<DrukwerkElementJoin> joins_;
    DrukwerkAccessibility view_{};
};

// The finished PDF's pieces, handed on until one cannot be written.
struct PieceSink {
    const std::function<bool(std::string_view)>& out;
    bool failed = false;
    std::string error = {};

    static void take(void* context, const char* data, size_t size) {
        auto* sink = static_cast<PieceSink*>(context);
        if (!sink->failed) sink->failed = !sink->out(std::string_view(data, size));
    }
    static void take_error(void* context, const char* data, size_t size) {
        static_cast<PieceSink*>(context)->error.assign(data, size);
    }
};

}  // namespace

void ElementFacts::add(const typeset::Page& page) {
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

ElementFacts element_facts(const typeset::Document& doc) {
    ElementFacts facts;
    for (const typeset::Page& page : doc.pages) facts.add(page);
    return facts;
}

bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags) {
    return finish_accessibility(pdf, doc.metadata, element_facts(doc), date, diags);
}

bool finish_accessibility(std::string& pdf, const typeset::Metadata& metadata,
                          const ElementFacts& elements, const std::string& date,
                          Diagnostics& diags) {
    std::string finished;
    if (!finish_accessibility(pdf, metadata, elements, date, diags, [&](std::string_view piece) {
            finished.append(piece);
            return true;
        }))
        return false;
    pdf = std::move(finished);
    return true;
}

bool finish_accessibility(std::string_view pdf, const typeset::Metadata& metadata,
                          const ElementFacts& elements, const std::string& date,
                          Diagnostics& diags, const std::function<bool(std::string_view)>& out) {
    const std::optional<Module> module =
        Module::load(kQpdfModule, "the accessible PDF (PDF/UA-1)", diags);
    if (!module) return false;
    auto* finish = reinterpret_cast<DrukwerkQpdfFinishAccessibility*>(
        module->function("drukwerk_qpdf_finish_accessibility_2", diags));
    if (!finish) return false;
    ModuleAccessibility accessibility(metadata, elements, date);
    PieceSink sink{out};
    if (finish(pdf.data(), pdf.size(), accessibility.get(), PieceSink::take, PieceSink::take_error,
               &sink) != 0) {
        diags.error({}, sink.error);
        return false;
    }
    return !sink.failed;
}

}  // namespace dw::output
