#include <algorithm>
#include <cmath>
#include <cstdio>

#include "paint/haru_painter_impl.h"
#include "paint/pdf_attributes.h"
#include "paint/pdf_metadata_text.h"
#include "paint/text_format.h"
#include "paint/utf8_codec.h"

// Document-level objects of HaruPainter, written after the last page: metadata, outline, link
// annotations, page boxes, ToUnicode maps and encryption (PDF/A: haru_pdfa.cpp). libharu 2.3's
// own Info functions write dates with a broken 'Z' and strings only in PDFDocEncoding; these
// entries are built with its object API instead.
namespace dw::paint {

namespace {

// A PDF text string: PDFDocEncoding where it can be (a literal string), else UTF-16.
void* text_string(HPDF_Doc doc, std::string_view utf8) {
    if (std::optional<std::string> latin = pdf_doc_encoded(utf8)) {
        return HPDF_String_New(doc->mmgr, latin->c_str(), nullptr);
    }
    const std::string bytes = pdf_utf16_text(utf8);
    return HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                           static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_Box pdf_box(const typeset::Rect& r, double page_height) {
    return {static_cast<HPDF_REAL>(r.x), static_cast<HPDF_REAL>(page_height - r.y - r.h),
            static_cast<HPDF_REAL>(r.x + r.w), static_cast<HPDF_REAL>(page_height - r.y)};
}

bool is_usable(const typeset::Rect& r) {
    return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.w) && std::isfinite(r.h) &&
           r.w > 0 && r.h > 0;
}

// libharu's UTF-8 fonts use the UTF-16 code unit as the character code (and CID). The map from
// codes to Unicode is therefore the identity, written as one bfrange per high byte (a range may
// only vary in its last byte), skipping the surrogates, 100 ranges per block.
std::string identity_to_unicode_cmap() {
    std::vector<std::string> ranges;
    char line[32];
    for (int high = 0; high < 256; ++high) {
        if (high >= 0xD8 && high <= 0xDF) continue;
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high, high, high);
        ranges.emplace_back(line);
    }
    std::string cmap =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (size_t i = 0; i < ranges.size(); i += 100) {
        const size_t n = std::min<size_t>(100, ranges.size() - i);
        cmap += std::to_string(n) + " beginbfrange\n";
        for (size_t k = i; k < i + n; ++k) cmap += ranges[k];
        cmap += "endbfrange\n";
    }
    return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

// libharu 2.3 points a UTF-8 font's /ToUnicode at its encoding CMap, whose CID ranges PDF
// readers reject ("Invalid 'begincidrange' operator in ToUnicode CMap"). One correct map,
// shared by all fonts, replaces it.
void HaruPainter::Impl::write_to_unicode_maps() {
    const std::vector<HaruFonts::Font*> fonts = fonts_->unicode_fonts();
    if (fonts.empty()) return;
    HPDF_Doc doc = doc_.get();
    HPDF_Dict map = HPDF_DictStream_New(doc->mmgr, doc->xref);
    map->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    const std::string cmap = identity_to_unicode_cmap();
    HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                      static_cast<HPDF_UINT>(cmap.size()));
    for (HaruFonts::Font* font : fonts) HPDF_Dict_Add(font->pdf, "ToUnicode", map);
}

void HaruPainter::Impl::collect_dests(const typeset::Document& doc) {
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        for (const typeset::Item& item : doc.pages[p].items) {
            const auto* d = std::get_if<typeset::Dest>(&item);
            if (!d) continue;
            if (d->name.empty()) {
                warning("destination with an empty name; left out");
            } else if (!dests_.emplace(d->name, DestTarget{p, d->x, d->y}).second) {
                warning("destination " + quoted_text(d->name) +
                        " is defined twice; the first is used");
            }
        }
    }
}

// An explicit destination [page /XYZ left top 0]: zoom 0 keeps the reader's zoom, which
// HPDF_Destination_SetXYZ refuses, so the array is rebuilt.
HPDF_Destination HaruPainter::Impl::destination(const DestTarget& target) {
    HPDF_Page page = pages_[target.page];
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    if (!dst) return nullptr;
    const double x = std::isfinite(target.x) ? std::max(0.0, target.x) : 0;
    const double y = std::isfinite(target.y) ? target.y : 0;
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, page);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(x));
    HPDF_Array_AddReal(dst, static_cast<HPDF_REAL>(page_heights_[target.page] - y));
    HPDF_Array_AddReal(dst, 0);
    return dst;
}

