#include <catch2/catch.hpp>
#include <atomic>
#include <future>
#include <string>

#include "diag/executor.h"
#include "typeset/hyphenator.h"

using dw::typeset::Hyphenator;

namespace {

// Soft hyphens shown as '-' so that expectations read like a dictionary.
std::string shown(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 2, "\xC2\xAD") == 0) {
            out += '-';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

Hyphenator& dutch() {
    static Hyphenator hyphenator;  // one dictionary load for all tests
    return hyphenator;
}

std::string hyphenated(const std::string& text) { return shown(dutch().hyphenate(text)); }

}  // namespace

TEST_CASE("Dutch words get soft hyphens at the dictionary's break points", "[hyphen]") {
    CHECK(hyphenated("wijkendeal") == "wij-ken-deal");
    CHECK(hyphenated("gezondheidsbevordering") == "ge-zond-heids-be-vor-de-ring");
    CHECK(hyphenated("bewonersinitiatieven") == "be-wo-ners-ini-ti-a-tie-ven");
    CHECK(hyphenated("water") == "wa-ter");
}

TEST_CASE("diacritics are hyphenated through Latin-1 and map back to UTF-8", "[hyphen]") {
    CHECK(hyphenated("coördinatie") == "co-ör-di-na-tie");
    CHECK(hyphenated("ideeën") == "idee-ën");
    CHECK(dutch().hyphenate("ideeën") == "idee\xC2\xAD\xC3\xABn");
}

TEST_CASE("capitals are preserved and text between words is kept", "[hyphen]") {
    CHECK(hyphenated("Leefbaarheidsalliantie") == "Leef-baar-heids-al-li-an-tie");
    CHECK(hyphenated("Het bewonersinitiatief (wijkendeal), 2024!") ==
          "Het be-wo-ners-ini-ti-a-tief (wij-ken-deal), 2024!");
    CHECK(hyphenated("  twee\tregels\nwijkendeal ") == "  twee\tre-gels\nwij-ken-deal ");
}

TEST_CASE("words that should not be hyphenated are left alone", "[hyphen]") {
    SECTION("short words") { CHECK(hyphenated("huis boek") == "huis boek"); }
    SECTION("acronyms in capitals") { CHECK(hyphenated("UNESCO") == "UNESCO"); }
    SECTION("URLs and e-mail addresses") {
        for (const char* link :
             {"https://www.gezondheidsbevordering.nl/bewonersinitiatieven", "www.wijkendeal.nl",
              "info@bewonersinitiatieven.nl", "(zie https://wijkendeal.nl/documentatie)"}) {
            CHECK(dutch().hyphenate(link) == link);
        }
    }
    SECTION("a word the author hyphenated already") {
        const std::string text =
            "wij\xC2\xAD"
            "kendeal";
        CHECK(dutch().hyphenate(text) == text);
    }
    SECTION("letters outside Latin-1") { CHECK(hyphenated("Łódźstraat") == "Łódźstraat"); }
    SECTION("invalid UTF-8") {
        const std::string bad = "wijkendeal \xFF";
        CHECK(dutch().hyphenate(bad) == bad);
    }
}

TEST_CASE("no break lands next to an explicit hyphen", "[hyphen]") {
    std::string result = dutch().hyphenate("gezondheids-bevordering e-mailadressen");
    CHECK(result.find("-\xC2\xAD") == std::string::npos);
    CHECK(result.find("\xC2\xAD-") == std::string::npos);
    CHECK(shown(result) == "ge-zond-heids-be-vor-de-ring e-mail-adres-sen");
}

TEST_CASE("at least two letters stay on each side of a break", "[hyphen]") {
    for (const char* word : {"ideeën", "aarde", "oorlogsmonument", "eigenaar"}) {
        std::string result = shown(dutch().hyphenate(word));
        INFO(result);
        CHECK(result.find('-') != 1);
        CHECK(result.rfind('-') != result.size() - 2);
    }
}

TEST_CASE("only Dutch is supported", "[hyphen]") {
    CHECK(Hyphenator::supports("nl"));
    CHECK(Hyphenator::supports("nl-NL"));
    CHECK(Hyphenator::supports("NL_nl"));
    CHECK_FALSE(Hyphenator::supports("en"));
    CHECK_FALSE(Hyphenator::supports("nl-BE-x"));
    CHECK_FALSE(Hyphenator::supports(""));
}

TEST_CASE("a missing dictionary leaves text unchanged with one warning", "[hyphen]") {
    Hyphenator missing("/nonexistent/hyph_nl_NL.dic");
    dw::Diagnostics diag;
    CHECK(missing.hyphenate("wijkendeal", &diag) == "wijkendeal");
    CHECK(missing.hyphenate("bewonersinitiatieven", &diag) == "bewonersinitiatieven");
    CHECK(missing.hyphenate("water") == "water");
    REQUIRE(diag.all().size() == 1);
    CHECK(diag.all()[0].severity == dw::Severity::Warning);
    CHECK(diag.all()[0].loc.file == "/nonexistent/hyph_nl_NL.dic");
}

TEST_CASE("a dictionary loaded ahead on another thread is the one hyphenate uses", "[hyphen][threads]") {
    Hyphenator hyphenator;
    {
        dw::Executor executor(1);
        dw::Executor::Task load = executor.start([&] { hyphenator.load(); });
        CHECK(shown(hyphenator.hyphenate("wijkendeal")) == shown(dutch().hyphenate("wijkendeal")));
    }
    Hyphenator missing("/nonexistent/hyph_nl_NL.dic");
    missing.load();
    dw::Diagnostics diag;
    CHECK(missing.hyphenate("wijkendeal", &diag) == "wijkendeal");
    CHECK(diag.all().size() == 1);  // reported when used, once
}
