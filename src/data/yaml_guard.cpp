#include "data/yaml_guard.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <sstream>
#include <string>

namespace dw::data {
namespace {

// Remembers where each document starts; nothing else matters here.
class DocumentStarts : public YAML::EventHandler {
public:
    YAML::Mark last;
    void OnDocumentStart(const YAML::Mark& mark) override { last = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

}  // namespace

std::optional<TextPosition> find_parser_stall(std::string_view yaml) {
    std::istringstream in{std::string(yaml)};
    DocumentStarts starts;
    try {
        YAML::Parser parser(in);
        int previous = -1;
        // A real document consumes at least one character, so there are never more documents
        // than characters: a parser that keeps going is stuck.
        for (size_t documents = 0; parser.HandleNextDocument(starts); ++documents) {
            if (starts.last.pos == previous || documents > yaml.size() + 1)
                return TextPosition{starts.last.line, starts.last.column};
            previous = starts.last.pos;
        }
    } catch (const YAML::Exception&) {
        // a normal syntax error: the real parse reports it with its own message
    }
    return std::nullopt;
}

}  // namespace dw::data
