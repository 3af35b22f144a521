#include "layout/collection_decl.h"

#include <filesystem>

#include "layout/layout_reader.h"

namespace dw::layout {
namespace {

FieldDecl field(std::string name, FieldType type, std::string doc) {
    FieldDecl f;
    f.name = std::move(name);
    f.type = type;
    f.doc = std::move(doc);
    return f;
}

FieldDecl with_fields(FieldDecl f, std::vector<FieldDecl> fields) {
    f.fields = std::move(fields);
    return f;
}

// One file of the collection: its declared fields and its path.
std::vector<FieldDecl> meeting_fields(const FieldDecl& file_root) {
    std::vector<FieldDecl> fields = file_root.fields;
    fields.push_back(field("source", FieldType::Text, "The path of the data file."));
    return fields;
}

// An action of the series: the files' action fields, and where it was raised and closed.
FieldDecl action_list(const std::string& name, const FieldDecl& actions,
                      const std::vector<FieldDecl>& meeting, std::string doc) {
    std::vector<FieldDecl> fields = actions.fields;
    fields.push_back(with_fields(
        field("raised", FieldType::Map, "The meeting that first listed the action."), meeting));
    fields.push_back(with_fields(
        field("closed", FieldType::Map, "The meeting that marked it done; empty while open."),
        meeting));
    fields.push_back(
        field("overdue", FieldType::Bool, "Open and due before the latest meeting's date."));
    return with_fields(field(name, FieldType::List, std::move(doc)), std::move(fields));
}

// The collection layout being read, while the files' layout is loaded: a layout whose files
// are a collection again would never end (or read itself).
thread_local int g_reading_files_layout = 0;

}  // namespace

FieldDecl collection_root(const std::string& name, const FieldDecl& file_root) {
    const std::vector<FieldDecl> meeting = meeting_fields(file_root);
    FieldDecl root;
    root.type = FieldType::Map;
    root.required = true;
    root.doc = file_root.doc;
    root.fields.push_back(
        with_fields(field(name, FieldType::List, "The data files, ordered by date."), meeting));
    root.fields.push_back(
        with_fields(field("latest", FieldType::Map, "The last file by date."), meeting));
    const FieldDecl* actions = file_root.find("actions");
    if (!actions || !actions->has_item_fields()) return root;
    root.fields.push_back(
        action_list("actions", *actions, meeting, "Every action: the open ones, then the done."));
    root.fields.push_back(
        action_list("open", *actions, meeting, "The open actions, by owner, then due date."));
    root.fields.push_back(action_list("done", *actions, meeting,
                                      "The done actions, in the order they were closed."));
    root.fields.push_back(with_fields(
        field("owners", FieldType::List, "The open actions grouped by owner (who)."),
        {field("name", FieldType::Text, "The owner."),
         action_list("actions", *actions, meeting, "The owner's open actions.")}));
    return root;
}

// The fields of `f` with every meeting (a map or list of the files' fields) left unexpanded.
void prune_meetings(FieldDecl& f, const std::vector<std::string>& meeting) {
    for (auto& child : f.fields) {
        if (!child.fields.empty() && child.field_names() == meeting) {
            child.fields.clear();
            if (child.type == FieldType::List) child.item_type = FieldType::Map;
            child.doc += " The fields of a file, and `source`.";
        } else {
            prune_meetings(child, meeting);
        }
    }
}

FieldDecl collection_outline(const Layout& layout) {
    FieldDecl root = layout.data.document.root;
    const FieldDecl* files = root.find(layout.collection);
    if (files) prune_meetings(root, files->field_names());
    return root;
}

void read_collection_decl(const Node& root, Layout& layout, Diagnostics& diags) {
    for (const auto& node : root.children) {
        if (node.element != "data" || !node.attribute("collection")) continue;
        // Until the files' data is known, the layout's uses of data cannot be checked: one
        // error here, not one at every {{path}}.
        layout.data.declared = false;
        const std::string* files = node.attribute("layout");
        if (!node.children.empty())
            diags.error(node.children.front().loc, "a collection declares no fields of its own",
                        "its files' fields are those of layout=; what it binds is fixed "
                        "(docs/action-list.md)");
        if (!files) {
            diags.error(node.loc, "a collection needs the layout of its files",
                        "add layout=\"minutes.xml\": each file is checked against its <data>");
            return;
        }
        if (g_reading_files_layout > 0) {
            diags.error(node.attribute_loc("collection"),
                        "the files of a collection cannot be a collection themselves",
                        "name a layout that takes one data file");
            return;
        }
        namespace fs = std::filesystem;
        std::string path = (fs::path(layout.file).parent_path() / *files).lexically_normal().string();
        ++g_reading_files_layout;
        std::optional<Layout> files_layout = load_layout(path, diags);
        --g_reading_files_layout;
        if (!files_layout) return;
        if (!files_layout->data.declared || files_layout->cards) {
            diags.error(node.attribute_loc("layout"),
                        "'" + *files + "' declares no document data to collect",
                        "name a layout with a <data> for its document, such as minutes.xml");
            return;
        }
        layout.collection = *node.attribute("collection");
        layout.data.declared = true;
        layout.data.document.format = files_layout->data.document.format;
        layout.data.document.loc = node.loc;
        layout.data.document.root =
            collection_root(layout.collection, files_layout->data.document.root);
        layout.data.document.root.doc = node.attribute_or("doc", "");
        layout.collection_files = std::make_shared<const Layout>(std::move(*files_layout));
        return;
    }
}

}  // namespace dw::layout