void HaruPainter::Impl::write_metadata(const typeset::Metadata& meta) {
    HPDF_Doc doc = doc_.get();
    HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, "drukwerk");  // creates the Info dictionary
    const std::pair<const char*, const std::string*> texts[] = {
        {"Title", &meta.title},       {"Author", &meta.author},   {"Subject", &meta.subject},
        {"Keywords", &meta.keywords}, {"Creator", &meta.creator}, {"Producer", &options_.producer}};
    for (const auto& [key, value] : texts) {
        if (value->empty()) continue;
        // libharu's encryption reads these entries as literal strings (for the file
        // identifier) and fails on anything else; such a value is written without the
        // characters PDFDocEncoding lacks.
        if (options_.permissions && !pdf_doc_encoded(*value)) {
            std::string plain;
            for (char32_t cp : decode_utf8(*value)) {
                if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA1 && cp <= 0xFF))
                    append_utf8(plain, cp);
                else
                    plain += '?';
            }
            warning(std::string("metadata ") + key +
                    " has characters an encrypted libharu PDF "
                    "cannot hold; written as " +
                    quoted_text(plain));
            HPDF_Dict_Add(doc->info, key, text_string(doc, plain));
        } else {
            HPDF_Dict_Add(doc->info, key, text_string(doc, *value));
        }
    }
    // The catalog entries Cairo cannot write either (output/pdf_finishing adds them there).
    if (!meta.language.empty() && is_valid_utf8(meta.language)) {
        HPDF_Dict_Add(doc->catalog, "Lang", text_string(doc, meta.language));
    }
    HPDF_Dict preferences = HPDF_Dict_New(doc->mmgr);
    HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE);
    HPDF_Dict_Add(doc->catalog, "ViewerPreferences", preferences);

    const std::string& date = meta.date.empty() ? options_.fallback_date : meta.date;
    if (date.empty()) return;
    const std::optional<PdfDates> dates = pdf_dates(date);
    if (!dates) return warning("document date " + quoted_text(date) + " is not ISO 8601; left out");
    for (const char* key : {"CreationDate", "ModDate"}) {
        HPDF_Dict_Add(doc->info, key, HPDF_String_New(doc->mmgr, dates->info.c_str(), nullptr));
    }
}

void HaruPainter::Impl::write_outline(const std::vector<typeset::OutlineEntry>& outline) {
    std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of parents: (level, entry)
    for (const typeset::OutlineEntry& e : outline) {
        auto target = dests_.find(e.dest);
        if (target == dests_.end()) {
            warning("outline entry " + quoted_text(e.title) + " points to unknown destination " +
                    quoted_text(e.dest) + "; left out");
            continue;
        }
        while (!open.empty() && open.back().first >= e.level) open.pop_back();
        HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
        HPDF_Outline entry = HPDF_CreateOutline(doc_.get(), parent, "", nullptr);
        if (!entry) return;
        HPDF_Dict_Add(entry, "Title", text_string(doc_.get(), e.title));
        HPDF_Outline_SetDestination(entry, destination(target->second));
        HPDF_Outline_SetOpened(entry, HPDF_TRUE);
        open.emplace_back(e.level, entry);
    }
}

void HaruPainter::Impl::write_links() {
    for (const PendingLink& pending : links_) {
        HPDF_Page page = pages_[pending.page];
        const double height = page_heights_[pending.page];
        for (const typeset::Rect& r : pending.link.rects) {
            if (!is_usable(r)) continue;
            const HPDF_Box box = pdf_box(r, height);
            const HPDF_Rect rect{box.left, box.bottom, box.right, box.top};
            HPDF_Annotation annot =
                pending.link.uri.empty()
                    ? HPDF_Page_CreateLinkAnnot(page, rect,
                                                destination(dests_.at(pending.link.dest)))
                    : HPDF_Page_CreateURILinkAnnot(page, rect, ascii_uri(pending.link.uri).c_str());
            if (!annot) return;
            HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
            HPDF_Dict_AddNumber(annot, "F",
                                4);  // printable: PDF/A-1 requires it, harmless elsewhere
        }
    }
}

void HaruPainter::Impl::write_page_boxes() {
    for (size_t i = 0; i < pages_.size() && i < document_->pages.size(); ++i) {
        const typeset::Page& page = document_->pages[i];
        const std::pair<const char*, const std::optional<typeset::Rect>*> boxes[] = {
            {"TrimBox", &page.trim_box}, {"BleedBox", &page.bleed_box}};
        for (const auto& [key, box] : boxes) {
            if (!*box || !is_usable(**box)) continue;
            HPDF_Dict_Add(pages_[i], key,
                          HPDF_Box_Array_New(doc_->mmgr, pdf_box(**box, page_heights_[i])));
        }
    }
}

void HaruPainter::Impl::write_encryption() {
    // PDF 1.4 table 3.20: bits 7-8 and 13-32 must be 1, which libharu does not add. Each
    // restriction clears its bit and the finer-grained bit of revision 3 that belongs to it;
    // extraction for accessibility (screen readers) stays allowed.
    constexpr HPDF_UINT32 reserved = 0xFFFFF0C0u, fill_forms = 0x100, accessibility = 0x200,
                          assemble = 0x400, print_high = 0x800;
    const Permissions& p = *options_.permissions;
    HPDF_UINT32 bits = reserved | accessibility;
    if (p.print) bits |= HPDF_ENABLE_PRINT | print_high;
    if (p.modify) bits |= HPDF_ENABLE_EDIT_ALL | assemble;
    if (p.copy) bits |= HPDF_ENABLE_COPY;
    if (p.annotate) bits |= HPDF_ENABLE_EDIT | fill_forms;
    // No user password: anyone can open the file; the owner password lifts the restrictions.
    HPDF_SetPassword(doc_.get(), options_.owner_password.c_str(), "");
    HPDF_SetPermission(doc_.get(), bits);
    HPDF_SetEncryptionMode(doc_.get(), HPDF_ENCRYPT_R3, 16);
}

}  // namespace dw::paint
