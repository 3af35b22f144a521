#pragma once
#include <optional>

#include "cli/options.h"
#include "data/value.h"
#include "diag/diagnostics.h"
#include "layout/layout.h"
#include "typeset/page.h"

namespace dw::typeset {
class FontSystem;
class Hyphenator;
}  // namespace dw::typeset

namespace dw::cli {

// A layout with <cards>: every card of the data bound, typeset face by face, then imposed as
// --mode asks (sheets, print-shop, cards). Cards with errors (a bad row, an unknown theme, text
// that does not fit) are reported; with --keep-going the others are still returned and
// `exit_code` is kInputError, otherwise nothing is returned.
std::optional<typeset::Document> build_card_document(const layout::Layout& layout,
                                                     const data::Value& data, const Options& options,
                                                     typeset::FontSystem& fonts,
                                                     typeset::Hyphenator& hyphenator,
                                                     Diagnostics& diags, int& exit_code);

}  // namespace dw::cli
