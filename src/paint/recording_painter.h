#pragma once
#include <string>

#include "paint/painter.h"

namespace dw::paint {

// Writes one deterministic text line per painter call, for tests that compare a stored log:
//   page 595.28x841.89 label="1"
//   glyphs font=0 size=10.00 color=#1d2a24 n=5 x=56.69 y=80.00 text="Hallo"
// Numbers have two decimals; files are logged by file name only, so a log does not depend on
// where the checkout lives.
class RecordingPainter final : public Painter {
public:
    const std::string& log() const { return log_; }

    void begin_document(const typeset::Document& doc) override;
    void begin_page(double width, double height, const std::string& label) override;
    void glyphs(const typeset::GlyphRun& run) override;
    void shape(const typeset::Shape& shape) override;
    void line(const typeset::Line& line) override;
    void image(const typeset::Image& image) override;
    void link(const typeset::Link& link) override;
    void dest(const typeset::Dest& dest) override;
    void group_begin(const typeset::GroupBegin& group) override;
    void group_end() override;
    void tag_begin(const typeset::TagBegin& tag) override;
    void tag_end() override;
    void end_page() override;
    void end_document() override;

private:
    void put(const std::string& line) { log_ += line + '\n'; }
    std::string log_;
};

}  // namespace dw::paint
