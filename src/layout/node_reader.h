#pragma once
#include <optional>
#include <string>

#include "diag/diagnostics.h"
#include "layout/layout.h"
#include "layout/schema.h"
#include "layout/source_map.h"

namespace tinyxml2 {
class XMLDocument;
}

namespace dw::layout {

// Turns a parsed XML document into the template tree, checking every element, attribute and
// piece of text against the schema. Every problem becomes a diagnostic; elements that break the
// schema are left out of the tree (after their own content has been checked too). nullopt only
// when the root element is not the language's root.
std::optional<Node> read_nodes(const tinyxml2::XMLDocument& doc, const SourceMap& source,
                               const std::string& file, const XmlLanguage& language,
                               Diagnostics& diags);

}  // namespace dw::layout
