#include "typeset/line_breaker.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace dw::typeset {
namespace {

constexpr double kInfiniteBadness = 10000;  // TeX's "inf_bad": a line that cannot stretch enough
// The most (active node, break) pairs one optimal pass may weigh. A paragraph of words keeps a
// few dozen nodes active; a word cut between every character keeps one per character of a line
// at every character, which grows with the word's length times the line's. Past this budget the
// paragraph is broken first-fit instead, so its cost stays linear.
constexpr size_t kMaxLineEvaluations = 1'000'000;

struct Sums {
    double width = 0, stretch = 0, shrink = 0;
};

// A feasible break: where it is, the line it ends, and the cheapest way of getting there.
struct Node {
    size_t position = 0;
    int line = 0;
    int fitness = 1;  // 0 tight, 1 decent, 2 loose, 3 very loose
    bool flagged = false;
    Sums after;  // the sums of the items before the first one of the next line
    double demerits = 0;
    int previous = -1;
};

bool is_legal_break(const std::vector<BreakItem>& items, size_t i) {
    const BreakItem& item = items[i];
    if (item.kind == BreakItem::Kind::Glue) return i > 0 && items[i - 1].kind == BreakItem::Kind::Box;
    return item.kind == BreakItem::Kind::Penalty && item.penalty < BreakItem::kNoBreak;
}

bool is_forced(const BreakItem& item) {
    return item.kind == BreakItem::Kind::Penalty && item.penalty <= BreakItem::kForcedBreak;
}

int fitness_class(double ratio) {
    if (ratio < -0.5) return 0;
    if (ratio <= 0.5) return 1;
    if (ratio <= 1) return 2;
    return 3;
}

// The sums of the items before `i`, then those of the glue and penalties a line starting after
// a break at `i` drops (a line never starts with space).
Sums sums_after_break(const std::vector<BreakItem>& items, const std::vector<Sums>& prefix, size_t i) {
    Sums sums = prefix[i];
    for (size_t j = i; j < items.size(); ++j) {
        const BreakItem& item = items[j];
        if (item.kind == BreakItem::Kind::Box) break;
        if (j > i && is_forced(item)) break;
        if (item.kind == BreakItem::Kind::Glue) {
            sums.width += item.width;
            sums.stretch += item.stretch;
            sums.shrink += item.shrink;
        }
    }
    return sums;
}

std::vector<Sums> prefix_sums(const std::vector<BreakItem>& items) {
    std::vector<Sums> prefix(items.size() + 1);
    for (size_t i = 0; i < items.size(); ++i) {
        prefix[i + 1] = prefix[i];
        const BreakItem& item = items[i];
        if (item.kind == BreakItem::Kind::Box) {
            prefix[i + 1].width += item.width;
        } else if (item.kind == BreakItem::Kind::Glue) {
            prefix[i + 1].width += item.width;
            prefix[i + 1].stretch += item.stretch;
            prefix[i + 1].shrink += item.shrink;
        }
    }
    return prefix;
}

class Pass {
public:
    Pass(const std::vector<BreakItem>& items, const std::function<double(int)>& line_width,
         const BreakSettings& settings, bool last_resort)
        : items_(items), line_width_(line_width), settings_(settings), last_resort_(last_resort),
          prefix_(prefix_sums(items)) {
        nodes_.reserve(items.size() / 4 + 8);
        active_.reserve(16);
        nodes_.push_back(Node{});
        active_.push_back(0);
    }

    // The breaks, or none when no set of lines fits (or the budget ran out: exhausted()).
    std::vector<size_t> run() {
        for (size_t b = 0; b < items_.size(); ++b) {
            if (!is_legal_break(items_, b)) continue;
            evaluations_ += active_.size();
            if (evaluations_ > kMaxLineEvaluations) return {};
            consider_break(b);
        }
        int best = -1;
        for (int a : active_)
            if (nodes_[size_t(a)].position == items_.size() - 1 &&
                (best < 0 || nodes_[size_t(a)].demerits < nodes_[size_t(best)].demerits))
                best = a;
        std::vector<size_t> breaks;
        for (int n = best; n > 0; n = nodes_[size_t(n)].previous) breaks.push_back(nodes_[size_t(n)].position);
        std::reverse(breaks.begin(), breaks.end());
        return breaks;
    }

