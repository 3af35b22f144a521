#pragma once
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

// Owning pointers for the C handles of the font stack, so that no code path leaks or frees twice.
namespace dw::typeset {

struct GObjectUnref {
    void operator()(gpointer object) const {
        if (object) g_object_unref(object);
    }
};
template <class T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct FcConfigDestroyer {
    void operator()(FcConfig* config) const {
        if (config) FcConfigDestroy(config);
    }
};
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDestroyer>;

struct FontDescriptionFree {
    void operator()(PangoFontDescription* desc) const {
        if (desc) pango_font_description_free(desc);
    }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, FontDescriptionFree>;

}  // namespace dw::typeset
