#pragma once
#include <fontconfig/fontconfig.h>

#include <string>

namespace dw::typeset {

// The first string value of `object` (FC_FILE, FC_FAMILY, FC_STYLE...) in a fontconfig pattern,
// or "" when it has none. The pattern keeps ownership of the value, so copy it.
inline std::string pattern_string(FcPattern* pattern, const char* object) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(pattern, object, 0, &value) != FcResultMatch) return {};
    return reinterpret_cast<const char*>(value);
}

}  // namespace dw::typeset
