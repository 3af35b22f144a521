#pragma once
#include <cstddef>
#include <string>

#include "diag/diagnostics.h"
#include "paint/haru_painter.h"
#include "typeset/page.h"

// The entry point of drukwerk-haru.so: render_with_haru (haru_painter.h) as a module that only
// --backend haru, --pdf-standard and --permissions load (see output/module_loader.h). Unlike
// the page-box module it takes C++ objects, since a typeset::Document has no small C form: the
// module is built from the same sources by the same build as the program, and the fingerprint
// below makes a module left over from another build refuse the call instead of misreading them.
namespace dw::paint {

struct HaruModuleAbi {
    int interface = 1;  // raise when a type crossing the boundary changes without changing size
    std::size_t document = sizeof(typeset::Document);
    std::size_t page = sizeof(typeset::Page);
    std::size_t options = sizeof(HaruOptions);
    std::size_t diagnostics = sizeof(Diagnostics);
    std::size_t string = sizeof(std::string);
    bool operator==(const HaruModuleAbi&) const = default;
};

}  // namespace dw::paint

extern "C" {
// 0: `pdf` holds the PDF. 1: it could not be drawn, reported in `diag`. 2: `abi` is not the
// module's; nothing else was touched. The producer entry names the libharu the module uses.
typedef int DrukwerkHaruRender(const dw::paint::HaruModuleAbi* abi,
                               const dw::typeset::Document* doc,
                               const dw::paint::HaruOptions* options, dw::Diagnostics* diag,
                               std::string* pdf);
__attribute__((visibility("default"))) DrukwerkHaruRender drukwerk_haru_render;
}
