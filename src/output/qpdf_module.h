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

// The accessibility step of pdf_accessibility.h (PDF/UA-1), in the same module.
extern "C" {

// The text a structure element gives assistive technology in place of its content: /Alt on a
// Figure, /ActualText on any other element (letter-spaced text that readers would spell out).
struct DrukwerkElementText {
    const char* type;  // the structure type without its slash: "Figure", "P"
    size_t ordinal;    // among the elements of that type, depth first in the order begun
    const char* text;  // UTF-8
};

// A part of an element that a page break split (the part on a later page), to be joined to the
// element's first part: the part's structure type and ordinal (as in DrukwerkElementText) and
// the ordinal of the first part, of the same type.
struct DrukwerkElementJoin {
    const char* type;
    size_t ordinal;
    size_t first;
};

struct DrukwerkAccessibility {
    const char* xmp;  // the XMP packet for the catalog's /Metadata
    size_t xmp_size;
    const DrukwerkElementText* texts;  // the elements that carry a text; others are left alone
    size_t text_count;
    const DrukwerkElementJoin* joins;  // in the order the parts were begun
    size_t join_count;
};

// Finishes a PDF that Cairo wrote with structure tags: the XMP /Metadata, /Alt on figures,
// the parts of split elements joined into one (their content on every page, their children),
// /Tabs /S on pages with annotations, /Contents on link annotations (their URI or destination),
// every piece of page content outside marked content wrapped as an /Artifact, the Private and
// NonStruct elements made header and footer pagination artifacts, and ligature characters in
// ToUnicode maps replaced by their letters. The result goes to `out` in pieces of about 1 MB,
// in order, as it is written (never whole in memory): 0; on failure the message goes to
// `error`: 1.
// The name ends in the version of DrukwerkAccessibility's layout: a module left over from another
// build lacks it and is refused with a message (module_loader.h), instead of reading the
// structure wrong.
typedef int DrukwerkQpdfFinishAccessibility(const char* pdf, size_t pdf_size,
                                            const DrukwerkAccessibility* accessibility,
                                            DrukwerkBytesSink out, DrukwerkBytesSink error,
                                            void* context);
__attribute__((visibility("default"))) DrukwerkQpdfFinishAccessibility
    drukwerk_qpdf_finish_accessibility_2;
}
