#include "diag/diagnostics.h"

#include <map>
#include <ostream>
#include <set>
#include <tuple>

namespace dw {

void Diagnostics::error(const SourceLoc& loc, std::string message, std::string hint) {
    add({Severity::Error, loc, std::move(message), std::move(hint)});
}

void Diagnostics::warning(const SourceLoc& loc, std::string message, std::string hint) {
    add({Severity::Warning, loc, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::Error) ++error_count_;
    items_.push_back(std::move(d));
}

static std::string location_prefix(const SourceLoc& loc) {
    if (loc.file.empty()) return "drukwerk";
    std::string s = loc.file;
    if (loc.line > 0) {
        s += ':' + std::to_string(loc.line);
        if (loc.col > 0) s += ':' + std::to_string(loc.col);
    }
    return s;
}

static const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string where = location_prefix(d.loc);
    std::string s = where + ": " + severity_name(d.severity) + ": " + d.message + "\n";
    if (!d.hint.empty()) s += where + ": note: " + d.hint + "\n";
    return s;
}

// One cause is printed once: a diagnostic repeated at the same place is dropped, and one said
// at several places of a file is printed at the first with "(and N more)".
std::vector<Diagnostic> Diagnostics::by_cause() const {
    struct Cause {
        size_t first;
        std::set<std::pair<int, int>> places;
    };
    std::map<std::tuple<Severity, std::string, std::string, std::string>, Cause> causes;
    std::vector<Cause*> order;
    for (size_t i = 0; i < items_.size(); ++i) {
        const Diagnostic& d = items_[i];
        auto [it, fresh] = causes.try_emplace({d.severity, d.loc.file, d.message, d.hint}, Cause{i, {}});
        it->second.places.emplace(d.loc.line, d.loc.col);
        if (fresh) order.push_back(&it->second);
    }
    std::vector<Diagnostic> printed;
    printed.reserve(order.size());
    for (const Cause* cause : order) {
        Diagnostic d = items_[cause->first];
        if (cause->places.size() > 1)
            d.message += " (and " + std::to_string(cause->places.size() - 1) + " more)";
        printed.push_back(std::move(d));
    }
    return printed;
}

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : by_cause()) out << format_diagnostic(d);
}

}  // namespace dw
