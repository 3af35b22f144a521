#pragma once
#include <string>

#include "data/value.h"
#include "typeset/page.h"

namespace dw::cli {

// The files of an e-mail bundle, as the body links to them (names in the same folder).
struct EmailFiles {
    std::string picture, poster_pdf, phone_pdf;
};

// The body of the mail as HTML that mail clients render: a 600 px table layout with inline
// styles only, well-formed (XHTML syntax, so XML parsers read it too). It shows the picture
// (its alt text the document's subject, else its title), every link of the document (by its
// address), the data's `contact` (name, role, email, phone) when it has one,
// and links to the two PDFs.
std::string email_html(const typeset::Document& phone, const data::Value* data,
                       const EmailFiles& files);

}  // namespace dw::cli
