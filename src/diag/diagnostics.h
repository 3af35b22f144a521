#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "diag/source_loc.h"

namespace dw {

enum class Severity { Note, Warning, Error };

// One problem found in the user's input, as a value: stages collect these and the CLI prints them.
struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string message;
    std::string hint;  // optional; printed as a "note:" line after the message
};

// Collects diagnostics from every stage so that one run reports all problems, not only the first.
class Diagnostics {
public:
    void error(const SourceLoc& loc, std::string message, std::string hint = {});
    void warning(const SourceLoc& loc, std::string message, std::string hint = {});
    void add(Diagnostic d);

    bool has_errors() const { return error_count_ > 0; }
    int error_count() const { return error_count_; }
    const std::vector<Diagnostic>& all() const { return items_; }

    // The diagnostics as printed: once per cause (see print).
    std::vector<Diagnostic> by_cause() const;
    // GCC style: "file:line:col: error: message", then "file:line:col: note: hint"; a cause
    // reported at several places once, at the first, with "(and N more)".
    void print(std::ostream& out) const;

private:
    std::vector<Diagnostic> items_;
    int error_count_ = 0;
};

std::string format_diagnostic(const Diagnostic& d);

}  // namespace dw
