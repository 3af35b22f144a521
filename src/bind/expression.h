#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "bind/box.h"
#include "bind/scope.h"
#include "diag/diagnostics.h"
#include "layout/node_template.h"

namespace dw::bind {

// Text with {{expressions}} evaluated. Page fields ({{page}}, {{pages}}) stay as markers that the
// typesetter fills in once pagination is known.
struct Piece {
    std::string text;
    Span::Field field = Span::Field::None;
    SourceLoc loc;  // the data value's location, or the template's for literal text
};

struct ExpressionContext {
    const Scope& scope;
    Diagnostics& diags;
    bool page_fields_allowed = false;  // only in headers and footers
};

// "Vergadering {{meeting}} op {{date | date-nl}}" → pieces. `loc` is where the text starts.
std::vector<Piece> evaluate_template(std::string_view text, const SourceLoc& loc,
                                     ExpressionContext& ctx);
// The same for a text the layout reader has already split (layout::Node's templates).
std::vector<Piece> evaluate_template(const layout::TextTemplate& parts, ExpressionContext& ctx);

// The same, flattened to a string (page fields are an error here).
std::string evaluate_string(std::string_view text, const SourceLoc& loc, ExpressionContext& ctx);
std::string evaluate_string(const layout::TextTemplate& parts, ExpressionContext& ctx);

// The value a path ("contact.email", "a.name", "attendees") names; reports unknown names with
// the keys that do exist. nullptr when missing (and reported when `report`).
const data::Value* resolve_path(std::string_view path, const SourceLoc& loc, ExpressionContext& ctx,
                                bool report = true);

// The value of a bare expression attribute such as each="attendees" or source="{{body}}".
const data::Value* resolve_reference(std::string_view attribute, const SourceLoc& loc,
                                     ExpressionContext& ctx, bool report = true);

// "present and not empty": what <if test="..."> checks.
bool is_truthy(const data::Value* v);

// A value as display text (lists joined with ", "). Maps and rich text are reported.
std::string value_text(const data::Value& v, const SourceLoc& loc, Diagnostics& diags);

}  // namespace dw::bind
