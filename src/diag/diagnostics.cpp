#include "diag/diagnostics.h"

#include <ostream>

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

void Diagnostics::print(std::ostream& out) const {
    for (const auto& d : items_) out << format_diagnostic(d);
}

}  // namespace dw
