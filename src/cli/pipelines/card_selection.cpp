#include "cli/pipelines/card_selection.h"

#include <algorithm>
#include <cstdlib>

#include "diag/suggest.h"
#include "layout/value_parse.h"

namespace dw::cli {
namespace {

std::string where(const SourceLoc& loc) {
    return loc.file + ":" + std::to_string(loc.line);
}

const data::Value* card_list(const data::Value& data, const layout::CardDeck& deck,
                             Diagnostics& diags) {
    const data::Value* list = deck.each.empty() ? &data : data.find(deck.each);
    if (!list || !list->is_list()) {
        diags.error(data.loc.file.empty() ? deck.loc : SourceLoc{data.loc.file, 1, 1},
                    deck.each.empty() ? "the data is not a list of cards"
                                      : "the data has no list '" + deck.each + "'",
                    "a CSV file gives one card per row; YAML needs a list of maps");
        return nullptr;
    }
    return list;
}

std::string theme_numbers(const layout::CardDeck& deck) {
    std::string out;
    for (const auto& t : deck.themes) out += (out.empty() ? "" : ", ") + t.number;
    return out;
}

bool check_card(const data::Value& card, const layout::CardDeck& deck, CardEntry& entry,
                Diagnostics& diags) {
    if (!card.is_map()) {
        diags.error(card.loc, "a card must be a map of fields");
        return false;
    }
    const data::Value* theme = card.find(deck.theme_field);
    if (!deck.themes.empty()) {
        if (!theme || !theme->is_string()) {
            diags.error(card.loc, "the card has no field '" + deck.theme_field + "'",
                        "add a '" + deck.theme_field + "' column with a theme number");
            return false;
        }
        entry.theme = deck.theme(theme->text);
        if (!entry.theme) {
            diags.error(theme->loc, "unknown theme '" + theme->text + "'",
                        "the themes are " + theme_numbers(deck) + " (the layout's <theme> "
                        "elements, " + where(deck.loc) + ")");
            return false;
        }
    }
    if (const data::Value* q = card.find(deck.quantity_field); q && q->is_string() && !q->text.empty()) {
        auto n = layout::parse_int(q->text);
        if (!n || *n < 0 || *n > 1000) {
            diags.error(q->loc, "quantity '" + q->text + "' is not a whole number from 0 to 1000",
                        "leave it empty for one copy");
            return false;
        }
        entry.copies = *n;
    }
    return true;
}

bool matches(const data::Value& card, const layout::Filter& filter) {
    const data::Value* v = card.find(filter.field);
    bool equal = v && v->is_string() && v->text == filter.value;
    return filter.negated ? !equal : equal;
}

// Numbers compare as numbers ("9" before "10"), everything else as text.
bool key_less(const std::string& a, const std::string& b) {
    char *end_a = nullptr, *end_b = nullptr;
    double na = std::strtod(a.c_str(), &end_a), nb = std::strtod(b.c_str(), &end_b);
    if (!a.empty() && !b.empty() && *end_a == '\0' && *end_b == '\0') return na < nb;
    return a < b;
}

std::string field_text(const CardEntry& e, const std::string& field) {
    const data::Value* v = e.card->find(field);
    return v && v->is_string() ? v->text : "";
}

// A --where or --sort field that no card has is a typo: say so, with the fields there are.
bool check_field(const std::string& field, const data::Value& list, const char* option,
                 Diagnostics& diags) {
    for (const auto& card : list.items)
        if (card.find(field)) return true;
    std::vector<std::string> keys = list.items.empty() ? std::vector<std::string>{}
                                                       : list.items.front().keys();
    diags.error({}, std::string(option) + ": no card has a field '" + field + "'",
                suggestion_hint(field, keys));
    return false;
}

constexpr long kMaxCards = 5000;

}  // namespace

std::vector<CardEntry> select_cards(const data::Value& data, const layout::CardDeck& deck,
                                    const std::string& where_option, const std::string& sort,
                                    Diagnostics& diags) {
    std::vector<CardEntry> entries;
    const data::Value* list = card_list(data, deck, diags);
    if (!list) return entries;
    std::optional<layout::Filter> filter;
    if (!where_option.empty()) {
        filter = layout::parse_filter(where_option);
        if (!filter || !check_field(filter->field, *list, "--where", diags)) return entries;
    }
    if (!sort.empty() && !check_field(sort, *list, "--sort", diags)) return entries;
    long total = 0;
    for (const auto& card : list->items) {
        CardEntry entry;
        entry.card = &card;
        if (!check_card(card, deck, entry, diags)) continue;
        if (filter && !matches(card, *filter)) continue;
        // Each card is a page to typeset: a runaway file must not take minutes and gigabytes.
        if ((total += entry.copies) > kMaxCards) {
            diags.error(card.loc, "the deck has more than " + std::to_string(kMaxCards) + " cards",
                        "split the file, or choose cards with --where");
            return {};
        }
        entries.push_back(entry);
    }
    if (!sort.empty())
        std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
            return key_less(field_text(a, sort), field_text(b, sort));
        });
    return entries;
}

}  // namespace dw::cli
