#include "output/page_boxes.h"

#include <cstdio>
#include <stdexcept>

#include "output/pdf_file.h"
#include "output/pdf_splice.h"

namespace dw::output {
namespace {

// A coordinate to 1/10,000 pt, without trailing zeros.
std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    std::string out = text;
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
}

// A rectangle in page coordinates (y down from the top) as a PDF rectangle (y up from the
// bottom).
pdf::Value pdf_rect(const typeset::Rect& r, double page_height) {
    return pdf::Value::array({pdf::Value::atom(number(r.x)), pdf::Value::atom(number(page_height - (r.y + r.h))),
                              pdf::Value::atom(number(r.x + r.w)), pdf::Value::atom(number(page_height - r.y))});
}

}  // namespace

bool has_page_boxes(const std::vector<typeset::Page>& pages) {
    for (const auto& page : pages)
        if (page.trim_box || page.bleed_box) return true;
    return false;
}

bool add_page_boxes(std::string& pdf, const std::vector<typeset::Page>& pages, Diagnostics& diags) {
    try {
        const pdf::File file(pdf);
        const std::vector<int> objects = pdf::page_objects(file);
        if (objects.size() != pages.size()) {
            diags.error({}, "internal error: the PDF has " + std::to_string(objects.size()) + " pages for " +
                                std::to_string(pages.size()) + " typeset pages");
            return false;
        }
        pdf::Edits edits(file);
        for (size_t i = 0; i < pages.size(); ++i) {
            if (!pages[i].trim_box && !pages[i].bleed_box) continue;
            pdf::Value& page = edits.change(objects[i]);
            if (pages[i].trim_box) page.set("/TrimBox", pdf_rect(*pages[i].trim_box, pages[i].height));
            if (pages[i].bleed_box) page.set("/BleedBox", pdf_rect(*pages[i].bleed_box, pages[i].height));
        }
        std::string boxed;
        edits.write([&](std::string_view piece) {
            boxed.append(piece);
            return true;
        });
        pdf = std::move(boxed);
        return true;
    } catch (const std::exception& e) {
        diags.error({}, std::string("cannot set the PDF page boxes: ") + e.what());
        return false;
    }
}

}  // namespace dw::output