    bool exhausted() const { return evaluations_ > kMaxLineEvaluations; }

private:
    struct Candidate {
        double demerits = 0;
        int from = -1;
        double ratio = 0;
    };

    void consider_break(size_t b) {
        const BreakItem& item = items_[b];
        std::array<Candidate, 4> best{};
        int last_removed = -1;
        size_t kept = 0;  // active nodes are removed in place, keeping their order
        for (size_t k = 0; k < active_.size(); ++k) {
            const int a = active_[k];
            const Node& from = nodes_[size_t(a)];
            double ratio = line_ratio(from, b);
            bool remove = ratio < -1 || is_forced(item);
            if (ratio >= -1) {
                // TeX's badness, 100 |r|^3; products, not std::pow (a tenth of the cost).
                const double r = std::abs(ratio);
                double badness = std::min(kInfiniteBadness, 100 * (r * r * r));
                if (std::isinf(ratio)) badness = kInfiniteBadness;
                if (badness <= settings_.tolerance || last_resort_) {
                    double demerits = line_demerits(from, item, badness, fitness_class(ratio));
                    Candidate& c = best[size_t(fitness_class(ratio))];
                    if (c.from < 0 || demerits < c.demerits) c = {demerits, a, ratio};
                }
            }
            if (remove)
                last_removed = a;
            else
                active_[kept++] = a;
        }
        active_.resize(kept);
        bool any = std::any_of(best.begin(), best.end(), [](const Candidate& c) { return c.from >= 0; });
        // Nothing fits any more: in the last-resort pass the line from the last node that was
        // still alive becomes overfull, so a paragraph always gets a layout.
        if (!any && active_.empty() && last_removed >= 0 && last_resort_)
            best[1] = {nodes_[size_t(last_removed)].demerits + kInfiniteBadness * kInfiniteBadness,
                       last_removed, 0};
        for (int fitness = 0; fitness < 4; ++fitness) {
            const Candidate& c = best[size_t(fitness)];
            if (c.from < 0) continue;
            Node node;
            node.position = b;
            node.line = nodes_[size_t(c.from)].line + 1;
            node.fitness = fitness;
            node.flagged = item.kind == BreakItem::Kind::Penalty && item.flagged;
            node.after = sums_after_break(items_, prefix_, b);
            node.demerits = c.demerits;
            node.previous = c.from;
            nodes_.push_back(node);
            active_.push_back(int(nodes_.size() - 1));
        }
    }

    double line_ratio(const Node& from, size_t b) const {
        const BreakItem& item = items_[b];
        double natural = prefix_[b].width - from.after.width;
        if (item.kind == BreakItem::Kind::Penalty) natural += item.width;
        double stretch = prefix_[b].stretch - from.after.stretch + settings_.line_stretch;
        double shrink = prefix_[b].shrink - from.after.shrink;
        return adjustment_ratio(natural, stretch, shrink, line_width_(from.line));
    }

    double line_demerits(const Node& from, const BreakItem& item, double badness, int fitness) const {
        const double base = settings_.line_penalty + badness;
        double d = base * base;
        if (item.kind == BreakItem::Kind::Penalty) {
            if (item.penalty >= 0) d += item.penalty * item.penalty;
            else if (item.penalty > BreakItem::kForcedBreak) d -= item.penalty * item.penalty;
            if (item.flagged && from.flagged) d += settings_.double_hyphen;
        }
        if (std::abs(fitness - from.fitness) > 1) d += settings_.fitness_mismatch;
        return from.demerits + d;
    }

