#include "output/module_loader.h"

#include "diag/program_location.h"

#include <dlfcn.h>

#include <algorithm>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace dw::output {
namespace {

// Where a module may be: the installed lib/drukwerk beside the program, next to the program (how
// it is built), then the build folder compiled in, for programs that run elsewhere in the build
// tree (tests).
std::vector<fs::path> module_folders() {
    std::vector<fs::path> folders;
    if (auto installed = folder_beside_program(DRUKWERK_MODULES_FROM_PROGRAM))
        folders.push_back(*installed);
    if (fs::path program = program_folder(); !program.empty()) folders.push_back(program);
    const fs::path built_in = DRUKWERK_MODULE_DIR;
    // Compared by name: the folders are only looked into until the module is found, so an
    // installed program never touches the build folder.
    if (std::find(folders.begin(), folders.end(), built_in) == folders.end())
        folders.push_back(built_in);
    return folders;
}

std::string last_dl_error() {
    const char* message = dlerror();
    return message ? message : "unknown error";
}

}  // namespace

void Module::Closer::operator()(void* handle) const { dlclose(handle); }

Module::Module(void* handle, std::string path, std::string purpose)
    : handle_(handle), path_(std::move(path)), purpose_(std::move(purpose)) {}

std::optional<Module> Module::load(std::string_view file_name, const std::string& purpose,
                                   Diagnostics& diag) {
    const std::vector<fs::path> folders = module_folders();
    for (const fs::path& folder : folders) {
        const fs::path path = folder / file_name;
        std::error_code error;
        if (!fs::exists(path, error)) continue;
        // RTLD_NODELETE: a module's libraries may keep global state and exit handlers, so they
        // stay loaded until the process ends even after the handle closes (LeakSanitizer would
        // also report their global allocations as leaks once unloaded).
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
        if (!handle) {
            diag.error(
                {},
                "cannot load " + path.string() + ", needed for " + purpose + ": " + last_dl_error(),
                "rebuild drukwerk (the module is built with it) or install the libraries "
                "the module needs");
            return std::nullopt;
        }
        return Module(handle, path.string(), purpose);
    }
    diag.error({},
               "cannot find " + std::string(file_name) + ", needed for " + purpose + ", in " +
                   folders.front().string(),
               "it is built with drukwerk (cmake --build build) and must stay in the same folder "
               "as the drukwerk program");
    return std::nullopt;
}

void* Module::function(const char* name, Diagnostics& diag) const {
    dlerror();  // clear an earlier error: dlsym reports only through it
    void* address = dlsym(handle_.get(), name);
    if (!address)
        diag.error({},
                   "the module " + path_ + " (needed for " + purpose_ + ") has no function " +
                       name + ": " + last_dl_error(),
                   "it is left over from another build: rebuild drukwerk");
    return address;
}

}  // namespace dw::output
