#pragma once
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

// Owning pointers for the C handles of the font and text stack, so that no code path leaks or frees twice.
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

struct AttrListUnref {
    void operator()(PangoAttrList* list) const {
        if (list) pango_attr_list_unref(list);
    }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, AttrListUnref>;

struct LayoutIterFree {
    void operator()(PangoLayoutIter* iter) const {
        if (iter) pango_layout_iter_free(iter);
    }
};
using LayoutIterPtr = std::unique_ptr<PangoLayoutIter, LayoutIterFree>;

}  // namespace dw::typeset
