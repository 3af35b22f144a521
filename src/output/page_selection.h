#pragma once
#include <optional>
#include <vector>

#include "diag/diagnostics.h"
#include "typeset/page.h"

namespace dw::output {

// The 1-based page numbers to write: `requested` in the given order without repeats, or every
// page when it is empty. nullopt (after reporting) when a number is not a page of the document.
std::optional<std::vector<int>> resolve_page_numbers(const std::vector<int>& requested,
                                                     size_t page_count, Diagnostics& diag);

// A copy of `doc` with only the pages `numbers` (1-based, valid). Outline entries and internal
// links whose destination is not on a kept page are dropped: they would lead nowhere.
typeset::Document select_pages(const typeset::Document& doc, const std::vector<int>& numbers);

}  // namespace dw::output
