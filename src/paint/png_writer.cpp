#include "paint/png_writer.h"

namespace dw::paint {
namespace {

template <class State>
void append(png_structp png, png_bytep data, png_size_t length) {
    auto* state = static_cast<State*>(png_get_io_ptr(png));
    state->out->append(reinterpret_cast<const char*>(data), length);
}

void flush(png_structp) {}

template <class State>
void on_error(png_structp png, png_const_charp message) {
    auto* state = static_cast<State*>(png_get_error_ptr(png));
    *state->error = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

}  // namespace

PngWriter::PngWriter(std::string& out, std::string& error) : state_{&out, &error} {
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state_, on_error<State>, on_warning);
    if (png) info = png_create_info_struct(png);
    if (!ok()) {
        error = "out of memory";
        return;
    }
    png_set_write_fn(png, &state_, append<State>, flush);
}

PngWriter::~PngWriter() { png_destroy_write_struct(&png, &info); }

}  // namespace dw::paint
