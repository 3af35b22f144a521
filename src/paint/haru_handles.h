#pragma once
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hpdf.h>

#include <memory>

// Owning smart pointers for the C handles of the libharu painter. Internal to paint/.
namespace dw::paint {

struct HaruDeleter {
    void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using HaruDocPtr = std::unique_ptr<HPDF_Doc_Rec, HaruDeleter>;

struct FreeTypeDeleter {
    void operator()(FT_Library lib) const { FT_Done_FreeType(lib); }
    void operator()(FT_Face face) const { FT_Done_Face(face); }
};
using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, FreeTypeDeleter>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, FreeTypeDeleter>;

}  // namespace dw::paint
