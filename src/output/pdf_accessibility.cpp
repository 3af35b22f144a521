#include "output/pdf_accessibility.h"

#include "output/module_loader.h"
#include "output/module_result.h"
#include "output/qpdf_module.h"
#include "paint/pdf_artifact_tags.h"
#include "paint/pdf_metadata_text.h"

namespace dw::output {

bool has_structure(const typeset::Document& doc) {
    for (const typeset::Page& page : doc.pages)
        for (const typeset::Item& item : page.items)
            if (const auto* tag = std::get_if<typeset::TagBegin>(&item);
                tag && !paint::cairo_artifact_tag(tag->tag))
                return true;
    return false;
}

std::vector<std::string> figure_alts(const typeset::Document& doc) {
    std::vector<std::string> alts;
    for (const typeset::Page& page : doc.pages)
        for (const typeset::Item& item : page.items)
            if (const auto* tag = std::get_if<typeset::TagBegin>(&item); tag && tag->tag == "Figure")
                alts.push_back(tag->alt);
    return alts;
}

bool finish_accessibility(std::string& pdf, const typeset::Document& doc, const std::string& date,
                          Diagnostics& diags) {
    const std::optional<Module> module =
        Module::load(kQpdfModule, "the accessible PDF (PDF/UA-1)", diags);
    if (!module) return false;
    auto* finish = reinterpret_cast<DrukwerkQpdfFinishAccessibility*>(
        module->function("drukwerk_qpdf_finish_accessibility", diags));
    if (!finish) return false;

    const std::string xmp = paint::pdfua1_xmp_packet(doc.metadata, paint::pdf_dates(date));
    const std::vector<std::string> alts = figure_alts(doc);
    std::vector<const char*> alt_pointers;
    for (const std::string& alt : alts) alt_pointers.push_back(alt.empty() ? nullptr : alt.c_str());
    const DrukwerkAccessibility accessibility{xmp.data(), xmp.size(), alt_pointers.data(),
                                              alt_pointers.size()};
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
