#include "output/background_pdf.h"

namespace dw::output {

BackgroundPdf::BackgroundPdf(std::string out_path, const typeset::Metadata& metadata,
                             Diagnostics& diag, Executor* executor, size_t depth)
    : diag_(diag), pdf_(std::move(out_path), metadata, paint_diag_), depth_(depth < 1 ? 1 : depth) {
    if (executor) task_ = executor->start([this] { paint_pages(); });
}

BackgroundPdf::~BackgroundPdf() { stop(); }

void BackgroundPdf::stop() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    task_.wait();
}

void BackgroundPdf::add_page(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts) {
    if (!task_.valid()) return pdf_.add_page(page, fonts);
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return queue_.size() < depth_; });
    // The font table is copied: the caller's keeps growing while this page waits.
    queue_.emplace_back(std::move(page), fonts);
    pages_added_ = true;
    lock.unlock();
    changed_.notify_all();
}

void BackgroundPdf::warm(typeset::Page&& page, const std::vector<typeset::FontFace>& fonts) {
    {
        std::lock_guard lock(mutex_);
        if (pages_added_ || !task_.valid()) return;  // painting has begun: too late to help
        warm_queue_.emplace_back(std::move(page), fonts);
    }
    changed_.notify_all();
}

void BackgroundPdf::paint_pages() {
    for (;;) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return !queue_.empty() || !warm_queue_.empty() || closing_; });
        if (queue_.empty() && !warm_queue_.empty() && !closing_) {
            QueuedPage warm = std::move(warm_queue_.front());
            warm_queue_.pop_front();
            lock.unlock();
            pdf_.warm(warm.first, warm.second);
            continue;
        }
        warm_queue_.clear();
        if (queue_.empty()) return;  // closing, and every page is painted
        auto [page, fonts] = std::move(queue_.front());
        queue_.pop_front();
        lock.unlock();
        changed_.notify_all();  // room in the queue
        pdf_.add_page(page, fonts);
    }
}

bool BackgroundPdf::commit(int& pages) {
    stop();  // paints what is queued, then ends the thread
    bool ok = pdf_.commit();
    pages = pdf_.pages();
    for (const Diagnostic& d : paint_diag_.all()) diag_.add(d);
    return ok;
}

}  // namespace dw::output
