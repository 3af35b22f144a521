#include "paint/svg_library.h"

#include <dlfcn.h>

#include <mutex>

#include "diag/phase_clock.h"

namespace dw::paint {
namespace {

constexpr const char* kLibrsvg = "librsvg-2.so.2";  // the soname Debian's librsvg2-2 installs

struct Loader {
    std::once_flag once;
    SvgLibrary library;
    bool loaded = false;
    std::string error;

    template <typename Function>
    bool find(void* handle, const char* name, Function& out) {
        out = reinterpret_cast<Function>(dlsym(handle, name));
        if (!out) error = std::string(kLibrsvg) + " has no " + name;
        return out != nullptr;
    }

    void load() {
        void* handle = dlopen(kLibrsvg, RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            const char* why = dlerror();
            error = why ? why : std::string("cannot open ") + kLibrsvg;
            return;
        }
        // Never closed: drawings made with it live as long as the process.
        loaded = find(handle, "rsvg_handle_new_from_file", library.new_from_file) &&
                 find(handle, "rsvg_handle_render_document", library.render_document);
        mark_phase("svg library loaded");
    }
};

// Never destroyed: a painting task on the executor may still be inside load() when the process
// exits.
Loader& loader() {
    static Loader* instance = new Loader;
    return *instance;
}

}  // namespace

const SvgLibrary* svg_library(std::string* error) {
    Loader& l = loader();
    std::call_once(l.once, [&l] { l.load(); });
    if (l.loaded) return &l.library;
    if (error) *error = l.error + " (install librsvg2-2)";
    return nullptr;
}

}  // namespace dw::paint
