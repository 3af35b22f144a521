#pragma once
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "diag/executor.h"
#include "output/streamed_pdf.h"
#include "typeset/page.h"

namespace dw::output {

// A StreamedPdf painted as one task of the driver's executor: add_page() queues the page and
// returns, so the caller typesets the next sheet of a card deck while Cairo writes this one
// (each takes about half of the time). At most `depth` pages wait; add_page() blocks beyond
// that, so memory stays flat. The pages are painted in order by one task, so the file is the
// one StreamedPdf writes. What the painting reports is held and handed to `diag` by commit(),
// after the task has finished, so the messages do not depend on timing and Diagnostics is only
// ever used by one thread at a time. Without a commit the task is stopped and nothing is
// written or replaced. Without an executor, add_page() paints the page itself and warm() does
// nothing: the file is the same.
class BackgroundPdf {
public:
    BackgroundPdf(std::string out_path, const typeset::Metadata& metadata, Diagnostics& diag,
                  Executor* executor, size_t depth = 2);
    ~BackgroundPdf();
    BackgroundPdf(const BackgroundPdf&) = delete;
    BackgroundPdf& operator=(const BackgroundPdf&) = delete;

    void add_page(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts);
    // A page to warm the painter's caches with (StreamedPdf::warm) while no page waits to be
    // painted: a card of a deck's first sheet, while the rest of the sheet is typeset. Warm
    // pages still queued when pages arrive are dropped; they never block the caller.
    void warm(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts);
    // Waits for the queued pages, then as StreamedPdf::commit; `pages` is set to the page count.
    bool commit(int& pages);

private:
    void paint_pages();  // the task
    void stop();

    Diagnostics& diag_;
    Diagnostics paint_diag_;  // the task's until it has ended
    StreamedPdf pdf_;
    const size_t depth_;
    std::mutex mutex_;
    std::condition_variable changed_;
    using QueuedPage = std::pair<typeset::Page, std::vector<typeset::FontFace>>;
    std::deque<QueuedPage> queue_;
    std::deque<QueuedPage> warm_queue_;
    bool pages_added_ = false;
    bool closing_ = false;
    Executor::Task task_;  // none without an executor
};

}  // namespace dw::output
