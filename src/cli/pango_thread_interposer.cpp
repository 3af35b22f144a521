// Part of the program only (not of a stage library): Pango's font matching, without threads.
//
// Pango 1.50 starts two threads for every new font pattern it meets (pangofc-fontmap.c,
// pango_fc_patterns_new: "[pango] FcFontSetMatch" and "[pango] FcFontSetSort") and waits for
// their results when the pattern is first used. A pattern is a family, weight, style and size,
// so a document makes one per text size and face: 33 threads for the minutes, each a clone()
// with its stack, for ~50 µs of fontconfig work over the ten bundled fonts. Run in the calling
// thread instead (what Pango did before 1.50), the same results come 1-2 ms sooner per render
// (interleaved: minutes -1.0 ms, 120 cards -1.7 ms; the PDFs are byte-identical). A program's
// own definitions come first in the dynamic linker's lookup, so this g_thread_new receives
// Pango's calls. Every other thread is started by GLib's own g_thread_new, found with dlsym.
//
// Safe because Pango's two functions only compute, then lock the pattern's own mutex (not held
// by the caller) to store their result; the caller releases the GThread it is given with
// g_thread_unref, which here drops the extra reference taken on the calling thread's own.
#include <dlfcn.h>
#include <glib.h>

#include <cstring>

namespace {

using ThreadNew = GThread* (*)(const gchar*, GThreadFunc, gpointer);

bool is_pango_matching(const gchar* name) {
    return name && (std::strcmp(name, "[pango] FcFontSetMatch") == 0 ||
                    std::strcmp(name, "[pango] FcFontSetSort") == 0);
}

}  // namespace

extern "C" GThread* g_thread_new(const gchar* name, GThreadFunc func, gpointer data) {
    if (is_pango_matching(name)) {
        func(data);
        return g_thread_ref(g_thread_self());
    }
    static const auto glib_thread_new =
        reinterpret_cast<ThreadNew>(dlsym(RTLD_NEXT, "g_thread_new"));
    return glib_thread_new(name, func, data);
}
