#include "paint/cairo_fonts.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <cairo-ft.h>

#include <string>

namespace dw::paint {

namespace {

// What Cairo's destroy callback releases: the face, then (maybe) the library.
struct FaceOwner {
    FT_Face face = nullptr;
    std::shared_ptr<FT_LibraryRec_> library;
    ~FaceOwner() {
        if (face) FT_Done_Face(face);
    }
};

void destroy_face_owner(void* p) { std::unique_ptr<FaceOwner> owner(static_cast<FaceOwner*>(p)); }

const cairo_user_data_key_t face_owner_key{};

std::string freetype_message(FT_Error error) {
    const char* text = FT_Error_String(error);
    return text ? text : "FreeType error " + std::to_string(error);
}

std::shared_ptr<FT_LibraryRec_> new_library() {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return nullptr;
    return std::shared_ptr<FT_LibraryRec_>(lib, [](FT_Library l) { FT_Done_FreeType(l); });
}

}  // namespace

FontCache::FontCache(std::vector<typeset::FontFace> fonts, Diagnostics& diag)
    : fonts_(std::move(fonts)), slots_(fonts_.size()), diag_(diag) {}

void FontCache::extend(const std::vector<typeset::FontFace>& fonts) {
    for (size_t i = fonts_.size(); i < fonts.size(); ++i) fonts_.push_back(fonts[i]);
    slots_.resize(fonts_.size());
}

FontOptionsPtr FontCache::font_options() {
    FontOptionsPtr options(cairo_font_options_create());
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_DEFAULT);
    return options;
}

const FontCache::Font* FontCache::get(int index) {
    if (index < 0 || static_cast<size_t>(index) >= slots_.size()) {
        diag_.error({}, "glyph run uses font " + std::to_string(index) + ", but the document has " +
                            std::to_string(slots_.size()) + " font(s)");
        return nullptr;
    }
    Slot& slot = slots_[index];
    if (!slot.tried) {
        slot.tried = true;
        if (std::optional<Font> font = load(fonts_[index])) {
            slot.font = *font;
            slot.owner.reset(font->face);
        }
    }
    return slot.owner ? &slot.font : nullptr;
}

void FontCache::load_all() {
    for (size_t i = 0; i < slots_.size(); ++i) get(static_cast<int>(i));
}

const FontCache::Font* FontCache::loaded(int index) const {
    if (index < 0 || static_cast<size_t>(index) >= slots_.size()) return nullptr;
    const Slot& slot = slots_[index];
    return slot.owner ? &slot.font : nullptr;
}

std::optional<FontCache::Font> FontCache::load(const typeset::FontFace& font) {
    if (!library_ && !library_failed_) {
        library_ = new_library();
        library_failed_ = !library_;
    }
    if (!library_) {
        diag_.error({font.file}, "cannot initialise FreeType to load this font");
        return std::nullopt;
    }
    auto owner = std::make_unique<FaceOwner>();
    owner->library = library_;
    FT_Error err = FT_New_Face(library_.get(), font.file.c_str(), font.index, &owner->face);
    if (err != 0) {
        owner->face = nullptr;
        diag_.error({font.file},
                    "cannot load font '" + font.family + "' (face " + std::to_string(font.index) +
                        "): " + freetype_message(err),
                    "check that the file exists in fonts/ and is a TrueType or OpenType font");
        return std::nullopt;
    }
    FT_Face face = owner->face;
    FontFacePtr cairo_face(cairo_ft_font_face_create_for_ft_face(face, FT_LOAD_NO_HINTING));
    cairo_status_t status = cairo_font_face_status(cairo_face.get());
    if (status == CAIRO_STATUS_SUCCESS) {
        status = cairo_font_face_set_user_data(cairo_face.get(), &face_owner_key, owner.get(),
                                               destroy_face_owner);
    }
    if (status != CAIRO_STATUS_SUCCESS) {
        diag_.error({font.file},
                    std::string("cannot use font with Cairo: ") + cairo_status_to_string(status));
        return std::nullopt;  // `owner` still owns the face and frees it
    }
    owner.release();  // now owned by the Cairo font face
    return Font{cairo_face.release(), face->num_glyphs};
}

}  // namespace dw::paint
