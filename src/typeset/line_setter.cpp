#include "typeset/line_setter.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>

namespace dw::typeset {
namespace {

constexpr double kPango = PANGO_SCALE;

bool drawn(Piece::Kind kind) { return kind == Piece::Kind::Word || kind == Piece::Kind::Space; }

bool same_run(const GlyphRun& run, const Piece& piece) {
    return run.backward == bool(piece.level % 2) && run.font == piece.font && run.size == piece.metrics.size && run.color.r == piece.color.r &&
           run.color.g == piece.color.g && run.color.b == piece.color.b && run.color.a == piece.color.a;
}

// Builds glyph runs piece by piece, keeping each run's text and cluster map in step with its
// glyphs. A run's text is its pieces' text: bytes between pieces (a soft hyphen where the line
// did not break) are left out, so a reader copies and finds "project", not "pro\u00ADject",
// and Cairo writes no empty ActualText span for them.
class RunBuilder {
public:
    // `glyphs_hint`, `bytes_hint`: about how many glyphs and text bytes the line has, so a run
    // grows its vectors once instead of doubling its way up.
    RunBuilder(const std::string& text, std::vector<Item>& out, size_t glyphs_hint, size_t bytes_hint,
               std::span<const int> breaks)
        : text_(text), out_(out), glyphs_hint_(glyphs_hint), bytes_hint_(bytes_hint), breaks_(breaks) {}
    ~RunBuilder() { flush(); }

