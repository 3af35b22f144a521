// BreakOpportunities analyses only runs that are not plain words, each on its own: inside every
// run it must say what Pango says about the whole paragraph.
#include <pango/pango.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "typeset/break_opportunities.h"

using dw::typeset::BreakOpportunities;

namespace {

bool ends_run(gunichar c) {
    return dw::typeset::is_word_space(c) || c == 0x00AD || c == 0x2028 || c == '\n';
}

// Positions where the previous and the current character are both inside a run.
size_t compare_with_pango(const std::string& text) {
    PangoLanguage* dutch = pango_language_from_string("nl-NL");
    BreakOpportunities ours(text, dutch);
    std::vector<PangoLogAttr> attrs(size_t(g_utf8_strlen(text.c_str(), gssize(text.size()))) + 1);
    pango_get_log_attrs(text.c_str(), int(text.size()), -1, dutch, attrs.data(), int(attrs.size()));
    size_t compared = 0;
    gunichar previous = ' ';
    size_t index = 0;
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p), ++index) {
        gunichar c = g_utf8_get_char(p);
        if (!ends_run(previous) && !ends_run(c)) {
            INFO("\"" << text << "\" before character " << index);
            CHECK(ours.line_break_before(index) == bool(attrs[index].is_line_break));
            CHECK(ours.char_break_before(index) == bool(attrs[index].is_char_break));
            ++compared;
        }
        previous = c;
    }
    return compared;
}

}  // namespace

TEST_CASE("breaks inside words and URLs are Pango's", "[breaks]") {
    const char* texts[] = {
        "Zorgbelang/Leefbaarheidsalliantie en https://prezi.com/view/abc-def?x=1&y=2 zijn er.",
        "12-11-2024: de wijkendeal (Arnhem-Oost) — samen‐leren, zo'n 40 auto's; \"klaar\"!",
        "e-mail: info@wijzijndewijk.nl, tel. 06-12345678 of 0317 48 12 34.",
        "Een 'citaat', (haakjes) en [blokhaken]? «Guillemets» „Dutch quotes” ‘enkel’.",
        "coördinatie ideeën café naïef – en dash — em dash … 1.5 2,5 10% €20 A/B-test",
        "ZWSP\u200Bhere, soft\u00ADhyphen, non\u00A0breaking, combining e\u0301 and 日本語テキスト.",
        "x-1 -5 a--b a/b/c www.example.org/pad_met-streepjes#anker?q=ja",
    };
    size_t compared = 0;
    for (const char* text : texts) compared += compare_with_pango(text);
    CHECK(compared > 300);
}

TEST_CASE("breaks inside the example inputs are Pango's", "[breaks]") {
    const std::filesystem::path root = DRUKWERK_SOURCE_ROOT;
    size_t compared = 0;
    for (const char* input : {"inputs/verslag-consortium-2024-11-12.md", "inputs/bouwstenen.csv",
                              "inputs/blueprint/wij-zijn-de-wijk.yaml"}) {
        std::ifstream in(root / input, std::ios::binary);
        std::string line;
        while (std::getline(in, line))
            if (g_utf8_validate(line.c_str(), gssize(line.size()), nullptr))
                compared += compare_with_pango(line);
    }
    CHECK(compared > 10000);
}
