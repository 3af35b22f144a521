#include "data/meeting_series.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace dw::data {
namespace {

std::string text_of(const Value& map, std::string_view key) {
    const Value* v = map.find(key);
    return v && v->is_string() ? v->text : std::string();
}

SourceLoc loc_of(const Value& map, std::string_view key) {
    const Value* v = map.find(key);
    return v && v->loc.line > 0 ? v->loc : map.loc;
}

// An action followed through the series.
struct Tracked {
    Value fields;                // its latest fields
    size_t raised = 0;           // index of the meeting that first listed it
    std::optional<size_t> closed;  // the meeting that marked it done, while it is done
    size_t order = 0;            // first seen: the tie-breaker everywhere
};

class Series {
public:
    explicit Series(Diagnostics& diags) : diags_(diags) {}

    std::vector<Tracked> follow(const std::vector<CollectionFile>& files) {
        for (size_t m = 0; m < files.size(); ++m) {
            const Value* actions = files[m].data.find("actions");
            if (!actions || !actions->is_list()) continue;
            for (const Value& action : actions->items)
                if (action.is_map()) add(action, m, files);
        }
        return std::move(tracked_);
    }

private:
    void add(const Value& action, size_t m, const std::vector<CollectionFile>& files) {
        std::string number = text_of(action, "number");
        if (number.empty()) {
            diags_.warning(action.loc,
                           "action '" + text_of(action, "what") +
                               "' has no number: it cannot be followed to other meetings",
                           "give it a number (number: A-1.1); it is listed as raised here");
            tracked_.push_back({action, m, {}, tracked_.size()});
            update_status(tracked_.back(), m);
            return;
        }
        auto [it, fresh] = by_number_.emplace(number, tracked_.size());
        if (fresh) {
            tracked_.push_back({action, m, {}, tracked_.size()});
        } else {
            Tracked& t = tracked_[it->second];
            if (text_of(t.fields, "what") != text_of(action, "what"))
                diags_.warning(loc_of(action, "what"),
                               "action " + number + " was '" + text_of(t.fields, "what") + "' in " +
                                   files[last_seen_[number]].path,
                               "the latest wording is listed; give another action its own number");
            t.fields = action;
        }
        last_seen_[number] = m;
        update_status(tracked_[it->second], m);
    }

    static void update_status(Tracked& t, size_t m) {
        if (text_of(t.fields, "status") != "done")
            t.closed.reset();
        else if (!t.closed)
            t.closed = m;
    }

    Diagnostics& diags_;
    std::vector<Tracked> tracked_;
    std::map<std::string, size_t> by_number_, last_seen_;
};

Value action_value(const Tracked& t, const std::vector<Value>& meetings, const std::string& latest) {
    Value v = t.fields;
    v.set("raised", meetings[t.raised]);
    v.set("closed", t.closed ? meetings[*t.closed] : Value::map(v.loc));
    bool overdue = !t.closed && !latest.empty() && text_of(t.fields, "due") < latest;
    v.set("overdue", Value::string(overdue ? "true" : "false", v.loc));
    return v;
}

Value list_of(const std::vector<const Tracked*>& actions, const std::vector<Value>& meetings,
              const std::string& latest) {
    Value list = Value::list();
    for (const Tracked* t : actions) list.items.push_back(action_value(*t, meetings, latest));
    return list;
}

// The open actions by owner, then due date; the done ones in the order they were closed.
void sort_actions(std::vector<const Tracked*>& open, std::vector<const Tracked*>& done) {
    auto key = [](const Tracked* t) {
        return std::tuple(text_of(t->fields, "who"), text_of(t->fields, "due"), t->order);
    };
    std::sort(open.begin(), open.end(), [&](auto* a, auto* b) { return key(a) < key(b); });
    std::sort(done.begin(), done.end(), [](auto* a, auto* b) {
        return std::pair(*a->closed, a->order) < std::pair(*b->closed, b->order);
    });
}

Value owners_of(const std::vector<const Tracked*>& open, const std::vector<Value>& meetings,
                const std::string& latest) {
    Value owners = Value::list();
    for (size_t i = 0; i < open.size();) {
        std::string who = text_of(open[i]->fields, "who");
        std::vector<const Tracked*> theirs;
        for (; i < open.size() && text_of(open[i]->fields, "who") == who; ++i)
            theirs.push_back(open[i]);
        Value owner = Value::map();
        owner.set("name", Value::string(who));
        owner.set("actions", list_of(theirs, meetings, latest));
        owners.items.push_back(std::move(owner));
    }
    return owners;
}

}  // namespace

std::optional<std::vector<CollectionFile>> order_by_date(std::vector<CollectionFile> files,
                                                         Diagnostics& diags) {
    bool dated = true;
    for (const auto& f : files) {
        if (!text_of(f.data, "date").empty()) continue;
        diags.error({f.path, 1, 1}, "the file has no date: a collection is ordered by date",
                    "add date: YYYY-MM-DD to its front matter");
        dated = false;
    }
    if (!dated) return std::nullopt;
    std::stable_sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return std::pair(text_of(a.data, "date"), a.path) < std::pair(text_of(b.data, "date"), b.path);
    });
    return files;
}

Value meeting_series(const std::vector<CollectionFile>& files, const std::string& collection,
                     Diagnostics& diags) {
    std::vector<Value> meetings;
    for (const auto& f : files) {
        Value m = f.data;
        m.set("source", Value::string(f.path, m.loc));
        meetings.push_back(std::move(m));
    }
    Value root = Value::map();
    Value list = Value::list();
    list.items = meetings;
    root.set(collection, std::move(list));
    root.set("latest", meetings.empty() ? Value::map() : meetings.back());
    const std::string latest = meetings.empty() ? "" : text_of(meetings.back(), "date");

    std::vector<Tracked> tracked = Series(diags).follow(files);
    std::vector<const Tracked*> open, done;
    for (const Tracked& t : tracked) (t.closed ? done : open).push_back(&t);
    sort_actions(open, done);
    std::vector<const Tracked*> all = open;
    all.insert(all.end(), done.begin(), done.end());
    root.set("actions", list_of(all, meetings, latest));
    root.set("open", list_of(open, meetings, latest));
    root.set("done", list_of(done, meetings, latest));
    root.set("owners", owners_of(open, meetings, latest));
    return root;
}

}  // namespace dw::data
