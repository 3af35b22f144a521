// Reading a PDF's objects through `qpdf --json`, for end-to-end tests that check the PDF's
// dictionaries (catalog, pages, annotations, structure tree) rather than its text.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "e2e/e2e_support.h"

namespace e2e {

// `qpdf --json --json-key=KEY pdf`, parsed; REQUIREs that qpdf succeeds and the JSON is valid.
Json qpdf_json(const fs::path& pdf, const std::string& key);

// The objects of `qpdf --json --json-key=qpdf`: "N G R" → value; "trailer" → the trailer.
std::map<std::string, const Json*> qpdf_objects(const Json& root);

// A value that may be an indirect reference ("12 0 R"), resolved.
const Json* resolve(const std::map<std::string, const Json*>& objects, const Json* v);

// qpdf writes text strings as "u:text" (and binary ones as "b:hex").
std::string pdf_text(const Json* v);

// The page dictionaries in order, through /Root /Pages /Kids.
std::vector<const Json*> pdf_pages(const std::map<std::string, const Json*>& objects);

// The decoded data of stream object `ref` ("12 0 R").
std::string stream_data(const fs::path& pdf, const std::string& ref);

}  // namespace e2e