    void add(const Piece& piece, std::span<const ShapedGlyph> glyphs, double x, double baseline,
             double space_extra, std::vector<PlacedCluster>& placed) {
        if (piece.font < 0) return;
        if (!run_ || !same_run(*run_, piece) || segment(piece) != segment_) start_run(piece);
        // A hyphen glyph at a line end reads as "-": with the soft hyphen's own bytes Cairo
        // would wrap it in an ActualText span, and poppler and pdf.js stop reading a structure
        // element at such a span.
        if (piece.kind == Piece::Kind::Hyphen && glyphs.size() == 1) {
            run_->text += '-';
            add_hyphen(glyphs.front(), piece.end, x, baseline, placed);
            return;
        }
        if (run_->backward) return add_backward(piece, glyphs, x, baseline, space_extra, placed);
        // Clusters cover every byte of the text: any before the first glyph, or a piece that
        // shaped to no glyph at all, is a cluster without glyphs.
        const int first = glyphs.empty() ? piece.end : glyphs.front().cluster;
        if (piece.kind != Piece::Kind::Hyphen && first > piece.start) add_cluster(first - piece.start, 0);
        int text_from = piece.start;  // the piece's text not yet in a run
        long pen = 0;
        size_t i = 0;
        while (i < glyphs.size()) {
            const int cluster = glyphs[i].cluster;
            // A run break inside the word: a link's text begins or ends there, as a footnote's
            // number does, joined to the note's first word by a no-break space. The clusters
            // after it go into a run of their own, so that the link holds its own text only.
            if (cluster > text_from)
                if (const long stretch = segment_at(cluster); stretch != segment_) {
                    run_->text.append(text_, size_t(text_from), size_t(cluster - text_from));
                    text_from = cluster;
                    start_run(piece);
                    segment_ = stretch;
                }
            const double cluster_x = x + pen / kPango;
            const int visible = add_cluster_glyphs(glyphs, i, pen, x, baseline);
            int next = i < glyphs.size() ? glyphs[i].cluster : piece.end;
            // A hyphen glyph stands for the soft hyphen's bytes.
            if (piece.kind == Piece::Kind::Hyphen) next = piece.end;
            add_cluster(std::max(next - cluster, 0), visible);
            double cluster_end = x + pen / kPango + (i == glyphs.size() ? space_extra : 0);
            placed.push_back({cluster, next, cluster_x, cluster_end});
        }
        run_->text.append(text_, size_t(text_from), size_t(piece.end - text_from));
    }

private:
    // The glyphs of the cluster that starts at glyphs[i], at the pen position `pen` (Pango units
    // from `x`); moves `i` past them and `pen` by their advances. Returns how many are drawn
    // (an empty glyph takes room but draws nothing).
    int add_cluster_glyphs(std::span<const ShapedGlyph> glyphs, size_t& i, long& pen, double x,
                           double baseline) {
        const int cluster = glyphs[i].cluster;
        int visible = 0;
        for (; i < glyphs.size() && glyphs[i].cluster == cluster; ++i) {
            const ShapedGlyph& g = glyphs[i];
            if (g.glyph != PANGO_GLYPH_EMPTY) {
                unsigned id = (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : g.glyph;
                run_->glyphs.push_back({id, x + (pen + g.x_offset) / kPango, baseline + g.y_offset / kPango});
                ++visible;
            }
            pen += g.advance;
        }
        return visible;
    }

    // A right-to-left piece: its glyphs come in visual order, their clusters descending. The
    // pieces of a run come in visual order too, so each one's text and clusters go in front of
    // those already there: the run's text stays in logical order, for readers that extract it.
    void add_backward(const Piece& piece, std::span<const ShapedGlyph> glyphs, double x, double baseline,
                      double space_extra, std::vector<PlacedCluster>& placed) {
        run_->text.insert(0, text_, size_t(piece.start), size_t(piece.end - piece.start));
        std::vector<std::pair<int, int>> clusters;  // this piece's, in text order
        long pen = 0;
        size_t i = 0;
        int next = piece.end;  // the byte after the cluster at hand: the previous glyphs' cluster
        while (i < glyphs.size()) {
            const int cluster = glyphs[i].cluster;
            const double cluster_x = x + pen / kPango;
            const int visible = add_cluster_glyphs(glyphs, i, pen, x, baseline);
            if (std::max(next - cluster, 0) > 0 || visible > 0)
                clusters.insert(clusters.begin(), {std::max(next - cluster, 0), visible});
            placed.push_back({cluster, next, cluster_x, x + pen / kPango + (i == glyphs.size() ? space_extra : 0)});
            next = cluster;
        }
        if (next > piece.start) clusters.insert(clusters.begin(), {next - piece.start, 0});
        run_->clusters.insert(run_->clusters.begin(), clusters.begin(), clusters.end());
    }

    void add_hyphen(const ShapedGlyph& g, int end, double x, double baseline,
                    std::vector<PlacedCluster>& placed) {
        const unsigned id = (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : g.glyph;
        run_->glyphs.push_back({id, x + g.x_offset / kPango, baseline + g.y_offset / kPango});
        add_cluster(1, 1);
        placed.push_back({g.cluster, end, x, x + g.advance / kPango});
    }

    // Which stretch between run breaks the byte `at` is in.
    long segment_at(int at) const {
        if (breaks_.empty()) return 0;
        return std::upper_bound(breaks_.begin(), breaks_.end(), at) - breaks_.begin();
    }
    long segment(const Piece& piece) const { return segment_at(piece.start); }

    void start_run(const Piece& piece) {
        flush();
        segment_ = segment(piece);
        run_.emplace();
        run_->glyphs.reserve(glyphs_hint_);
        run_->clusters.reserve(glyphs_hint_ + 1);
        run_->text.reserve(bytes_hint_);
        run_->font = piece.font;
        run_->size = piece.metrics.size;
        run_->color = piece.color;
        run_->backward = piece.level % 2;
    }

    void add_cluster(int bytes, int glyphs) {
        if (bytes == 0 && glyphs == 0) return;
        run_->clusters.emplace_back(bytes, glyphs);
    }

    void flush() {
        if (!run_) return;
        if (!run_->glyphs.empty()) out_.emplace_back(std::move(*run_));
        run_.reset();
    }

    const std::string& text_;
    std::vector<Item>& out_;
    size_t glyphs_hint_, bytes_hint_;
    std::span<const int> breaks_;
    long segment_ = 0;
    std::optional<GlyphRun> run_;
};

// The line's drawn pieces in visual order, left to right: Unicode bidi rule L2 on the pieces'
// levels (each piece is within one Pango item, so one level).
std::vector<size_t> visual_order(const ParagraphItems& items, const LineSpan& line) {
    std::vector<size_t> order;
    guint8 highest = 0, lowest_odd = 255;
    for (size_t i = line.first; i < line.last; ++i) {
        if (!drawn(items.pieces[i].kind)) continue;
        order.push_back(i);
        const guint8 level = items.pieces[i].level;
        highest = std::max(highest, level);
        if (level % 2) lowest_odd = std::min(lowest_odd, level);
    }
    if (line.hyphen >= 0) order.push_back(size_t(line.hyphen));
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (size_t a = 0; a < order.size();) {
            if (items.pieces[order[a]].level < level) {
                ++a;
                continue;
            }
            size_t b = a;
            while (b < order.size() && items.pieces[order[b]].level >= level) ++b;
            std::reverse(order.begin() + long(a), order.begin() + long(b));
            a = b;
        }
    }
    return order;
}

void strike_through(const Piece& piece, double x, double width, double baseline, std::vector<Item>& out) {
    Line line;
    line.x1 = x;
    line.x2 = x + width;
    line.y1 = line.y2 = baseline - piece.metrics.ascent * 0.3;
    line.width = std::max(0.4, piece.metrics.size * 0.06);
    line.color = piece.color;
    out.push_back(line);
}

// The space to draw after the line's last word: the one the line broke at, or, where a forced
// break ends the line, a space of the line itself (a forced break has no glyph of its own).
const Piece* line_end_space(const ParagraphItems& items, const LineSpan& line) {
    if (line.hyphen >= 0) return nullptr;
    const auto& pieces = items.pieces;
    if (line.last < pieces.size() && pieces[line.last].kind == Piece::Kind::Space) return &pieces[line.last];
    // A forced break with words after it: the paragraph's own end is one too.
    size_t k = line.last;
    while (k < pieces.size() && pieces[k].kind != Piece::Kind::Word &&
           pieces[k].kind != Piece::Kind::ForcedBreak)
        ++k;
    if (k == pieces.size() || pieces[k].kind != Piece::Kind::ForcedBreak) return nullptr;
    while (k < pieces.size() && pieces[k].kind != Piece::Kind::Word) ++k;
    if (k == pieces.size()) return nullptr;
    for (size_t k = line.last; k-- > line.first;)
        if (pieces[k].kind == Piece::Kind::Space && pieces[k].glyph_end > pieces[k].glyph_begin)
            return &pieces[k];
    return nullptr;
}

}  // namespace

std::vector<LineSpan> line_spans(const ParagraphItems& items, const std::vector<size_t>& breaks,
                                 bool justify) {
    std::vector<LineSpan> lines;
    size_t begin = 0;
    for (size_t b : breaks) {
        LineSpan line;
        line.first = begin;
        while (line.first < b && items.pieces[line.first].kind != Piece::Kind::Word) ++line.first;
        line.last = b;
        while (line.last > line.first && items.pieces[line.last - 1].kind != Piece::Kind::Word) --line.last;
        if (items.pieces[b].kind == Piece::Kind::Hyphen) line.hyphen = long(b);
        line.justify = justify && items.pieces[b].kind != Piece::Kind::ForcedBreak;
        lines.push_back(line);
        begin = b + 1;
    }
    return lines;
}

LineMeasure measure_line(const ParagraphItems& items, const LineSpan& line) {
    LineMeasure m;
    auto count = [&m](const Piece& p) {
        m.natural += p.width;
        if (p.metrics.size <= 0) return;
        m.ascent = std::max(m.ascent, p.metrics.ascent);
        m.descent = std::max(m.descent, p.metrics.descent);
    };
    for (size_t i = line.first; i < line.last; ++i) {
        const Piece& p = items.pieces[i];
        if (!drawn(p.kind)) continue;
        count(p);
        if (p.kind == Piece::Kind::Space) {
            m.stretch += items.breaks[i].stretch;
            m.shrink += items.breaks[i].shrink;
        }
    }
    if (line.hyphen >= 0) count(items.pieces[size_t(line.hyphen)]);
    return m;
}

double justification_ratio(const LineMeasure& m, const LineSpan& line, double width, bool justify) {
    if (!justify) return 0;
    double ratio = adjustment_ratio(m.natural, m.stretch, m.shrink, width);
    if (std::isinf(ratio)) return 0;  // no space to stretch: flush left
    ratio = std::max(ratio, -1.0);
    return line.justify ? ratio : std::min(ratio, 0.0);
}

void set_line(const ParagraphItems& items, const LineSpan& line, const std::string& text, double x,
              double baseline, double ratio, std::vector<Item>& out,
              std::vector<PlacedCluster>& placed, std::span<const int> run_breaks) {
    std::vector<Item> strikes;
    {
        size_t glyphs = 0;
        for (size_t i = line.first; i < line.last; ++i) glyphs += items.glyphs_of(items.pieces[i]).size();
        long bytes = 0;
        if (line.last > line.first)
            bytes = std::max(0, items.pieces[line.last - 1].end - items.pieces[line.first].start);
        RunBuilder runs(text, out, glyphs + 2, size_t(bytes) + 3, run_breaks);  // + a hyphen
        double pen = x;
        auto place = [&](size_t i) {
            const Piece& p = items.pieces[i];
            double extra = 0;
            if (p.kind == Piece::Kind::Space)
                extra = ratio * (ratio > 0 ? items.breaks[i].stretch : items.breaks[i].shrink);
            runs.add(p, items.glyphs_of(p), pen, baseline, extra, placed);
            if (p.strike) strike_through(p, pen, p.width + extra, baseline, strikes);
            pen += p.width + extra;
        };
        bool mixed = false;  // any right-to-left piece: most lines have none
        for (size_t i = line.first; i < line.last && !mixed; ++i) mixed = items.pieces[i].level != 0;
        if (!mixed) {
            for (size_t i = line.first; i < line.last; ++i)
                if (drawn(items.pieces[i].kind)) place(i);
            if (line.hyphen >= 0) place(size_t(line.hyphen));
        } else {
            for (size_t i : visual_order(items, line)) place(i);
        }
        // The space the line broke at is drawn too (it shows nothing), so that text extracted
        // from the structure has the words of two lines apart. Not in `placed`: a link or an
        // underline ends at its last word.
        if (const Piece* space = line_end_space(items, line)) {
            std::vector<PlacedCluster> unused;
            runs.add(*space, items.glyphs_of(*space), pen, baseline, 0, unused);
        }
    }
    for (auto& s : strikes) out.push_back(std::move(s));
}

}  // namespace dw::typeset
