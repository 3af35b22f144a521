#include "typeset/bidi.h"

#include <fribidi.h>
#include <glib.h>

namespace dw::typeset {

bool starts_right_to_left(std::string_view text) {
    int isolates = 0;
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && isolates == 0) return false;
        if (c >= 0x2066 && c <= 0x2068) ++isolates;
        if (c == 0x2069 && isolates > 0) --isolates;
        if (isolates > 0) continue;
        const FriBidiCharType type = fribidi_get_bidi_type(c);
        if (FRIBIDI_IS_STRONG(type) && FRIBIDI_IS_LETTER(type)) return FRIBIDI_IS_RTL(type);
    }
    return false;
}

}  // namespace dw::typeset
