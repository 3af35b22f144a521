#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "bind/box.h"
#include "typeset/fragment.h"
#include "typeset/paragraph_layout.h"
#include "typeset/timeline_geometry.h"

namespace dw::typeset {

// Turns boxes into the fragments pagination places: paragraphs split into lines, containers
// that must stay whole merged into one fragment, spacing as glue. `x`/`width` is the column.
class BlockLayout {
public:
    explicit BlockLayout(TypesetContext& ctx) : ctx_(ctx) {}

    // The box's fragments, inside the box's enclosing structure elements.
    void layout(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void layout_all(const std::vector<bind::Box>& boxes, double x, double width,
                    std::vector<Fragment>& out);

    // Fragments stacked into one unbreakable fragment (glue at the top dropped).
    static Fragment merge(const std::vector<Fragment>& fragments);
    // The same, moving the items out of `fragments` (for callers done with them).
    static Fragment merge(std::vector<Fragment>&& fragments);

    std::vector<SectionInfo>& sections() { return sections_; }

private:
    void layout_kind(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void paragraph(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void section(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void frame(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void row(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void grid(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void columns(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void image(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void rule(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    void arrow(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    // table_layout.cpp
    struct TableGeometry;
    void table(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    std::vector<double> table_columns(const bind::Box& box, double width);
    void table_row(const bind::Box& row, const TableGeometry& table, bool header,
                   std::vector<Fragment>& out);
    // timeline_layout.cpp
    struct TimelineLabels;
    void timeline(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    Fragment timeline_legend(const bind::Timeline& t, double x);
    TimelineLabels timeline_labels(const bind::Box& box, const std::vector<double>& anchors,
                                   double right);
    void vertical_timeline(const bind::Box& box, double x, double width, std::vector<Fragment>& out);
    bool check_timeline_height(const bind::Box& box, const TimelineLabels& labels, double height);
    double timeline_axis(const bind::Timeline& t, const TimelineScale& scale, double x,
                         double width, double axis_y, Fragment& f);
    double timeline_now(const bind::Timeline& t, const TimelineScale& scale, double x,
                        double width, double axis_y, double below, Fragment& f);
    Fragment text_block(const layout::Style& style, const std::vector<bind::Span>& spans, double x,
                        double width);
    double text_width(const layout::Style& style, const std::vector<bind::Span>& spans);
    bool rejected_image(const bind::Box& box);
    Fragment fitted_content(const bind::Box& box, std::vector<Fragment>& inner, double x,
                            double width, double available);
    void split_frame(const bind::Box& box, std::vector<Fragment>& inner, double x, double width,
                     std::vector<Fragment>& out);
    static std::vector<Fragment> repeated_heading(const std::vector<Fragment>& out, size_t first);
    Fragment continued_note(const bind::Box& box, double x, double width);
    Fragment frame_fragment(const bind::Box& box, const Fragment& content, double x, double width,
                            double inner_height);

    TypesetContext& ctx_;
    std::vector<SectionInfo> sections_;
    std::map<std::tuple<std::string, std::string, double, double>, Fragment> notes_;
};

Fragment glue(double height);

}  // namespace dw::typeset