    const std::vector<BreakItem>& items_;
    const std::function<double(int)>& line_width_;
    const BreakSettings& settings_;
    bool last_resort_;
    std::vector<Sums> prefix_;
    std::vector<Node> nodes_;
    std::vector<int> active_;  // indices into nodes_, oldest first
    size_t evaluations_ = 0;
};

// First fit: each line ends at the last break where it still fits (shrinking its glue as far as
// it can), the way a word processor breaks; a box wider than its line gets a line to itself.
// Linear in the items, for paragraphs the optimal passes cannot afford.
std::vector<size_t> break_first_fit(const std::vector<BreakItem>& items,
                                    const std::function<double(int)>& line_width) {
    const std::vector<Sums> prefix = prefix_sums(items);
    std::vector<size_t> breaks;
    Sums start;  // the sums before the current line's first item
    std::optional<size_t> last_fit;
    auto fits = [&](size_t b) {
        double natural = prefix[b].width - start.width;
        if (items[b].kind == BreakItem::Kind::Penalty) natural += items[b].width;
        const double shrink = prefix[b].shrink - start.shrink;
        return natural - shrink <= line_width(int(breaks.size())) + 1e-9;
    };
    auto end_line_at = [&](size_t b) {
        breaks.push_back(b);
        start = sums_after_break(items, prefix, b);
        last_fit.reset();
    };
    size_t b = 0;
    while (b < items.size()) {
        if (!is_legal_break(items, b)) {
            ++b;
        } else if (fits(b)) {
            if (is_forced(items[b])) end_line_at(b);
            else last_fit = b;
            ++b;
        } else if (last_fit) {
            end_line_at(*last_fit);  // and weigh `b` again on the next line
        } else {
            end_line_at(b++);  // overfull: nothing before it fitted
        }
    }
    return breaks;
}

}  // namespace

double adjustment_ratio(double natural, double stretch, double shrink, double width) {
    const double epsilon = 1e-9;
    if (std::abs(natural - width) < epsilon) return 0;
    if (natural < width)
        return stretch > epsilon ? (width - natural) / stretch : std::numeric_limits<double>::infinity();
    return shrink > epsilon ? (width - natural) / shrink : -std::numeric_limits<double>::infinity();
}

std::vector<size_t> break_lines(const std::vector<BreakItem>& items,
                                const std::function<double(int)>& line_width,
                                const BreakSettings& settings) {
    if (items.empty()) return {};
    Pass optimal(items, line_width, settings, false);
    std::vector<size_t> breaks = optimal.run();
    if (breaks.empty() && !optimal.exhausted()) {
        Pass last_resort(items, line_width, settings, true);
        breaks = last_resort.run();
        if (!last_resort.exhausted()) return breaks;
    }
    if (breaks.empty()) breaks = break_first_fit(items, line_width);
    return breaks;
}

ContentWidths content_widths(const std::vector<BreakItem>& items) {
    ContentWidths widths;
    double word = 0, line = 0, line_to_last_box = 0;
    for (const auto& item : items) {
        switch (item.kind) {
            case BreakItem::Kind::Box:
                word += item.width;
                line += item.width;
                line_to_last_box = line;
                break;
            case BreakItem::Kind::Glue:
                widths.min = std::max(widths.min, word);
                word = 0;
                line += item.width;
                break;
            case BreakItem::Kind::Penalty:
                if (item.penalty >= BreakItem::kNoBreak) break;
                widths.min = std::max(widths.min, word + item.width);
                word = 0;
                if (item.penalty <= BreakItem::kForcedBreak) {
                    widths.max = std::max(widths.max, line_to_last_box);
                    line = line_to_last_box = 0;
                }
                break;
        }
    }
    widths.min = std::max(widths.min, word);
    widths.max = std::max({widths.max, line_to_last_box, widths.min});
    return widths;
}

}  // namespace dw::typeset
