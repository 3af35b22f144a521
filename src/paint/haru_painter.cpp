#include "paint/haru_painter.h"

#include <cmath>
#include <cstdio>

#include "paint/haru_painter_impl.h"
#include "paint/text_format.h"

namespace dw::paint {

namespace {

constexpr double a4_width = 595.276, a4_height = 841.89;
constexpr double min_page_side = 3, max_page_side = 14400;  // libharu's and PDF's limits

bool is_valid_page_size(double w, double h) {
    return std::isfinite(w) && std::isfinite(h) && w >= min_page_side && h >= min_page_side &&
           w <= max_page_side && h <= max_page_side;
}

// A page label libharu can write: a number in a numbering style (it has no free-text labels).
struct NumberedLabel {
    HPDF_PageNumStyle style;
    long number;
};

long roman_value(const std::string& s, bool upper) {
    const std::string digits = upper ? "IVXLCDM" : "ivxlcdm";
    const long values[] = {1, 5, 10, 50, 100, 500, 1000};
    long total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const size_t d = digits.find(s[i]);
        if (d == std::string::npos) return 0;
        const size_t next = i + 1 < s.size() ? digits.find(s[i + 1]) : std::string::npos;
        total += next != std::string::npos && values[next] > values[d] ? -values[d] : values[d];
    }
    return total;
}

std::string roman(long n, bool upper) {
    static const std::pair<long, const char*> parts[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
        {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
    std::string out;
    for (const auto& [value, text] : parts) {
        for (; n >= value; n -= value) out += text;
    }
    if (upper) {
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

std::optional<NumberedLabel> numbered_label(const std::string& label) {
    if (label.empty() || label.size() > 9) return std::nullopt;
    if (label.find_first_not_of("0123456789") == std::string::npos) {
        return NumberedLabel{HPDF_PAGE_NUM_STYLE_DECIMAL, std::stol(label)};
    }
    for (bool upper : {false, true}) {
        const long n = roman_value(label, upper);
        if (n > 0 && roman(n, upper) == label) {  // canonical numerals only
            return NumberedLabel{
                upper ? HPDF_PAGE_NUM_STYLE_UPPER_ROMAN : HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, n};
        }
    }
    return std::nullopt;
}

}  // namespace

HaruPainter::Impl::Impl(HaruOptions options, Diagnostics& diag)
    : options_(std::move(options)), diag_(diag), errors_before_(diag.error_count()) {
    if (options_.pdfa) fingerprint.emplace();
}

// libharu reports errors through this C callback; no exception may cross into C.
void HaruPainter::Impl::handle_libharu_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    static_cast<Impl*>(self)->on_libharu_error(error, detail);
}

void HaruPainter::Impl::on_libharu_error(HPDF_STATUS error, HPDF_STATUS detail) {
    if (!libharu_error_.empty()) return;  // the first error explains; later ones follow from it
    char code[64];
    std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u)",
                  static_cast<unsigned>(error), static_cast<unsigned>(detail));
    libharu_error_ = code;
}

void HaruPainter::Impl::error(const std::string& message, const std::string& hint) {
    diag_.error(
        {}, page_number_ > 0 ? "page " + std::to_string(page_number_) + ": " + message : message,
        hint);
}

void HaruPainter::Impl::warning(const std::string& message) {
    diag_.warning(
        {}, page_number_ > 0 ? "page " + std::to_string(page_number_) + ": " + message : message);
}

// libharu errors are sticky: after one, the document refuses every further call. Report the
// first with what was being done, and stop.
bool HaruPainter::Impl::check(const std::string& doing) {
    if (broken_) return false;
    if (libharu_error_.empty()) return true;
    broken_ = true;
    error(libharu_error_ + " while " + doing, "codes are listed in hpdf_error.h");
    return false;
}

void HaruPainter::Impl::begin_document(const typeset::Document& doc) {
    if (fingerprint) fingerprint->begin_document(doc);
    document_ = &doc;
    doc_.reset(HPDF_New(&Impl::handle_libharu_error, this));
    if (!doc_) {
        broken_ = true;
        return error("libharu cannot create a document (out of memory?)");
    }
    HPDF_SetCompressionMode(doc_.get(), HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc_.get());
    fonts_.emplace(doc_.get(), doc, diag_);
    images_.emplace(doc_.get(), diag_);
    collect_dests(doc);
    check("setting up the document");
}

void HaruPainter::Impl::begin_page(double width, double height, const std::string& label) {
    if (fingerprint) fingerprint->begin_page(width, height, label);
    ++page_number_;
    transforms_.assign(1, Affine{});
    backdrop_.clear();
    if (!is_valid_page_size(width, height)) {
        error("invalid page size " + fixed(width) + " x " + fixed(height) + " pt; using A4");
        width = a4_width, height = a4_height;
    }
    if (broken_ || !doc_) return;
    page_ = HPDF_AddPage(doc_.get());
    if (!check("adding a page")) return;
    pages_.push_back(page_);
    page_heights_.push_back(height);
    HPDF_Page_SetWidth(page_, static_cast<HPDF_REAL>(width));
    HPDF_Page_SetHeight(page_, static_cast<HPDF_REAL>(height));
    HPDF_Page_Concat(page_, 1, 0, 0, -1, 0, static_cast<HPDF_REAL>(height));  // y down

    // libharu labels ranges of pages with a numbering style; a page whose number does not
    // continue the previous page's starts a new range.
    const std::optional<NumberedLabel> number = numbered_label(label);
    const bool continues = number && last_label_ && last_label_->first == number->style &&
                           number->number == last_label_->second + 1;
    if (number && !continues) {
        HPDF_AddPageLabel(doc_.get(), static_cast<HPDF_UINT>(pages_.size() - 1), number->style,
                          static_cast<HPDF_UINT>(number->number), nullptr);
    } else if (!label.empty() && !number) {
        warning("page label " + quoted_text(label) + " is not a number (1, 2... or i, ii...); " +
                "libharu writes only numbered labels, so it is left out");
    }
    last_label_.reset();
    if (number) last_label_.emplace(number->style, number->number);
    check("starting the page");
}

void HaruPainter::Impl::end_page() {
    if (fingerprint) fingerprint->end_page();
    if (transforms_.size() > 1) warning("group not closed at the end of the page; closed here");
    for (; transforms_.size() > 1; transforms_.pop_back()) {
        if (can_draw()) HPDF_Page_GRestore(page_);
    }
    check("finishing the page");
    page_ = nullptr;
}

void HaruPainter::Impl::end_document() {
    if (fingerprint) fingerprint->end_document();
    page_number_ = 0;  // messages from here on are about the document
    if (broken_ || !doc_ || !document_) return;
    write_page_boxes();
    write_metadata(document_->metadata);
    write_outline(document_->outline);
    write_links();
    write_to_unicode_maps();
    if (options_.pdfa) write_pdfa(document_->metadata);
    if (options_.permissions) write_encryption();
    if (!check("writing the document catalog")) return;
    save();
}

void HaruPainter::Impl::save() {
    const HPDF_STATUS status = HPDF_SaveToStream(doc_.get());
    if (!check("writing the PDF")) return;
    if (status != HPDF_OK) {
        on_libharu_error(status, 0);
        check("writing the PDF");
        return;
    }
    const HPDF_UINT32 size = HPDF_GetStreamSize(doc_.get());
    output.resize(size);
    HPDF_UINT32 read = size;
    HPDF_ReadFromStream(doc_.get(), reinterpret_cast<HPDF_BYTE*>(output.data()), &read);
    // libharu reports the end of its stream as an error code after the last bytes.
    libharu_error_.clear();
    HPDF_ResetError(doc_.get());
    if (read != size) {
        output.clear();
        error("libharu returned " + std::to_string(read) + " of " + std::to_string(size) +
              " bytes of the PDF");
    }
}

// --- HaruPainter: forwards to Impl -----------------------------------------------------------

HaruPainter::HaruPainter(HaruOptions options, Diagnostics& diag)
    : impl_(std::make_unique<Impl>(std::move(options), diag)) {}
HaruPainter::~HaruPainter() = default;

std::string HaruPainter::take_output() {
    if (impl_->failed()) return {};
    return std::move(impl_->output);
}
bool HaruPainter::failed() const { return impl_->failed(); }

void HaruPainter::begin_document(const typeset::Document& doc) { impl_->begin_document(doc); }
void HaruPainter::begin_page(double width, double height, const std::string& label) {
    impl_->begin_page(width, height, label);
}
void HaruPainter::glyphs(const typeset::GlyphRun& run) {
    if (impl_->fingerprint) impl_->fingerprint->glyphs(run);
    impl_->glyphs(run);
}
void HaruPainter::shape(const typeset::Shape& shape) {
    if (impl_->fingerprint) impl_->fingerprint->shape(shape);
    impl_->shape(shape);
}
void HaruPainter::line(const typeset::Line& line) {
    if (impl_->fingerprint) impl_->fingerprint->line(line);
    impl_->line(line);
}
void HaruPainter::image(const typeset::Image& image) {
    if (impl_->fingerprint) impl_->fingerprint->image(image);
    impl_->image(image);
}
void HaruPainter::link(const typeset::Link& link) {
    if (impl_->fingerprint) impl_->fingerprint->link(link);
    impl_->link(link);
}
void HaruPainter::dest(const typeset::Dest& dest) {
    // Destinations were collected with their pages in begin_document.
    if (impl_->fingerprint) impl_->fingerprint->dest(dest);
}
void HaruPainter::group_begin(const typeset::GroupBegin& group) {
    if (impl_->fingerprint) impl_->fingerprint->group_begin(group);
    impl_->group_begin(group);
}
void HaruPainter::group_end() {
    if (impl_->fingerprint) impl_->fingerprint->group_end();
    impl_->group_end();
}
// libharu 2.3 cannot write a structure tree: the PDF is untagged (see the README).
void HaruPainter::tag_begin(const typeset::TagBegin&) {}
void HaruPainter::tag_end() {}
void HaruPainter::end_page() { impl_->end_page(); }
void HaruPainter::end_document() { impl_->end_document(); }

std::optional<std::string> render_with_haru(const typeset::Document& doc,
                                            const HaruOptions& options, Diagnostics& diag) {
    HaruPainter painter(options, diag);
    paint_document(doc, painter);
    if (painter.failed()) return std::nullopt;
    return painter.take_output();
}

}  // namespace dw::paint
