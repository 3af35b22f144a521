#include "output/haru_writer.h"

#include "output/module_loader.h"
#include "paint/haru_module.h"

namespace dw::output {

std::optional<std::string> write_with_haru(const typeset::Document& doc,
                                           const paint::HaruOptions& options, Diagnostics& diag) {
    const std::optional<Module> module = Module::load(
        kHaruModule,
        "the libharu PDF writer (--backend haru, --pdf-standard, --permissions)", diag);
    if (!module) return std::nullopt;
    auto* render =
        reinterpret_cast<DrukwerkHaruRender*>(module->function("drukwerk_haru_render", diag));
    if (!render) return std::nullopt;
    const paint::HaruModuleAbi abi;
    std::string pdf;
    switch (render(&abi, &doc, &options, &diag, &pdf)) {
        case 0:
            return pdf;
        case 2:
            diag.error({}, "the module " + module->path() + " is from another build of drukwerk",
                       "rebuild drukwerk: the module is built with it");
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace dw::output
