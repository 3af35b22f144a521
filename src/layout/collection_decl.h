#pragma once
#include <string>

#include "diag/diagnostics.h"
#include "layout/data_decl.h"
#include "layout/layout.h"

namespace dw::layout {

// <data collection="meetings" layout="minutes.xml">: a layout that takes many data files at
// once, each of them the data of another layout (a series of minutes for its running action
// list). Each file is validated against that layout's declaration; binding then sees one map
// that describes the series (collection_root below; built by data/meeting_series.h):
//   <collection>  the files' data in date order, each with `source`, its path
//   latest        the last of them
//   actions       every action of the series (when the files declare `actions`): open, then done
//   open, done    the open and the done actions
//   owners        the open actions by owner: name, actions
// An action carries its latest fields, `raised` and `closed` (the meetings, as in
// <collection>; closed is empty while open) and `overdue` (open, due before latest.date).

// Reads the collection declaration of a layout's <data>, if any: loads the files' layout into
// layout.collection_files and declares layout.data as collection_root(). A collection of
// collections is an error at the <data> element.
void read_collection_decl(const Node& root, Layout& layout, Diagnostics& diags);

// The data binding sees for a collection named `name` of files declared as `file_root`.
FieldDecl collection_root(const std::string& name, const FieldDecl& file_root);

// A collection layout's data for its reference page: the meetings (in the collection, latest,
// raised and closed) are not expanded, their fields are the files' layout's.
FieldDecl collection_outline(const Layout& layout);

}  // namespace dw::layout
