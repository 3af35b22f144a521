#pragma once
// Inside the libqpdf module only (include it after the qpdf headers and their
// POINTERHOLDER_TRANSITION): handing results back through the module's C callbacks.
#include <qpdf/Buffer.hh>
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

}  // namespace dw::qpdf_sink
