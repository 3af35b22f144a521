#pragma once
// What a libqpdf module call hands back through its C callbacks: the new PDF, or its error.

#include <cstddef>
#include <string>

namespace dw::output {

struct ModuleResult {
    std::string pdf, error;

    static void take_pdf(void* context, const char* data, size_t size) {
        static_cast<ModuleResult*>(context)->pdf.append(data, size);  // pieces, in order
    }
    static void take_error(void* context, const char* data, size_t size) {
        static_cast<ModuleResult*>(context)->error.assign(data, size);
    }
};

}  // namespace dw::output
