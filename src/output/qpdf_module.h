#pragma once
#include <stddef.h>

// The entry point of drukwerk-qpdf.so, the page-box step of page_boxes.h with libqpdf, loaded
// only by renders that set page boxes (see module_loader.h). Plain C types: the module needs
// nothing else of drukwerk, and no C++ object crosses the boundary.
extern "C" {

// A rectangle in PDF user space (y up from the bottom of the page).
struct DrukwerkPdfRect {
    double left, bottom, right, top;
};

struct DrukwerkPageBoxes {
    int has_trim, has_bleed;
    DrukwerkPdfRect trim, bleed;
};

// Receives bytes: the rewritten PDF, or an error message.
typedef void (*DrukwerkBytesSink)(void* context, const char* data, size_t size);

// Sets /TrimBox and /BleedBox on the pages of `pdf` (`page_count` entries, one per page, in
// order) and hands the rewritten PDF to `out`: 0. On failure, or when the PDF has another number
// of pages, the message goes to `error`: 1. Both sinks get `context`.
typedef int DrukwerkQpdfSetPageBoxes(const char* pdf, size_t pdf_size,
                                     const DrukwerkPageBoxes* pages, size_t page_count,
                                     DrukwerkBytesSink out, DrukwerkBytesSink error, void* context);
__attribute__((visibility("default"))) DrukwerkQpdfSetPageBoxes drukwerk_qpdf_set_page_boxes;
}
