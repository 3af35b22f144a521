#include "output/pdf_accessibility.h"

#include <algorithm>
#include <map>

#include "output/module_loader.h"
#include "output/module_result.h"
#include "output/qpdf_module.h"
#include "paint/pdf_artifact_tags.h"
#include "paint/pdf_metadata_text.h"

namespace dw::output {

bool has_structure(const typeset::Page& page) {
    for (const typeset::Item& item : page.items)
        if (const auto* tag = std::get_if<typeset::TagBegin>(&item);
            tag && !paint::cairo_artifact_tag(tag->tag))
            return true;
    return false;
}

bool has_structure(const typeset::Document& doc) {
    return std::any_of(doc.pages.begin(), doc.pages.end(),
                       [](const typeset::Page& page) { return has_structure(page); });
}

void ElementTexts::add(const typeset::Page& page) {
    for (const typeset::Item& item : page.items)
        if (const auto* tag = std::get_if<typeset::TagBegin>(&item)) {
            const size_t ordinal = seen_[tag->tag]++;
            if (!tag->alt.empty()) texts_.push_back({tag->tag, ordinal, tag->alt});
        }
}

std::vector<ElementText> element_texts(const typeset::Document& doc) {
    ElementTexts texts;
    for (const typeset::Page& page : doc.pages) texts.add(page);
    return texts.all();
}

bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags) {
    return finish_accessibility(pdf, doc.metadata, element_texts(doc), date, diags);
}

bool finish_accessibility(std::string& pdf, const typeset::Metadata& metadata,
                          const std::vector<ElementText>& texts, const std::string& date,
                          Diagnostics& diags) {
    const std::optional<Module> module =
        Module::load(kQpdfModule, "the accessible PDF (PDF/UA-1)", diags);
    if (!module) return false;
    auto* finish = reinterpret_cast<DrukwerkQpdfFinishAccessibility*>(
        module->function("drukwerk_qpdf_finish_accessibility", diags));
    if (!finish) return false;

    const std::string xmp = paint::pdfua1_xmp_packet(metadata, paint::pdf_dates(date));
    std::vector<DrukwerkElementText> module_texts;
    for (const ElementText& t : texts)
        module_texts.push_back({t.type.c_str(), t.ordinal, t.text.c_str()});
    const DrukwerkAccessibility accessibility{xmp.data(), xmp.size(), module_texts.data(),
                                              module_texts.size()};
    ModuleResult result;
    if (finish(pdf.data(), pdf.size(), &accessibility, ModuleResult::take_pdf,
               ModuleResult::take_error, &result) != 0) {
        diags.error({}, result.error);
        return false;
    }
    pdf = std::move(result.pdf);
    return true;
}

}  // namespace dw::output
