#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>

#include <fstream>
#include <iterator>
#include <set>

#include "paint/haru_painter_impl.h"
#include "paint/pdf_metadata_text.h"
#include "paint/text_format.h"

// The PDF/A-1b parts of a HaruPainter document: the XMP metadata, the sRGB output intent, the
// file identifier and the CIDSets. libharu's own PDF/A functions write /SubType for /Subtype,
// unescaped XMP, the key "/DestOutputProfile " with a trailing space and a clock-based /ID;
// these objects are built with its object API instead.
namespace dw::paint {

namespace {

std::string read_binary_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// PDF/A-1 wants a CIDSet (which CIDs the embedded subset holds) in the descriptor of every
// CIDFont subset. libharu creates the descriptor only while it writes the font, in the font's
// before-write function; that function is wrapped to add the CIDSet made earlier, which waits
// in the font dictionary under a private key until then.
constexpr const char* kPendingCidSet = "DrukwerkPendingCIDSet";

HPDF_Dict_BeforeWriteFunc& libharu_font_before_write() {
    static HPDF_Dict_BeforeWriteFunc original = nullptr;  // the same libharu function for all
    return original;
}

HPDF_STATUS before_write_with_cid_set(HPDF_Dict font) {
    const HPDF_STATUS status = libharu_font_before_write()(font);
    if (status != HPDF_OK) return status;
    auto* cid_set =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, kPendingCidSet, HPDF_OCLASS_DICT));
    HPDF_FontDef def = static_cast<HPDF_FontAttr>(font->attr)->fontdef;
    if (!cid_set || !def->descriptor) return HPDF_OK;
    HPDF_Dict_RemoveElement(font, kPendingCidSet);
    return HPDF_Dict_Add(def->descriptor, "CIDSet", cid_set);
}

// One bit per CID, most significant first: CID 0 (.notdef, always embedded) and the shown
// characters, which are the CIDs of libharu's UTF-8 fonts.
std::string cid_set_bits(const std::set<char32_t>& shown) {
    const char32_t last = shown.empty() ? 0 : std::min<char32_t>(*shown.rbegin(), 0xFFFF);
    std::string bits(last / 8 + 1, '\0');
    bits[0] = static_cast<char>(0x80);
    for (char32_t cid : shown) {
        if (cid <= 0xFFFF) bits[cid / 8] = static_cast<char>(bits[cid / 8] | (0x80 >> (cid % 8)));
    }
    return bits;
}

}  // namespace

void HaruPainter::Impl::write_cid_sets() {
    HPDF_Doc doc = doc_.get();
    for (HaruFonts::Font* font : fonts_->unicode_fonts()) {
        auto* type0 = static_cast<HPDF_Dict>(font->pdf);
        if (!type0->before_write_fn) continue;
        if (!libharu_font_before_write()) libharu_font_before_write() = type0->before_write_fn;
        if (type0->before_write_fn != libharu_font_before_write()) continue;  // not the known one
        const std::string bits = cid_set_bits(font->shown);
        HPDF_Dict cid_set = HPDF_DictStream_New(doc->mmgr, doc->xref);
        cid_set->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        HPDF_Stream_Write(cid_set->stream, reinterpret_cast<const HPDF_BYTE*>(bits.data()),
                          static_cast<HPDF_UINT>(bits.size()));
        HPDF_Dict_Add(type0, kPendingCidSet, cid_set);
        type0->before_write_fn = before_write_with_cid_set;
    }
}

void HaruPainter::Impl::write_pdfa(const typeset::Metadata& meta) {
    HPDF_Doc doc = doc_.get();
    doc->pdf_version = HPDF_VER_14;

    const std::string& date = meta.date.empty() ? options_.fallback_date : meta.date;
    const PdfDates dates = pdf_dates(date).value_or(PdfDates{"", "2000-01-01T00:00:00+00:00"});
    const std::string xmp = pdfa1b_xmp_packet(meta, options_.producer, dates);
    // Metadata streams stay unfiltered: PDF/A-1 wants them readable without a PDF library.
    HPDF_Dict metadata = HPDF_DictStream_New(doc->mmgr, doc->xref);
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                      static_cast<HPDF_UINT>(xmp.size()));
    HPDF_Dict_Add(doc->catalog, "Metadata", metadata);
    write_cid_sets();

    const std::string icc = read_binary_file(options_.icc_profile);
    if (icc.empty()) {
        return error("cannot read the sRGB colour profile " + quoted_text(options_.icc_profile) +
                         " that PDF/A needs as its output intent",
                     "install the Debian package icc-profiles-free");
    }
    HPDF_Dict profile = HPDF_DictStream_New(doc->mmgr, doc->xref);
    HPDF_Dict_AddNumber(profile, "N", 3);
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()),
                      static_cast<HPDF_UINT>(icc.size()));
    HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
    HPDF_Xref_Add(doc->xref, intent);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier",
                  HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(doc->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array intents = HPDF_Array_New(doc->mmgr);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(doc->catalog, "OutputIntents", intents);

    // The file identifier comes from what is drawn (the fingerprint log holds every item and
    // the metadata), so the same input gives the same bytes and different documents differ.
    HPDF_MD5_CTX md5;
    HPDF_BYTE id[HPDF_MD5_KEY_LEN];
    HPDF_MD5Init(&md5);
    const std::string& log = fingerprint->log();
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(log.data()),
                   static_cast<HPDF_UINT32>(log.size()));
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(xmp.data()),
                   static_cast<HPDF_UINT32>(xmp.size()));
    HPDF_MD5Final(id, &md5);
    HPDF_Array ids = HPDF_Array_New(doc->mmgr);
    HPDF_Array_Add(ids, HPDF_Binary_New(doc->mmgr, id, HPDF_MD5_KEY_LEN));
    HPDF_Array_Add(ids, HPDF_Binary_New(doc->mmgr, id, HPDF_MD5_KEY_LEN));
    HPDF_Dict_Add(doc->trailer, "ID", ids);
}

}  // namespace dw::paint
