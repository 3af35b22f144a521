#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostics.h"

namespace dw::output {

inline constexpr std::string_view kHaruModule = "drukwerk-haru.so";
// Part of the program as much as its binary: drukwerk build re-renders a job when one changes.
inline constexpr std::array<std::string_view, 1> kModules = {kHaruModule};

// The parts of drukwerk that need large libraries only a few renders use (libharu for
// --backend haru, PDF/A and --permissions) are built as MODULE libraries next to the program
// (drukwerk-haru.so) and loaded here when a render needs them. Every other process then starts
// without loading and initialising those libraries (measured in docs/pdf-stack-findings.md).
class Module {
public:
    // Loads `file_name` from the folder of the running program, else from the build folder it
    // was built in (the test programs run from build/tests/). `purpose` names what needs it in
    // the diagnostic ("--mode print-shop (TrimBox and BleedBox)"). nullopt, reported, when the
    // module is missing or cannot be loaded.
    static std::optional<Module> load(std::string_view file_name, const std::string& purpose,
                                      Diagnostics& diag);

    // The exported function `name` of the module; nullptr, reported, when it has none.
    void* function(const char* name, Diagnostics& diag) const;

    const std::string& path() const { return path_; }

private:
    struct Closer {
        void operator()(void* handle) const;
    };
    Module(void* handle, std::string path, std::string purpose);

    std::unique_ptr<void, Closer> handle_;
    std::string path_;
    std::string purpose_;
};

}  // namespace dw::output
