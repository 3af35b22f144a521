#include "e2e/qpdf_json.h"

#include <catch2/catch.hpp>
#include <functional>
#include <regex>

namespace e2e {

Json qpdf_json(const fs::path& pdf, const std::string& key) {
    RunResult r = run({"qpdf", "--json", "--json-key=" + key, pdf.string()});
    INFO("command: " << r.command << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    std::string error;
    std::optional<Json> json = parse_json(r.out, &error);
    INFO(error);
    REQUIRE(json);
    return *json;
}

std::map<std::string, const Json*> qpdf_objects(const Json& root) {
    std::map<std::string, const Json*> objects;
    const Json* qpdf = root.find("qpdf");
    REQUIRE(qpdf);
    REQUIRE(qpdf->is_array());
    REQUIRE(qpdf->array.size() == 2);
    for (const auto& [key, wrapper] : qpdf->array[1].object) {
        const Json* value = wrapper.find("value");
        if (!value) value = wrapper.find("stream") ? wrapper.find("stream")->find("dict") : nullptr;
        if (!value) continue;
        if (starts_with(key, "obj:"))
            objects[key.substr(4)] = value;
        else
            objects[key] = value;  // "trailer"
    }
    return objects;
}

const Json* resolve(const std::map<std::string, const Json*>& objects, const Json* v) {
    if (v && v->is_string()) {
        static const std::regex ref(R"(\d+ \d+ R)");
        if (std::regex_match(v->string, ref)) {
            auto it = objects.find(v->string);
            return it == objects.end() ? nullptr : it->second;
        }
    }
    return v;
}

std::string pdf_text(const Json* v) {
    if (!v || !v->is_string()) return {};
    if (starts_with(v->string, "u:")) return v->string.substr(2);
    return v->string;
}

std::vector<const Json*> pdf_pages(const std::map<std::string, const Json*>& objects) {
    const Json* catalog = resolve(objects, objects.at("trailer")->find("/Root"));
    REQUIRE(catalog);
    std::vector<const Json*> pages;
    std::function<void(const Json*)> collect = [&](const Json* node) {
        const Json* kids = resolve(objects, node->find("/Kids"));
        if (!kids) {
            pages.push_back(node);
            return;
        }
        for (const Json& kid : kids->array)
            if (const Json* k = resolve(objects, &kid)) collect(k);
    };
    const Json* tree = resolve(objects, catalog->find("/Pages"));
    REQUIRE(tree);
    collect(tree);
    return pages;
}

std::string stream_data(const fs::path& pdf, const std::string& ref) {
    const std::string number = ref.substr(0, ref.find(' '));
    RunResult r = run({"qpdf", "--show-object=" + number, "--filtered-stream-data", pdf.string()});
    INFO("command: " << r.command << "\nstderr:\n" << r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace e2e
