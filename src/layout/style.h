#pragma once
#include <array>
#include <optional>
#include <string>

#include "diag/source_loc.h"
#include "layout/color.h"
#include "layout/length.h"

namespace dw::layout {

enum class Align { Left, Right, Center, Justify };
enum class TextCase { AsIs, Upper, Lower };

// A fully resolved text style: `base=` inheritance has been applied by the reader, so every field
// holds its final value.
struct Style {
    std::string name;
    SourceLoc loc;
    std::string family = "Lato";
    SourceLoc family_loc;  // where `family` is written (in this style or the one it inherits from)
    int weight = 400;  // 100..900; "bold" = 700
    bool italic = false;
    double size = 10;          // pt
    Color color;               // default black
    double line_height = 1.3;  // multiple of size
    double space_before = 0;   // pt
    double space_after = 0;    // pt
    Align align = Align::Left;
    double first_indent = 0;   // pt, first line
    double left_indent = 0;    // pt, whole block
    double letter_spacing = 0; // pt
    TextCase text_case = TextCase::AsIs;
    std::string hyphenate;     // language tag ("nl") or empty for no hyphenation
    bool keep_with_next = false;
    int widows = 2;
    int orphans = 2;
    std::optional<Color> background;  // highlight behind the block
    double min_size = 0;  // pt; > 0: may shrink to this size in a box with fit="shrink"
    // Table cells set in this style (ignored elsewhere)
    std::array<double, 4> cell_padding{0, 0, 0, 0};  // pt: top, right, bottom, left
    double rule_below = 0;                           // pt; 0: none
    std::optional<Color> rule_color;                 // default: the text colour
};

}  // namespace dw::layout
