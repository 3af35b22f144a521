// XML and HTML text, as the fontconfig configuration, the XMP packets and the e-mail body write it.
#include <catch2/catch.hpp>

#include "diag/xml_text.h"

TEST_CASE("xml_text escapes the markup characters and leaves the rest", "[diag]") {
    CHECK(dw::xml_text("Health & Society <\"x\"> 'y'") ==
          "Health &amp; Society &lt;&quot;x&quot;&gt; 'y'");
    CHECK(dw::xml_text("Wij zijn de Wijk · één") == "Wij zijn de Wijk · één");  // UTF-8 untouched
    CHECK(dw::xml_text("") == "");
    CHECK(dw::xml_text("&amp;") == "&amp;amp;");  // text, not markup: escaped again
}
