#include "batch/manifest_reader.h"

#include <filesystem>
#include <map>
#include <sstream>

#include "batch/data_pattern.h"
#include "batch/manifest_language.h"
#include "data/path_guard.h"
#include "layout/xml_tree.h"

namespace dw::batch {
namespace {

namespace fs = std::filesystem;

// <job> attributes that are `drukwerk render` options of the same name.
const char* const kRenderOptions[] = {"format",      "dpi",          "pages",       "width-px",
                                      "page-master", "backend",      "pdf-standard", "permissions",
                                      "owner-password", "where",     "sort",         "mode",
                                      "faces"};

std::string resolve(const std::string& dir, const std::string& path) {
    return (fs::path(path).is_absolute() ? fs::path(path) : fs::path(dir) / path)
        .lexically_normal()
        .string();
}

// `args="--format png --dpi 150"`: split on spaces; "double quotes" keep spaces in one argument.
std::vector<std::string> split_arguments(const std::string& text) {
    std::vector<std::string> args;
    std::string current;
    bool quoted = false, any = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (c == ' ' && !quoted) {
            if (any) args.push_back(current);
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any) args.push_back(current);
    return args;
}

class ManifestBuilder {
public:
    ManifestBuilder(const std::string& file, Diagnostics& diags) : diags_(diags) {
        manifest_.file = file;
        manifest_.directory = fs::path(file).parent_path().string();
        if (manifest_.directory.empty()) manifest_.directory = ".";
    }

    Manifest build(const layout::Node& root) {
        std::string root_dir = resolve(manifest_.directory, root.attribute_or("root", "."));
        check_folder(root_dir, root.attribute_loc("root"));
        manifest_.allowed_dirs.push_back(data::canonical_path(root_dir));
        if (const std::string* jobs = root.attribute("jobs")) manifest_.workers = std::stoi(*jobs);
        default_timeout_ = std::stod(root.attribute_or("timeout", "120"));
        strict_ = root.attribute_or("strict", "false") == "true";
        for (const auto& child : root.children) {
            if (child.element == "allow") add_allowed(child);
        }
        for (const auto& child : root.children) {
            if (child.element == "job") add_job(child);
        }
        check_outputs();
        return std::move(manifest_);
    }

private:
    void check_folder(const std::string& dir, const SourceLoc& loc) {
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) diags_.error(loc, "folder not found: '" + dir + "'");
    }

    void add_allowed(const layout::Node& allow) {
        std::string dir = resolve(manifest_.directory, *allow.attribute("path"));
        check_folder(dir, allow.attribute_loc("path"));
        manifest_.allowed_dirs.push_back(data::canonical_path(dir));
    }

    void add_job(const layout::Node& node) {
        Job job;
        job.loc = node.loc;
        job.name = *node.attribute("name");
        if (!names_.emplace(job.name, node.loc).second) {
            diags_.error(node.attribute_loc("name"), "a second job named '" + job.name + "'",
                         "the first is at line " + std::to_string(names_[job.name].line));
        }
        read_data(node, job);
        job.layout = confined_path(node, "layout");
        job.output = confined_path(node, "output");
        for (const char* option : kRenderOptions) {
            if (const std::string* value = node.attribute(option)) {
                job.render_args.push_back(std::string("--") + option);
                job.render_args.push_back(*value);
            }
        }
        for (auto& arg : split_arguments(node.attribute_or("args", "")))
            job.render_args.push_back(std::move(arg));
        if (node.attribute_or("strict", strict_ ? "true" : "false") == "true")
            job.render_args.push_back("--strict");
        const std::string* timeout = node.attribute("timeout");
        job.timeout_seconds = timeout ? std::stod(*timeout) : default_timeout_;
        manifest_.jobs.push_back(std::move(job));
    }

    // data="file", data="pattern" or <data file="..."/> children: one of them.
    void read_data(const layout::Node& node, Job& job) {
        std::vector<const layout::Node*> files;
        for (const auto& child : node.children)
            if (child.element == "data") files.push_back(&child);
        if (node.attribute("data") && !files.empty())
            diags_.error(files.front()->loc, "a job has data= or <data> elements, not both");
        if (!node.attribute("data") && files.empty())
            diags_.error(node.loc, "job '" + job.name + "' has no data",
                         "add data=\"FILE\", or <data file=\"FILE\"/> for each file of a collection");
        if (node.attribute("data")) {
            job.data = confined_path(node, "data");
            if (is_data_pattern(job.data)) expand_data(node, job);
            return;
        }
        for (const layout::Node* file : files) job.data_files.push_back(confined_path(*file, "file"));
        if (!job.data_files.empty()) job.data = job.data_files.front();
    }

    // A pattern's files, each confined as the pattern is; none is an error.
    void expand_data(const layout::Node& node, Job& job) {
        job.data_files = expand_data_pattern(job.data);
        if (job.data_files.empty())
            diags_.error(node.attribute_loc("data"),
                         "no file matches '" + *node.attribute("data") + "'",
                         "the pattern is relative to the manifest, like every path in it");
        for (const auto& file : job.data_files) {
            if (data::path_is_allowed(file, manifest_.allowed_dirs)) continue;
            diags_.error(node.attribute_loc("data"), "'" + file + "' is outside the project");
        }
    }

    std::string confined_path(const layout::Node& node, const std::string& attribute) {
        std::string path = resolve(manifest_.directory, *node.attribute(attribute));
        if (!data::path_is_allowed(path, manifest_.allowed_dirs)) {
            diags_.error(node.attribute_loc(attribute),
                         "the " + attribute + " path '" + *node.attribute(attribute) +
                             "' is outside the project",
                         "jobs may only use files under the manifest's root folder; add an "
                         "<allow path=\"...\"/> for another folder");
        }
        return path;
    }

    // Two jobs writing one file would race; a job writing onto an input would destroy it.
    void check_outputs() {
        std::map<std::string, const Job*> inputs, outputs;
        for (const auto& job : manifest_.jobs) {
            inputs.emplace(data::canonical_path(job.data), &job);
            for (const auto& file : job.data_files) inputs.emplace(data::canonical_path(file), &job);
            inputs.emplace(data::canonical_path(job.layout), &job);
        }
        for (const auto& job : manifest_.jobs) {
            std::string out = data::canonical_path(job.output);
            if (auto it = inputs.find(out); it != inputs.end()) {
                diags_.error(job.loc, "job '" + job.name + "' would overwrite an input",
                             "'" + job.output + "' is read by job '" + it->second->name + "'");
            }
            auto [it, fresh] = outputs.emplace(out, &job);
            if (!fresh) {
                diags_.error(job.loc, "jobs '" + it->second->name + "' and '" + job.name +
                                          "' write the same file '" + job.output + "'");
            }
        }
    }

    Manifest manifest_;
    Diagnostics& diags_;
    bool strict_ = false;  // <manifest strict="true">
    double default_timeout_ = 120;
    std::map<std::string, SourceLoc> names_;
};

}  // namespace

std::optional<Manifest> load_manifest(const std::string& path, Diagnostics& diags) {
    const auto& language = manifest_language();
    std::optional<std::string> xml = layout::read_xml_file(path, language, diags);
    if (!xml) return std::nullopt;
    std::optional<layout::Node> root = layout::parse_xml_tree(*xml, path, language, diags);
    if (!root || diags.has_errors()) return std::nullopt;
    Manifest manifest = ManifestBuilder(path, diags).build(*root);
    if (diags.has_errors()) return std::nullopt;
    return manifest;
}

}  // namespace dw::batch
