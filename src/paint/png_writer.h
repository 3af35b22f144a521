#pragma once
// libpng's write structures, writing into a string: for the palette PNG encoder.

#include <png.h>

#include <string>

namespace dw::paint {

// Created with libpng's error and write callbacks set; destroyed whichever way encoding ends.
// `ok()` is false when libpng could not allocate (then `error` says so). Not copyable: libpng
// keeps the address of the state.
class PngWriter {
public:
    PngWriter(std::string& out, std::string& error);
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;
    bool ok() const { return png != nullptr && info != nullptr; }

    png_structp png = nullptr;
    png_infop info = nullptr;

private:
    struct State {
        std::string* out;
        std::string* error;
    } state_;
};

}  // namespace dw::paint
