#pragma once
#include <librsvg/rsvg.h>

#include <string>

namespace dw::paint {

// librsvg, opened with dlopen instead of linked. With its Rust runtime, libxml2 and ICU it is
// the largest library drukwerk uses, and linking it would make every process load it at
// start-up (docs/pdf-stack-findings.md). It is loaded when the first SVG outside the plain subset
// drukwerk draws itself (svg_drawing.h) is drawn, so most documents never load it.
struct SvgLibrary {
    decltype(&rsvg_handle_new_from_file) new_from_file = nullptr;
    decltype(&rsvg_handle_render_document) render_document = nullptr;
};

// Opens librsvg once per process (every caller after the first waits for that one load). nullptr
// when it cannot be opened; `error` then says why.
const SvgLibrary* svg_library(std::string* error = nullptr);

}  // namespace dw::paint
