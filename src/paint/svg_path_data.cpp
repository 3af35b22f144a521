#include "paint/svg_path_data.h"

#include <cmath>
#include <cstring>

#include "paint/svg_values.h"

namespace dw::paint::svg {
namespace {

bool is_command(char c) { return c != '\0' && std::strchr("MmLlHhVvCcSsQqTtAaZz", c) != nullptr; }

// How many numbers one use of the command takes.
int argument_count(char command) {
    switch (command) {
        case 'H':
        case 'V':
            return 1;
        case 'M':
        case 'L':
        case 'T':
            return 2;
        case 'S':
        case 'Q':
            return 4;
        case 'C':
            return 6;
        case 'A':
            return 7;
        default:
            return 0;
    }
}

char upper(char c) { return c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c; }

// Follows the pen through the commands and writes the path.
class PathBuilder {
public:
    void run(char command, const double* a) {
        const bool relative = command != upper(command);
        const double ox = relative ? x_ : 0, oy = relative ? y_ : 0;
        switch (upper(command)) {
            case 'M':
                move(ox + a[0], oy + a[1]);
                break;
            case 'L':
                line(ox + a[0], oy + a[1]);
                break;
            case 'H':
                line(ox + a[0], y_);
                break;
            case 'V':
                line(x_, oy + a[0]);
                break;
            case 'C':
                curve(ox + a[0], oy + a[1], ox + a[2], oy + a[3], ox + a[4], oy + a[5]);
                break;
            case 'S':
                smooth_curve(ox + a[0], oy + a[1], ox + a[2], oy + a[3]);
                break;
            case 'Q':
                quadratic(ox + a[0], oy + a[1], ox + a[2], oy + a[3]);
                break;
            case 'T':
                quadratic(2 * x_ - qx_, 2 * y_ - qy_, ox + a[0], oy + a[1]);
                break;
            case 'A':
                arc(a, ox, oy);
                break;
            case 'Z':
                close();
                break;
        }
        // S and T reflect the previous control point only right after a curve of their kind.
        if (upper(command) != 'C' && upper(command) != 'S') cx_ = x_, cy_ = y_;
        if (upper(command) != 'Q' && upper(command) != 'T') qx_ = x_, qy_ = y_;
    }
    Path take() { return std::move(path_); }

private:
    void move(double x, double y) {
        path_.push_back({PathOp::Kind::Move, {x, y}});
        x_ = start_x_ = x;
        y_ = start_y_ = y;
    }
    void line(double x, double y) {
        path_.push_back({PathOp::Kind::Line, {x, y}});
        x_ = x, y_ = y;
    }
    void curve(double x1, double y1, double x2, double y2, double x, double y) {
        path_.push_back({PathOp::Kind::Curve, {x1, y1, x2, y2, x, y}});
        x_ = x, y_ = y;
        cx_ = x2, cy_ = y2;
    }
    void smooth_curve(double x2, double y2, double x, double y) {
        curve(2 * x_ - cx_, 2 * y_ - cy_, x2, y2, x, y);
    }
    // The cubic curve with the same shape as the quadratic one through control point (qx, qy).
    void quadratic(double qx, double qy, double x, double y) {
        const double x0 = x_, y0 = y_;
        curve(x0 + 2.0 / 3 * (qx - x0), y0 + 2.0 / 3 * (qy - y0), x + 2.0 / 3 * (qx - x),
              y + 2.0 / 3 * (qy - y), x, y);
        qx_ = qx, qy_ = qy;
    }
    void arc(const double* a, double ox, double oy) {
        const double x = ox + a[5], y = oy + a[6];
        append_arc(path_, x_, y_, a[0], a[1], a[2], a[3] != 0, a[4] != 0, x, y);
        x_ = x, y_ = y;
    }
    void close() {
        path_.push_back({PathOp::Kind::Close, {}});
        x_ = start_x_, y_ = start_y_;
    }

