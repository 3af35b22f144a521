#pragma once
#include <memory>
#include <deque>
#include <optional>
#include <vector>

#include "diag/diagnostics.h"
#include "paint/cairo_handles.h"
#include "typeset/page.h"

struct FT_LibraryRec_;

namespace dw::paint {

// Cairo font faces for the fonts of one Document, loaded with FreeType on first use and kept per
// font index. Each face owns its FT_Face (released through Cairo's user-data destroy callback,
// since Cairo's caches may keep a face alive after this object is gone) and shares ownership of
// the FT_Library, so the library outlives every face made from it.
class FontCache {
public:
    struct Font {
        cairo_font_face_t* face = nullptr;  // owned by the cache
        long num_glyphs = 0;                // glyph ids at or above this are invalid
    };

    FontCache(std::vector<typeset::FontFace> fonts, Diagnostics& diag);

    // Takes the fonts beyond the ones it has (a table that grew while pages were painted).
    void extend(const std::vector<typeset::FontFace>& fonts);

    // nullptr when `index` is out of range or the font cannot be loaded (reported once).
    const Font* get(int index);
    // Loads every font now (problems reported as by get), so that other threads may use loaded().
    void load_all();
    // A font get() has loaded, else nullptr; never loads and never reports. Safe on any thread
    // while no other thread calls get() for a font not yet loaded, or extend().
    const Font* loaded(int index) const;

    // Hinting off so glyphs sit exactly where typeset/ placed them, in every output format.
    static FontOptionsPtr font_options();

private:
    std::optional<Font> load(const typeset::FontFace& font);

    struct Slot {
        bool tried = false;
        FontFacePtr owner;
        Font font;
    };
    std::vector<typeset::FontFace> fonts_;
    std::deque<Slot> slots_;  // a deque: extend() leaves the Fonts handed out where they are
    std::shared_ptr<FT_LibraryRec_> library_;
    bool library_failed_ = false;
    Diagnostics& diag_;
};

}  // namespace dw::paint
