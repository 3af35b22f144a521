#include "paint/haru_module.h"

#include <hpdf_version.h>

extern "C" int drukwerk_haru_render(const dw::paint::HaruModuleAbi* abi,
                                    const dw::typeset::Document* doc,
                                    const dw::paint::HaruOptions* options, dw::Diagnostics* diag,
                                    std::string* pdf) {
    if (!(*abi == dw::paint::HaruModuleAbi{})) return 2;
    dw::paint::HaruOptions with_producer = *options;
    with_producer.producer = "drukwerk " DRUKWERK_VERSION " (libharu " HPDF_VERSION_TEXT ")";
    // No exception may leave the module: the caller is another program's C entry point.
    try {
        std::optional<std::string> out = dw::paint::render_with_haru(*doc, with_producer, *diag);
        if (!out) return 1;
        *pdf = std::move(*out);
        return 0;
    } catch (const std::exception& e) {
        diag->error({}, std::string("the libharu PDF writer failed: ") + e.what());
        return 1;
    }
}
