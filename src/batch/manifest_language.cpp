#include "batch/manifest_language.h"

namespace dw::batch {
namespace {

using layout::AttrSpec;
using layout::Content;
using layout::ElementSpec;
using T = layout::AttrType;

AttrSpec attribute(std::string name, T type, std::string doc, bool required = false,
                   std::string default_value = "") {
    AttrSpec a;
    a.name = std::move(name);
    a.type = type;
    a.doc = std::move(doc);
    a.required = required;
    a.default_value = std::move(default_value);
    return a;
}

AttrSpec ranged(std::string name, T type, double min, double max, std::string doc) {
    AttrSpec a = attribute(std::move(name), type, std::move(doc));
    a.min = min;
    a.max = max;
    return a;
}

ElementSpec element(std::string name, std::string doc, Content content,
                    std::vector<std::string> children, std::vector<AttrSpec> attributes) {
    ElementSpec e;
    e.name = std::move(name);
    e.doc = std::move(doc);
    e.content = content;
    e.children = std::move(children);
    e.attributes = std::move(attributes);
    return e;
}

std::vector<AttrSpec> job_attributes() {
    return {
        attribute("name", T::Name, "Name of the job in progress lines and the summary.", true),
        attribute("data", T::String,
                  "Data file (Markdown, YAML or CSV); for a layout that takes a collection, a "
                  "pattern such as verslag-*.md (*, ?, [...]) for its files, or <data> "
                  "elements inside the job instead."),
        attribute("layout", T::String, "Layout file.", true),
        attribute("output", T::String, "Output file; its extension picks the format.", true),
        attribute("format", T::String, "Output format (pdf, png, svg) when not the extension's."),
        ranged("dpi", T::Number, 1, 2400, "Resolution of PNG output."),
        attribute("pages", T::String, "Pages to render, e.g. 1,3-5."),
        ranged("width-px", T::Int, 1, 20000, "Width of PNG output in pixels, instead of dpi."),
        attribute("page-master", T::String, "The layout's page master to start with (a variant)."),
        attribute("backend", T::String, "PDF writer: cairo (default) or haru."),
        attribute("pdf-standard", T::String, "a-1b: an archival PDF/A-1b (written with libharu)."),
        attribute("permissions", T::String,
                  "Restrictions such as no-print,no-copy,no-modify,no-annotate (RC4, libharu)."),
        attribute("owner-password", T::String, "Owner password for --permissions."),
        attribute("where", T::String, "Card decks: only the cards with FIELD=VALUE (or !=)."),
        attribute("sort", T::String, "Card decks: the field to sort the cards by."),
        attribute("mode", T::String, "Card decks: sheets, print-shop or cards."),
        attribute("faces", T::String, "Card decks: both, fronts or backs."),
        ranged("timeout", T::Number, 0.1, 86400,
               "Seconds the job may run before it is stopped; default: the manifest's."),
        attribute("args", T::String,
                  "Further `drukwerk render` options for this job, separated by spaces."),
        attribute("strict", T::Bool,
                  "Data fields the layout does not declare are errors (render --strict); "
                  "default: the manifest's."),
    };
}

std::vector<ElementSpec> build_manifest_schema() {
    return {
        element("manifest", "A batch of render jobs for `drukwerk build`.", Content::Elements,
                {"allow", "job"},
                {attribute("root", T::String,
                           "The project folder, relative to the manifest: jobs may read and write "
                           "only inside it (and inside <allow> folders).",
                           false, "."),
                 ranged("jobs", T::Int, 1, 256, "Worker processes; default: the number of cores."),
                 ranged("timeout", T::Number, 0.1, 86400,
                        "Default seconds a job may run before it is stopped (120)."),
                 attribute("strict", T::Bool,
                           "true: every job renders with --strict (data fields the layout does "
                           "not declare are errors, not warnings).",
                           false, "false")}),
        element("allow", "A further folder jobs may read from (fonts, shared images).",
                Content::Empty, {},
                {attribute("path", T::String, "The folder, relative to the manifest.", true)}),
        element("job", "One document to render: data + layout -> output.", Content::Elements,
                {"data"}, job_attributes()),
        element("data", "One data file of a job whose layout takes a collection.",
                Content::Empty, {},
                {attribute("file", T::String, "The file, relative to the manifest.", true)}),
    };
}

}  // namespace

const layout::XmlLanguage& manifest_language() {
    static const std::vector<ElementSpec> table = build_manifest_schema();
    static const layout::XmlLanguage language{&table, "manifest", "manifest",
                                              "a manifest starts with <manifest>"};
    return language;
}

}  // namespace dw::batch
