#include "output/page_boxes.h"

#include "output/module_loader.h"
#include "output/module_result.h"
#include "output/qpdf_module.h"

namespace dw::output {
namespace {

// A rectangle in page coordinates (y down from the top) in PDF user space (y up from the bottom).
DrukwerkPdfRect pdf_rect(const typeset::Rect& r, double page_height) {
    return {r.x, page_height - (r.y + r.h), r.x + r.w, page_height - r.y};
}

}  // namespace

bool has_page_boxes(const std::vector<typeset::Page>& pages) {
    for (const auto& page : pages)
        if (page.trim_box || page.bleed_box) return true;
    return false;
}

bool add_page_boxes(std::string& pdf, const std::vector<typeset::Page>& pages, Diagnostics& diags) {
    const std::optional<Module> module =
        Module::load(kQpdfModule, "the print-shop page boxes (TrimBox, BleedBox)", diags);
    if (!module) return false;
    auto* set_page_boxes = reinterpret_cast<DrukwerkQpdfSetPageBoxes*>(
        module->function("drukwerk_qpdf_set_page_boxes", diags));
    if (!set_page_boxes) return false;

    std::vector<DrukwerkPageBoxes> boxes(pages.size(), DrukwerkPageBoxes{});
    for (size_t i = 0; i < pages.size(); ++i) {
        if (pages[i].trim_box) boxes[i].trim = pdf_rect(*pages[i].trim_box, pages[i].height);
        if (pages[i].bleed_box) boxes[i].bleed = pdf_rect(*pages[i].bleed_box, pages[i].height);
        boxes[i].has_trim = pages[i].trim_box.has_value();
        boxes[i].has_bleed = pages[i].bleed_box.has_value();
    }
    ModuleResult result;
    if (set_page_boxes(pdf.data(), pdf.size(), boxes.data(), boxes.size(), ModuleResult::take_pdf,
                       ModuleResult::take_error, &result) != 0) {
        diags.error({}, result.error);
        return false;
    }
    pdf = std::move(result.pdf);
    return true;
}

}  // namespace dw::output
