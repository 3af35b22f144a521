#pragma once
// Inside the libqpdf module only (include it after the qpdf headers and their
// POINTERHOLDER_TRANSITION): handing results back through the module's C callbacks.
#include <qpdf/Buffer.hh>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <string>

#include "output/qpdf_module.h"

namespace dw::qpdf_sink {

inline void report(DrukwerkBytesSink error, void* context, const std::string& message) {
    error(context, message.data(), message.size());
}

// Writes `qpdf` to `out` with deterministic IDs, so re-renders stay byte-identical.
inline void write(QPDF& qpdf, DrukwerkBytesSink out, void* context) {
    QPDFWriter writer(qpdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    out(context, reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

// The writer's output handed on in pieces of about 1 MB (the writer itself writes a few bytes
// at a time): a large PDF is never whole in memory.
class SinkPipeline final : public Pipeline {
public:
    SinkPipeline(DrukwerkBytesSink out, void* context)
        : Pipeline("drukwerk output", nullptr), out_(out), context_(context) {}
    void write(unsigned char const* data, size_t size) override {
        pending_.append(reinterpret_cast<const char*>(data), size);
        if (pending_.size() >= kPiece) flush();
    }
    void finish() override { flush(); }

private:
    static constexpr size_t kPiece = 1 << 20;
    void flush() {
        if (!pending_.empty()) out_(context_, pending_.data(), pending_.size());
        pending_.clear();
    }

    DrukwerkBytesSink out_;
    void* context_;
    std::string pending_;
};

// write(), with `out` called for each piece in order.
inline void write_in_pieces(QPDF& qpdf, DrukwerkBytesSink out, void* context) {
    SinkPipeline pipeline(out, context);
    QPDFWriter writer(qpdf);
    writer.setOutputPipeline(&pipeline);
    writer.setDeterministicID(true);
    writer.write();
}

}  // namespace dw::qpdf_sink
