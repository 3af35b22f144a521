#include "cli/graphics_libraries.h"

#include <dlfcn.h>

#include <mutex>
#include <string_view>

namespace dw::cli {

bool load_graphics_libraries(std::string& error) {
    static std::once_flag once;
    static std::string failure;
    std::call_once(once, [] {
        std::string_view sonames = DRUKWERK_GRAPHICS_SONAMES;  // "a.so.1:b.so.2", from CMake
        while (!sonames.empty() && failure.empty()) {
            size_t end = std::min(sonames.find(':'), sonames.size());
            std::string soname(sonames.substr(0, end));
            sonames.remove_prefix(std::min(end + 1, sonames.size()));
            // RTLD_GLOBAL: the program's own calls must find them. RTLD_LAZY: their calls to each
            // other are bound on first use, as when the loader maps them at start. Never closed.
            if (!soname.empty() && !dlopen(soname.c_str(), RTLD_LAZY | RTLD_GLOBAL)) {
                const char* why = dlerror();
                failure = why ? why : "cannot load " + soname;
            }
        }
    });
    error = failure;
    return failure.empty();
}

}  // namespace dw::cli
