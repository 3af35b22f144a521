#include "output/streamed_pdf.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "output/pdf_finishing.h"
#include "output/source_date.h"
#include "paint/cairo_painter.h"

namespace dw::output {
namespace {

// A file no one else can open: created, then unlinked at once, so it goes away with the process
// however that ends. Not next to the output: that may be standard output or a device.
std::FILE* open_scratch_file(Diagnostics& diag) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/drukwerk-XXXXXX";
    const int fd = ::mkstemp(path.data());
    if (fd < 0) {
        diag.error({path}, std::string("cannot create a scratch file: ") + std::strerror(errno),
                   "set TMPDIR to a writable folder");
        return nullptr;
    }
    ::unlink(path.c_str());
    std::FILE* file = ::fdopen(fd, "w+b");
    if (!file) ::close(fd);
    return file;
}

// A file's bytes, mapped for reading: the kernel pages them in as the finishing reads them and
// may drop them again, so a large PDF does not add to the process's own memory.
class MappedFile {
public:
    MappedFile(std::FILE* file, size_t size) : size_(size) {
        void* at = size ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, ::fileno(file), 0) : MAP_FAILED;
        data_ = at == MAP_FAILED ? nullptr : static_cast<const char*>(at);
    }
    ~MappedFile() {
        if (data_) ::munmap(const_cast<char*>(data_), size_);
    }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    size_t size_;
};

}  // namespace

StreamedPdf::StreamedPdf(std::string out_path, const typeset::Metadata& metadata, Diagnostics& diag)
    : out_path_(std::move(out_path)),
      metadata_(metadata),
      diag_(diag),
      file_(out_path_, diag),
      scratch_(file_.ok() ? open_scratch_file(diag) : nullptr, std::fclose) {
    paint::CairoOptions options;
    fallback_date_ = metadata_.date.empty() ? source_date_epoch(diag_) : "";
    options.fallback_date = fallback_date_;
    options.pdf_sink = [this](std::string_view bytes) { return sink(bytes); };
    painter_ = std::make_unique<paint::CairoPainter>(options, paint_diag_);
    typeset::Document start;  // fonts arrive with the pages
    start.metadata = metadata_;
    painter_->begin_document(start);
    forward_diagnostics();
}

StreamedPdf::~StreamedPdf() = default;

bool StreamedPdf::sink(std::string_view bytes) {
    written_ += bytes.size();
    if (scratch_ && std::fwrite(bytes.data(), 1, bytes.size(), scratch_.get()) == bytes.size())
        return true;
    if (scratch_) {
        diag_.error({out_path_}, std::string("cannot write the scratch file: ") + std::strerror(errno),
                    "free space in $TMPDIR (or /tmp), or point TMPDIR elsewhere");
        scratch_.reset();
    }
    return false;
}

void StreamedPdf::forward_diagnostics() {
    const auto& all = paint_diag_.all();
    for (; forwarded_ < all.size(); ++forwarded_) diag_.add(all[forwarded_]);
}

void StreamedPdf::add_page(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts) {
    if (!scratch_ || !file_.ok() || painter_->failed()) return;
    page_facts_.add(page);
    painter_->update_fonts(fonts);
    paint::paint_page(page, *painter_);
    ++pages_;
    forward_diagnostics();
}

void StreamedPdf::warm(const typeset::Page& page, const std::vector<typeset::FontFace>& fonts) {
    if (!scratch_ || !file_.ok() || painter_->failed()) return;
    painter_->warm(page, fonts);
    forward_diagnostics();
}

bool StreamedPdf::commit() {
    painter_->end_document();
    forward_diagnostics();
    if (!scratch_ || !file_.ok() || painter_->failed()) return false;
    if (pages_ == 0) {
        diag_.error({out_path_}, "nothing to write: the document has no pages");
        return false;
    }
    std::vector<std::string> rest = painter_->take_output();
    if (rest.size() != 1) {
        diag_.error({out_path_}, "internal error: Cairo wrote no end of the PDF; nothing written");
        return false;
    }
    if (!finish_pdf_tail(rest.front(), written_, metadata_))
        diag_.warning({out_path_}, "the PDF has no /Lang entry: Cairo wrote an unexpected layout");
    if (!sink(rest.front())) return false;
    if (std::fflush(scratch_.get()) != 0) {
        diag_.error({out_path_}, std::string("cannot write the scratch file: ") + std::strerror(errno),
                    "free space in $TMPDIR (or /tmp), or point TMPDIR elsewhere");
        return false;
    }
    const MappedFile cairo_pdf(scratch_.get(), written_);
    if (!cairo_pdf.ok()) {
        diag_.error({out_path_}, std::string("cannot read the scratch file: ") + std::strerror(errno));
        return false;
    }
    const std::string& date = metadata_.date.empty() ? fallback_date_ : metadata_.date;
    return finish_accessibility(cairo_pdf.bytes(), metadata_, page_facts_, date, diag_,
                                [this](std::string_view piece) { return file_.append(piece); }) &&
           file_.commit();
}

}  // namespace dw::output