    Path path_;
    double x_ = 0, y_ = 0;              // the current point
    double start_x_ = 0, start_y_ = 0;  // where the subpath began
    double cx_ = 0, cy_ = 0;            // the last cubic curve's second control point
    double qx_ = 0, qy_ = 0;            // the last quadratic curve's control point
};

// The arguments of one use of `command`; arcs' fourth and fifth are flags.
bool read_arguments(NumberScanner& scan, char command, double* a) {
    const int count = argument_count(upper(command));
    for (int i = 0; i < count; ++i) {
        if (i > 0) scan.skip_separator();
        const bool is_flag = upper(command) == 'A' && (i == 3 || i == 4);
        if (is_flag) {
            auto f = scan.flag();
            if (!f) return false;
            a[i] = *f ? 1 : 0;
        } else {
            auto v = scan.number();
            if (!v) return false;
            a[i] = *v;
        }
    }
    return true;
}

}  // namespace

std::optional<Path> path_data(std::string_view d) {
    NumberScanner scan(d);
    PathBuilder builder;
    char command = '\0';
    while (!scan.at_end()) {
        if (is_command(scan.peek())) {
            const bool first = command == '\0';
            command = scan.peek();
            scan.advance();
            if (first && upper(command) != 'M') return std::nullopt;  // a path begins with M
        } else if (command == '\0' || upper(command) == 'Z' || !scan.starts_number()) {
            return std::nullopt;  // numbers before the first command or after a Z, or junk
        }
        double a[7];
        if (!read_arguments(scan, command, a)) return std::nullopt;
        builder.run(command, a);
        // Coordinates that follow a moveto are implicit linetos.
        if (command == 'M') command = 'L';
        if (command == 'm') command = 'l';
        scan.skip_space();
        if (scan.peek() == ',') {  // a comma between two uses of a command, never before a letter
            scan.advance();
            scan.skip_space();
            if (!scan.starts_number()) return std::nullopt;
        }
    }
    return builder.take();
}

void append_arc(Path& path, double x1, double y1, double rx, double ry, double x_axis_rotation,
                bool large_arc, bool sweep, double x2, double y2) {
    if (x1 == x2 && y1 == y2) return;  // the arc is omitted
    rx = std::abs(rx), ry = std::abs(ry);
    if (rx == 0 || ry == 0) {
        path.push_back({PathOp::Kind::Line, {x2, y2}});
        return;
    }
    const double phi = x_axis_rotation * M_PI / 180, cos_phi = std::cos(phi),
                 sin_phi = std::sin(phi);
    // F.6.5 step 1: the start point in the ellipse's axes, relative to the chord's middle.
    const double dx = (x1 - x2) / 2, dy = (y1 - y2) / 2;
    const double x1p = cos_phi * dx + sin_phi * dy, y1p = -sin_phi * dx + cos_phi * dy;
    // F.6.6: radii too small to reach are scaled up just enough.
    const double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
    if (lambda > 1) rx *= std::sqrt(lambda), ry *= std::sqrt(lambda);
    // Step 2: the centre in the ellipse's axes.
    const double rx2 = rx * rx, ry2 = ry * ry;
    const double denominator = rx2 * y1p * y1p + ry2 * x1p * x1p;
    const double numerator = std::max(0.0, rx2 * ry2 - denominator);
    const double root = (large_arc == sweep ? -1 : 1) * std::sqrt(numerator / denominator);
    const double cxp = root * rx * y1p / ry, cyp = -root * ry * x1p / rx;
    // Step 3: the centre in user space.
    const double cx = cos_phi * cxp - sin_phi * cyp + (x1 + x2) / 2;
    const double cy = sin_phi * cxp + cos_phi * cyp + (y1 + y2) / 2;
    // Step 4: start angle and sweep on the unit circle.
    const double theta1 = std::atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
    double delta = std::atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx) - theta1;
    if (sweep && delta < 0) delta += 2 * M_PI;
    if (!sweep && delta > 0) delta -= 2 * M_PI;

    // Each piece of at most 90° as a cubic curve on the unit circle, mapped onto the ellipse.
    const int pieces = std::max(1, int(std::ceil(std::abs(delta) / (M_PI / 2) - 1e-9)));
    const double step = delta / pieces, k = 4.0 / 3 * std::tan(step / 4);
    auto map = [&](double u, double v, double* out) {
        out[0] = cx + rx * u * cos_phi - ry * v * sin_phi;
        out[1] = cy + rx * u * sin_phi + ry * v * cos_phi;
    };
    for (int i = 0; i < pieces; ++i) {
        const double a0 = theta1 + i * step, a1 = a0 + step;
        const double c0 = std::cos(a0), s0 = std::sin(a0), c1 = std::cos(a1), s1 = std::sin(a1);
        PathOp op{PathOp::Kind::Curve, {}};
        map(c0 - k * s0, s0 + k * c0, &op.p[0]);
        map(c1 + k * s1, s1 - k * c1, &op.p[2]);
        map(c1, s1, &op.p[4]);
        if (i == pieces - 1) op.p[4] = x2, op.p[5] = y2;  // exactly the endpoint
        path.push_back(op);
    }
}

}  // namespace dw::paint::svg
