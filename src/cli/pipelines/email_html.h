#pragma once
#include <string>

#include "bind/email_binder.h"
#include "typeset/page.h"

namespace dw::cli {

// The files of an e-mail bundle, as the body links to them (names in the same folder).
struct EmailFiles {
    std::string picture, document_pdf, phone_pdf;
};

// The body of the mail as HTML that mail clients render: a 600 px table layout with inline
// styles only, well-formed (XHTML syntax, so XML parsers read it too). Its texts, colours and
// font are the layout's <email>, bound to the data; the picture's alt text is the <picture>'s,
// else the document's subject, else its title; <page-links/> are the phone version's links (by
// their address), and the attachments link to `files`.
std::string email_html(const bind::BoundEmail& email, const typeset::Document& phone,
                       const EmailFiles& files);

}  // namespace dw::cli
