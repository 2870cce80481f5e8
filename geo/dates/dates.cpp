#include "geo/dates/dates.hpp"

#include "geo/text/tokens.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <optional>

namespace sitmap::geo {
namespace {

using namespace std::chrono;
using text::iequals;
using text::Token;

constexpr std::array<std::string_view, 7> weekday_names{
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

struct MonthName {
    std::string_view name;
    unsigned month;
};
constexpr std::array<MonthName, 20> month_names{{
    {"January", 1},   {"February", 2},  {"March", 3},  {"April", 4},     {"May", 5},
    {"June", 6},      {"July", 7},      {"August", 8}, {"September", 9}, {"October", 10},
    {"November", 11}, {"December", 12}, {"Jan", 1},    {"Feb", 2},       {"Aug", 8},
    {"Sep", 9},       {"Sept", 9},      {"Oct", 10},   {"Nov", 11},      {"Dec", 12},
}};

std::optional<weekday> weekday_of(const Token& t) {
    if (!t.capitalized()) {
        return std::nullopt;
    }
    for (unsigned i = 0; i < weekday_names.size(); ++i) {
        if (iequals(t.text, weekday_names[i])) {
            return weekday{i};
        }
    }
    return std::nullopt;
}

std::optional<unsigned> month_of(const Token& t) {
    if (!t.capitalized()) {
        return std::nullopt;
    }
    for (const auto& m : month_names) {
        if (iequals(t.text, m.name)) {
            return m.month;
        }
    }
    return std::nullopt;
}

// "7", "7th", "1st", "23rd", "2nd" -> day of month.
std::optional<unsigned> day_of(const Token& t) {
    std::size_t n = 0;
    while (n < t.text.size() && t.text[n] >= '0' && t.text[n] <= '9') {
        ++n;
    }
    if (n == 0 || n > 2) {
        return std::nullopt;
    }
    const std::string_view suffix = t.text.substr(n);
    if (!suffix.empty() && !iequals(suffix, "st") && !iequals(suffix, "nd") &&
        !iequals(suffix, "rd") && !iequals(suffix, "th")) {
        return std::nullopt;
    }
    unsigned d = 0;
    std::from_chars(t.text.data(), t.text.data() + n, d);
    if (d < 1 || d > 31) {
        return std::nullopt;
    }
    return d;
}

std::optional<int> year_of(const Token& t) {
    if (t.text.size() != 4 || !t.numeric()) {
        return std::nullopt;
    }
    int y = 0;
    std::from_chars(t.text.data(), t.text.data() + 4, y);
    if (y < 1900 || y > 2100) {
        return std::nullopt;
    }
    return y;
}

DateRange single(year_month_day d) {
    return DateRange{d, d, DatePrecision::day};
}
DateRange span(year_month_day b, year_month_day e) {
    return DateRange{b, e, DatePrecision::range};
}
year_month_day shift(year_month_day d, int days_) {
    return year_month_day{sys_days{d} + days{days_}};
}
year_month_day last_of_month(year y, month m) {
    return year_month_day{year_month_day_last{y, month_day_last{m}}};
}

year_month_day past_weekday(year_month_day pub, weekday wd) {
    const sys_days d{pub};
    return year_month_day{d - (weekday{d} - wd)};
}
year_month_day next_weekday(year_month_day pub, weekday wd) {
    const sys_days d{pub};
    auto diff = (wd - weekday{d}).count();
    if (diff == 0) {
        diff = 7;
    }
    return year_month_day{d + days{diff}};
}

// A date without a year is read at most this many days after publication.
constexpr long max_days_ahead = 90;

// The year that puts month/day nearest to publication (news dates are near their publication).
year nearest_year(year_month_day pub, unsigned m, unsigned d) {
    year best = pub.year();
    long best_gap = -1;
    for (int dy = -1; dy <= 1; ++dy) {
        const year y = pub.year() + years{dy};
        year_month_day ymd{y, month{m}, day{d}};
        if (!ymd.ok()) {
            ymd = last_of_month(y, month{m});
        }
        const long ahead = (sys_days{ymd} - sys_days{pub}).count();
        // Reports look back: a day ahead is meant only when it is near ("talks on 1 June" in
        // May), never half a year ahead ("the situation deteriorated on May 12" in November).
        if (ahead > max_days_ahead) {
            continue;
        }
        const long gap = std::labs(ahead);
        // Ties go to the past.
        if (best_gap < 0 || gap < best_gap) {
            best = y;
            best_gap = gap;
        }
    }
    return best;
}

class Scanner {
public:
    Scanner(std::string_view text, year_month_day published)
        : m_text(text), m_tokens(text::tokenize(text)), m_pub(published) {}

    std::vector<DateMention> run() {
        std::size_t i = 0;
        while (i < m_tokens.size()) {
            const std::size_t next = match_at(i);
            i = next > i ? next : i + 1;
        }
        return std::move(m_out);
    }

    const std::vector<Token>& tokens() const { return m_tokens; }

private:
    bool word(std::size_t i, std::string_view w) const {
        return i < m_tokens.size() && iequals(m_tokens[i].text, w);
    }
    std::string_view gap(std::size_t a) const {
        return a + 1 < m_tokens.size() ? text::gap_between(m_text, m_tokens[a], m_tokens[a + 1])
                                       : std::string_view{};
    }
    void emit(std::size_t first, std::size_t last, DateForm form, DateRange past,
              std::optional<DateRange> future = std::nullopt) {
        m_out.push_back(DateMention{m_tokens[first].begin, m_tokens[last].end, form, past,
                                    future ? *future : past, std::nullopt, false});
    }
    // An expression counted from another date; until one is found, from publication.
    void emit_shifted(std::size_t first, std::size_t last, DateForm form, DayShift by) {
        DateMention m{m_tokens[first].begin, m_tokens[last].end, form, {}, {}, by, false};
        m.date = m.upcoming = counted_from(m, m_pub);
        m_out.push_back(m);
    }

    // "the same day", "the following day", "the previous night", "a day later": counted from
    // the date named before it.
    std::optional<std::size_t> match_anchored(std::size_t i) {
        struct Phrase {
            std::array<std::string_view, 4> words; // "" ends a shorter phrase
            DayShift by;
        };
        static constexpr std::array<Phrase, 15> phrases{{
            {{"the", "same", "day"}, {0, 0}},
            {{"at", "that", "time"}, {0, 0}},
            {{"at", "the", "same", "time"}, {0, 0}},
            {{"that", "same", "day"}, {0, 0}},
            {{"later", "that", "day"}, {0, 0}},
            {{"the", "following", "day"}, {1, 1}},
            {{"the", "next", "day"}, {1, 1}},
            {{"a", "day", "later"}, {1, 1}},
            {{"the", "previous", "day"}, {-1, -1}},
            {{"a", "day", "earlier"}, {-1, -1}},
            {{"the", "previous", "night"}, {-1, 0}},
            {{"the", "night", "before"}, {-1, 0}},
            {{"the", "following", "night"}, {0, 1}},
            {{"the", "next", "night"}, {0, 1}},
            {{"that", "night", ""}, {0, 1}},
        }};
        for (const Phrase& p : phrases) {
            std::size_t n = 0;
            while (n < p.words.size() && !p.words[n].empty() && word(i + n, p.words[n])) {
                ++n;
            }
            if (n < p.words.size() && !p.words[n].empty()) {
                continue;
            }
            // "the night before the talks" is not a date.
            if (p.words[2] == "before" && (word(i + n, "the") || word(i + n, "a"))) {
                continue;
            }
            emit_shifted(i, i + n - 1, DateForm::anchored, p.by);
            return i + n;
        }
        return std::nullopt;
    }

    // An explicit year after token i ("April 23, 2023", "May 2023"), or "last year".
    std::optional<year> explicit_year(std::size_t i, std::size_t& last) const {
        if (i + 1 < m_tokens.size()) {
            if (const auto y = year_of(m_tokens[i + 1])) {
                last = i + 1;
                return year{*y};
            }
            if (word(i + 1, "last") && word(i + 2, "year")) {
                last = i + 2;
                return m_pub.year() - years{1};
            }
            if (word(i + 1, "this") && word(i + 2, "year")) {
                last = i + 2;
                return m_pub.year();
            }
        }
        return std::nullopt;
    }

    std::size_t match_at(std::size_t i) {
        const Token& t = m_tokens[i];
        // Most words cannot start a date: skip them with one look at the first letter.
        const char c = t.text[0];
        const bool maybe = t.capitalized() || (c >= '0' && c <= '9') || c == 'y' || c == 't' ||
                           c == 'l' || c == 'n' || c == 'o' || c == 'a' || c == 'e' || c == 'f' ||
                           c == 's' || c == 'h';
        if (!maybe) {
            return i + 1;
        }
        if (auto r = match_relative(i)) {
            return *r;
        }
        if (auto r = match_anchored(i)) {
            return *r;
        }
        if (word(i, "overnight") || word(i, "night")) {
            if (auto r = match_night(i)) {
                return *r;
            }
            // "overnight" alone: the night before the day it is told on (publication, unless its
            // sentence names that day).
            if (word(i, "overnight") && !(i + 1 < m_tokens.size() && weekday_of(m_tokens[i + 1]))) {
                emit_shifted(i, i, DateForm::relative, DayShift{-1, 0});
                return i + 1;
            }
        }
        if (auto wd = weekday_of(t)) {
            return match_weekday(i, *wd);
        }
        if (auto m = month_of(t)) {
            if (auto r = match_month(i, *m)) {
                return *r;
            }
        }
        if (auto r = match_numeric(i)) {
            return *r;
        }
        if (auto y = year_of(t)) {
            const year_month_day b{year{*y}, January, day{1}};
            const year_month_day e{year{*y}, December, day{31}};
            if (b.year() <= m_pub.year() + years{1}) {
                emit(i, i, DateForm::year, span(b, e));
            }
            return i + 1;
        }
        // A decade: "1990s", "2020s".
        if (t.text.size() == 5 && (t.text[4] == 's' || t.text[4] == 'S')) {
            const Token four{t.begin, t.end - 1, t.text.substr(0, 4)};
            if (auto y = year_of(four); y && *y % 10 == 0) {
                emit(i, i, DateForm::year,
                     span(year_month_day{year{*y}, January, day{1}},
                          year_month_day{year{*y + 9}, December, day{31}}));
                return i + 1;
            }
        }
        return i + 1;
    }

    // "11.05.2023" (day first, as in both ministries' English releases) and "2023-05-11".
    std::optional<std::size_t> match_numeric(std::size_t i) {
        if (i + 2 >= m_tokens.size() || !m_tokens[i].numeric() || !m_tokens[i + 1].numeric() ||
            !m_tokens[i + 2].numeric()) {
            return std::nullopt;
        }
        const std::string_view g1 = gap(i);
        const std::string_view g2 = gap(i + 1);
        unsigned a = 0;
        unsigned b = 0;
        int c = 0;
        const auto num = [](std::string_view t, auto& out) {
            std::from_chars(t.data(), t.data() + t.size(), out);
        };
        year_month_day ymd{};
        if (g1 == "." && g2 == "." && m_tokens[i].text.size() <= 2 &&
            m_tokens[i + 1].text.size() <= 2 && m_tokens[i + 2].text.size() == 4) {
            num(m_tokens[i].text, a);
            num(m_tokens[i + 1].text, b);
            num(m_tokens[i + 2].text, c);
            ymd = year_month_day{year{c}, month{b}, day{a}};
        } else if (g1 == "-" && g2 == "-" && m_tokens[i].text.size() == 4 &&
                   m_tokens[i + 1].text.size() == 2 && m_tokens[i + 2].text.size() == 2) {
            num(m_tokens[i].text, c);
            num(m_tokens[i + 1].text, b);
            num(m_tokens[i + 2].text, a);
            ymd = year_month_day{year{c}, month{b}, day{a}};
        } else {
            return std::nullopt;
        }
        if (!ymd.ok() || c < 1900 || c > 2100) {
            return std::nullopt;
        }
        emit(i, i + 2, DateForm::calendar, single(ymd));
        return i + 3;
    }

    std::optional<std::size_t> match_relative(std::size_t i) {
        if (word(i, "yesterday")) {
            // "the day before yesterday"
            if (i >= 3 && word(i - 3, "the") && word(i - 2, "day") && word(i - 1, "before")) {
                emit(i - 3, i, DateForm::relative, single(shift(m_pub, -2)));
            } else {
                emit(i, i, DateForm::relative, single(shift(m_pub, -1)));
            }
            return i + 1;
        }
        if (word(i, "today") || word(i, "tonight")) {
            emit(i, i, DateForm::relative, single(m_pub));
            return i + 1;
        }
        if (word(i, "this") &&
            (word(i + 1, "morning") || word(i + 1, "afternoon") || word(i + 1, "evening"))) {
            emit(i, i + 1, DateForm::relative, single(m_pub));
            return i + 2;
        }
        const sys_days pub{m_pub};
        const auto monday = pub - (weekday{pub} - Monday);
        if (word(i, "this") && word(i + 1, "week")) {
            emit(i, i + 1, DateForm::relative, span(year_month_day{monday}, m_pub));
            return i + 2;
        }
        if (word(i, "last") && word(i + 1, "night")) {
            emit_shifted(i, i + 1, DateForm::relative, DayShift{-1, 0});
            return i + 2;
        }
        if (word(i, "since") && word(i + 1, "morning")) {
            emit(i, i + 1, DateForm::relative, single(m_pub));
            return i + 2;
        }
        if ((word(i, "last") || word(i, "this")) && word(i + 1, "year")) {
            const year y = m_pub.year() - years{word(i, "last") ? 1 : 0};
            emit(i, i + 1, DateForm::year,
                 span(year_month_day{y, January, day{1}}, year_month_day{y, December, day{31}}));
            return i + 2;
        }
        if (word(i, "last") && word(i + 1, "week")) {
            emit(i, i + 1, DateForm::relative,
                 span(year_month_day{monday - days{7}}, year_month_day{monday - days{1}}));
            return i + 2;
        }
        if (word(i, "last") && word(i + 1, "month")) {
            const year_month prev = year_month{m_pub.year(), m_pub.month()} - months{1};
            emit(i, i + 1, DateForm::month,
                 DateRange{year_month_day{prev.year(), prev.month(), day{1}},
                           last_of_month(prev.year(), prev.month()), DatePrecision::month});
            return i + 2;
        }
        // "two days ago", "a week ago"
        std::size_t used = 0;
        // Cheap test first: a unit one or two tokens on ("two days ago", "twenty one days ago").
        const auto unit_at = [&](std::size_t k) {
            return word(k, "day") || word(k, "days") || word(k, "week") || word(k, "weeks");
        };
        if (!unit_at(i + 1) && !unit_at(i + 2)) {
            return std::nullopt;
        }
        if (const auto n = text::number_at(m_tokens, i, m_text, used); n && *n > 0 && *n < 400) {
            const std::size_t unit = i + used;
            const bool day_unit = word(unit, "day") || word(unit, "days");
            const bool week_unit = word(unit, "week") || word(unit, "weeks");
            if ((day_unit || week_unit) && word(unit + 1, "ago")) {
                const int back = *n * (week_unit ? 7 : 1);
                emit(i, unit + 1, DateForm::relative, single(shift(m_pub, -back)));
                return unit + 2;
            }
        }
        return std::nullopt;
    }

    // "overnight from Sunday to Monday", "the night of Sunday to Monday", "overnight into Monday"
    // or "into the 13th", "overnight on Monday" (the night that ended on Monday), "the night of 12
    // September" (the night that began on it), "the night of 12-13 September".
    std::optional<std::size_t> match_night(std::size_t i) {
        std::size_t j = i + 1;
        const bool on = word(i, "overnight") && word(j, "on");
        const bool of = word(j, "of");
        const bool linked = word(j, "from") || of || on || word(j, "between");
        if (linked) {
            ++j;
        }
        if (word(j, "into") || on) {
            const std::size_t k = on ? j : j + 1;
            if (k < m_tokens.size()) {
                if (const auto w2 = weekday_of(m_tokens[k])) {
                    const auto end = past_weekday(m_pub, *w2);
                    emit(i, k, DateForm::night, span(shift(end, -1), end));
                    return k + 1;
                }
                if (const auto d = day_at(k)) {
                    emit(i, d->last, DateForm::night, span(shift(d->first, -1), d->first));
                    return d->last + 1;
                }
            }
            return std::nullopt;
        }
        if (j >= m_tokens.size()) {
            return std::nullopt;
        }
        if (const auto d = linked ? day_at(j) : std::nullopt) {
            if (d->first == d->second) {
                emit(i, d->last, DateForm::night, night_of(d->first));
            } else {
                emit(i, d->last, DateForm::night, span(d->first, d->second));
            }
            return d->last + 1;
        }
        const auto w1 = weekday_of(m_tokens[j]);
        if (!w1) {
            return std::nullopt;
        }
        if (auto r = match_weekday_range(i, j, *w1)) {
            return r;
        }
        if (of) {
            emit(i, j, DateForm::night, night_of(past_weekday(m_pub, *w1)));
            return j + 1;
        }
        return std::nullopt;
    }

    // "the night of 12 September": the night that began on the 12th; but in a report of the 12th
    // it can only be the one that ended on it (the Russian and Azerbaijani "night to the 12th").
    DateRange night_of(year_month_day d) const {
        return d == m_pub ? span(shift(d, -1), d) : span(d, shift(d, 1));
    }

    // A day or a short run of days named at token k: "12 September", "September 12", "12-13
    // September", "September 12 to 13", "the 13th" (in the month of publication or the one
    // before). `first` and `second` are equal for one day; `last` is the last token used.
    struct DaysAt {
        year_month_day first;
        year_month_day second;
        std::size_t last = 0;
    };
    std::optional<DaysAt> day_at(std::size_t k) const {
        if (k + 1 >= m_tokens.size()) {
            return std::nullopt;
        }
        if (word(k, "the")) {
            const auto d = day_of(m_tokens[k + 1]);
            if (!d || m_tokens[k + 1].numeric()) {
                return std::nullopt; // an ordinal: "the 13th"
            }
            year_month_day ymd{m_pub.year(), m_pub.month(), day{*d}};
            if (!ymd.ok() || ymd > m_pub) {
                const year_month prev = year_month{m_pub.year(), m_pub.month()} - months{1};
                ymd = year_month_day{prev.year(), prev.month(), day{*d}};
            }
            if (!ymd.ok()) {
                return std::nullopt;
            }
            return DaysAt{ymd, ymd, k + 1};
        }
        std::optional<unsigned> m = month_of(m_tokens[k]);
        std::optional<unsigned> d1;
        std::optional<unsigned> d2;
        std::size_t last = k;
        if (m) { // Month D[-D2]
            d1 = day_of(m_tokens[k + 1]);
            last = k + 1;
            if (d1) {
                d2 = second_day(k + 1, last);
            }
        } else if ((d1 = day_of(m_tokens[k]))) { // D[-D2] Month
            std::size_t at = k;
            d2 = second_day(k, at);
            if (at + 1 < m_tokens.size()) {
                m = month_of(m_tokens[at + 1]);
            }
            last = at + 1;
        }
        if (!m || !d1 || (d2 && (*d2 <= *d1 || *d2 > *d1 + 3))) {
            return std::nullopt;
        }
        std::size_t end = last;
        const std::optional<year> y = explicit_year(last, end);
        const year yy = y ? *y : nearest_year(m_pub, *m, *d1);
        const year_month_day a{yy, month{*m}, day{*d1}};
        const year_month_day b = d2 ? year_month_day{yy, month{*m}, day{*d2}} : a;
        if (!a.ok() || !b.ok()) {
            return std::nullopt;
        }
        return DaysAt{a, b, end};
    }

    // The second day of "12-13" or "12 to 13" after the day at token k; moves `at` to it.
    std::optional<unsigned> second_day(std::size_t k, std::size_t& at) const {
        const std::string_view g = gap(k);
        if ((g == "-" || g == "\xE2\x80\x93") && k + 1 < m_tokens.size()) {
            if (const auto d = day_of(m_tokens[k + 1])) {
                at = k + 1;
                return d;
            }
        }
        if ((word(k + 1, "to") || word(k + 1, "and")) && k + 2 < m_tokens.size()) {
            if (const auto d = day_of(m_tokens[k + 2])) {
                at = k + 2;
                return d;
            }
        }
        return std::nullopt;
    }

    // W1 to/into/and W2, starting the mention at token `first`.
    std::optional<std::size_t> match_weekday_range(std::size_t first, std::size_t j, weekday w1) {
        if (!(word(j + 1, "to") || word(j + 1, "into") || word(j + 1, "and")) && gap(j) != "-") {
            return std::nullopt;
        }
        const std::size_t k = gap(j) == "-" ? j + 1 : j + 2;
        if (k >= m_tokens.size()) {
            return std::nullopt;
        }
        const auto w2 = weekday_of(m_tokens[k]);
        if (!w2) {
            return std::nullopt;
        }
        const auto end = past_weekday(m_pub, *w2);
        const auto length = (*w2 - w1).count();
        const auto fend = next_weekday(m_pub, *w2);
        std::size_t last = k;
        if (word(k + 1, "night")) {
            last = k + 1;
        }
        emit(first, last, DateForm::night, span(shift(end, -static_cast<int>(length)), end),
             span(shift(fend, -static_cast<int>(length)), fend));
        return last + 1;
    }

    std::size_t match_weekday(std::size_t i, weekday wd) {
        // "Monday (November 7th)", "Monday, November 7", "Monday 7 November": the calendar date
        // decides.
        if (i + 2 < m_tokens.size()) {
            const std::string_view g = gap(i);
            if (g == " (" || g == ", " || g == " ") {
                if (const auto m = month_of(m_tokens[i + 1])) {
                    if (const auto d = day_of(m_tokens[i + 2])) {
                        emit_calendar(i, i + 2, *m, *d);
                        return skip_past_mention();
                    }
                }
                if (const auto d = day_of(m_tokens[i + 1])) {
                    if (const auto m = month_of(m_tokens[i + 2])) {
                        emit_calendar(i, i + 2, *m, *d);
                        return skip_past_mention();
                    }
                }
            }
        }
        if (auto r = match_weekday_range(i, i, wd)) {
            return *r;
        }
        const auto past = single(past_weekday(m_pub, wd));
        const auto future = single(next_weekday(m_pub, wd));
        std::size_t last = i;
        if (word(i + 1, "night") || word(i + 1, "morning") || word(i + 1, "evening") ||
            word(i + 1, "afternoon")) {
            last = i + 1;
        }
        if (i > 0 && word(i - 1, "next")) {
            emit(i - 1, last, DateForm::weekday, future, future);
        } else if (i > 0 && word(i - 1, "last")) {
            emit(i - 1, last, DateForm::weekday, past, past);
        } else {
            emit(i, last, DateForm::weekday, past, future);
        }
        return last + 1;
    }

    // A calendar day from tokens first..last (day and month known), with an optional year after.
    void emit_calendar(std::size_t first, std::size_t last, unsigned m, unsigned d) {
        std::size_t end = last;
        const std::optional<year> y = explicit_year(last, end);
        const year yy = y ? *y : nearest_year(m_pub, m, d);
        year_month_day ymd{yy, month{m}, day{d}};
        if (!ymd.ok()) {
            ymd = last_of_month(yy, month{m});
        }
        emit(first, end, DateForm::calendar, single(ymd));
    }

    // The first day of "12-13" or "12 to 13" whose second day is at token k.
    struct RunStart {
        unsigned day = 0;
        std::size_t first_token = 0;
    };
    std::optional<RunStart> day_run_before(std::size_t k) const {
        const unsigned d2 = *day_of(m_tokens[k]);
        const auto fits = [&](std::optional<unsigned> d1) {
            return d1 && d2 > *d1 && d2 <= *d1 + 3;
        };
        if (k >= 1) {
            const std::string_view g = gap(k - 1);
            if ((g == "-" || g == "\xE2\x80\x93") && fits(day_of(m_tokens[k - 1]))) {
                return RunStart{*day_of(m_tokens[k - 1]), k - 1};
            }
        }
        if (k >= 2 && (word(k - 1, "to") || word(k - 1, "and")) && fits(day_of(m_tokens[k - 2]))) {
            return RunStart{*day_of(m_tokens[k - 2]), k - 2};
        }
        return std::nullopt;
    }

    // Days d1..d2 of month m from tokens first..last, with an optional year after.
    void emit_run(std::size_t first, std::size_t last, unsigned m, unsigned d1, unsigned d2) {
        std::size_t end = last;
        const std::optional<year> y = explicit_year(last, end);
        const year yy = y ? *y : nearest_year(m_pub, m, d1);
        const year_month_day a{yy, month{m}, day{d1}};
        const year_month_day b{yy, month{m}, day{d2}};
        if (!a.ok() || !b.ok()) {
            emit_calendar(first, last, m, d1);
            return;
        }
        emit(first, end, DateForm::calendar, span(a, b));
    }

    std::optional<std::size_t> match_month(std::size_t i, unsigned m) {
        // D [of] M
        if (i >= 1) {
            std::size_t di = i - 1;
            if (word(di, "of") && di >= 1) {
                --di;
            }
            if (const auto d = day_of(m_tokens[di]); d && (di + 1 == i || word(di + 1, "of"))) {
                // Not "four days" or a count: a bare day number before a month name. "12-13
                // September" is a run of days.
                if (const auto r = day_run_before(di); r && di + 1 == i) {
                    emit_run(r->first_token, i, m, r->day, *d);
                } else {
                    emit_calendar(di, i, m, *d);
                }
                // The day token was seen before; drop an earlier mention that overlaps.
                return skip_past_mention();
            }
        }
        // M D, M D-D2
        if (i + 1 < m_tokens.size()) {
            if (const auto d = day_of(m_tokens[i + 1]); d && !year_of(m_tokens[i + 1])) {
                std::size_t at = i + 1;
                if (const auto d2 = second_day(i + 1, at); d2 && *d2 > *d && *d2 <= *d + 3) {
                    emit_run(i, at, m, *d, *d2);
                } else {
                    emit_calendar(i, i + 1, m, *d);
                }
                return skip_past_mention();
            }
        }
        // Periods: early / mid / late / end of / beginning of / start of / middle of.
        std::size_t first = i;
        unsigned from = 1;
        unsigned to = 0; // 0: the month's last day
        bool period = false;
        const auto set = [&](std::size_t f, unsigned a, unsigned b) {
            first = f;
            from = a;
            to = b;
            period = true;
        };
        if (i >= 1 && word(i - 1, "early")) {
            set(i - 1, 1, 10);
        } else if (i >= 1 && (word(i - 1, "mid") || word(i - 1, "middle"))) {
            set(i - 1, 11, 20);
        } else if (i >= 1 && word(i - 1, "late")) {
            set(i - 1, 21, 0);
        } else if (i >= 1 && word(i - 1, "end")) {
            set(i - 1, 21, 0);
        } else if (i >= 2 && word(i - 1, "of")) {
            if (word(i - 2, "end")) {
                set(i - 2, 21, 0);
            } else if (word(i - 2, "beginning") || word(i - 2, "start")) {
                set(i - 2, 1, 10);
            } else if (word(i - 2, "middle")) {
                set(i - 2, 11, 20);
            }
        }
        std::size_t last = i;
        const std::optional<year> y = explicit_year(i, last);
        const bool anchored =
            period || y ||
            (i >= 1 && (word(i - 1, "in") || word(i - 1, "since") || word(i - 1, "until") ||
                        word(i - 1, "by") || word(i - 1, "from") || word(i - 1, "during") ||
                        word(i - 1, "last") || word(i - 1, "this") || word(i - 1, "next") ||
                        word(i - 1, "of") || word(i - 1, "before") || word(i - 1, "after")));
        if (!anchored) {
            return std::nullopt;
        }
        // "since December", "last December": the most recent such month, never a coming one.
        const bool past = i >= 1 && (word(i - 1, "since") || word(i - 1, "last"));
        const year yy = y ? *y
                        : past
                            ? (month{m} <= m_pub.month() ? m_pub.year() : m_pub.year() - years{1})
                            : nearest_year(m_pub, m, period ? (to ? (from + to) / 2 : 25) : 15);
        const year_month_day b{yy, month{m}, day{from}};
        const year_month_day e =
            to ? year_month_day{yy, month{m}, day{to}} : last_of_month(yy, month{m});
        if (period) {
            emit(first, last, DateForm::period, span(b, e));
        } else {
            emit(first, last, DateForm::month, DateRange{b, e, DatePrecision::month});
        }
        return last + 1;
    }

    // After a calendar date: continue after its last token.
    std::size_t skip_past_mention() {
        const std::size_t end = m_out.back().end;
        // Remove an earlier mention that this one covers (e.g. a weekday or year inside it).
        while (m_out.size() >= 2 && m_out[m_out.size() - 2].end > m_out.back().begin) {
            m_out.erase(m_out.end() - 2);
        }
        std::size_t k = 0;
        while (k < m_tokens.size() && m_tokens[k].end <= end) {
            ++k;
        }
        return k;
    }

    std::string_view m_text;
    std::vector<Token> m_tokens;
    year_month_day m_pub;
    std::vector<DateMention> m_out;
};

// Words that may stand between the two days of a run or the two times of a report ("from 2220
// on August 11 to 0005 on August 12"); the range words join them.
bool is_range_word(std::string_view w) {
    return iequals(w, "to") || iequals(w, "until") || iequals(w, "till") || iequals(w, "through");
}
bool is_time_word(std::string_view w) {
    for (std::string_view t :
         {"at",      "from", "around", "about", "approximately", "since",  "on",   "starting",
          "between", "and",  "local",  "time",  "hours",         "hrs",    "a",    "p",
          "m",       "am",   "pm",     "gmt",   "utc",           "moscow", "baku", "yerevan"}) {
        if (iequals(w, t)) {
            return true;
        }
    }
    return false;
}
bool is_range_gap(std::string_view g) {
    return g.find('-') != std::string_view::npos ||
           g.find("\xE2\x80\x93") != std::string_view::npos;
}

// Two byte offsets of a text are in one sentence: no line break or full stop before a capital
// between them.
bool same_sentence(std::string_view text, std::size_t a, std::size_t b) {
    const std::string_view between = text.substr(std::min(a, b), std::max(a, b) - std::min(a, b));
    for (std::size_t k = 0; k < between.size(); ++k) {
        const char c = between[k];
        if (c == '\n' || c == '!' || c == '?') {
            return false;
        }
        if (c == '.' && k + 2 < between.size() && between[k + 1] == ' ' && between[k + 2] >= 'A' &&
            between[k + 2] <= 'Z') {
            return false;
        }
    }
    return true;
}

// A time of day at token i, in minutes after midnight: "23:40", "5:05 pm", "10 p.m.", "10pm",
// and "2220" when `cued` (after "at", "from", "to"...). `used` is the count of tokens it spans.
std::optional<int> time_at(std::string_view text, const std::vector<Token>& t, std::size_t i,
                           bool cued, std::size_t& used) {
    const auto num = [](std::string_view s) {
        int v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        return v;
    };
    const auto gap = [&](std::size_t a) {
        return a + 1 < t.size() ? text::gap_between(text, t[a], t[a + 1]) : std::string_view{};
    };
    const std::string_view w = t[i].text;
    int h = -1;
    int m = 0;
    used = 1;
    std::size_t k = i + 1;
    if (w.size() >= 3 &&
        (iequals(w.substr(w.size() - 2), "am") || iequals(w.substr(w.size() - 2), "pm"))) {
        const std::string_view digits = w.substr(0, w.size() - 2);
        if (digits.size() > 2 || !Token{0, 0, digits}.numeric()) {
            return std::nullopt;
        }
        h = num(digits) % 12 + (iequals(w.substr(w.size() - 2), "pm") ? 12 : 0);
        return h < 24 ? std::optional<int>(h * 60) : std::nullopt;
    }
    if (!t[i].numeric()) {
        return std::nullopt;
    }
    if (w.size() <= 2 && gap(i) == ":" && k < t.size() && t[k].numeric() && t[k].text.size() == 2) {
        h = num(w);
        m = num(t[k].text);
        ++k;
    } else if (w.size() == 4 && cued) {
        h = num(w.substr(0, 2));
        m = num(w.substr(2));
    } else if (w.size() > 2) {
        return std::nullopt;
    } else {
        h = num(w);
    }
    // "a.m.", "p.m.", "am", "pm"
    bool am = false;
    bool pm = false;
    if (k < t.size() && (iequals(t[k].text, "am") || iequals(t[k].text, "pm"))) {
        am = iequals(t[k].text, "am");
        pm = !am;
        ++k;
    } else if (k + 1 < t.size() && (iequals(t[k].text, "a") || iequals(t[k].text, "p")) &&
               iequals(t[k + 1].text, "m") && gap(k) == ".") {
        am = iequals(t[k].text, "a");
        pm = !am;
        k += 2;
    } else if (w.size() <= 2 && k == i + 1) {
        return std::nullopt; // a bare number is not a time
    }
    if (am || pm) {
        h = h % 12 + (pm ? 12 : 0);
    }
    if (h < 0 || h > 23 || m < 0 || m > 59) {
        return std::nullopt;
    }
    used = k - i;
    return h * 60 + m;
}

bool is_single_day(const DateMention& m) {
    return !m.shift && m.date.precision == DatePrecision::day &&
           (m.form == DateForm::calendar || m.form == DateForm::weekday ||
            m.form == DateForm::relative);
}

// "from 2220 on August 11 to 0005 on August 12": two days joined by a range word over times only
// are one run of days.
void join_runs(std::string_view text, const std::vector<Token>& tokens,
               std::vector<DateMention>& found) {
    for (std::size_t k = 0; k + 1 < found.size(); ++k) {
        DateMention& a = found[k];
        const DateMention& b = found[k + 1];
        const long days_apart = (sys_days{b.date.begin} - sys_days{a.date.begin}).count();
        if (!is_single_day(a) || !is_single_day(b) || days_apart < 1 || days_apart > 3) {
            continue;
        }
        bool ranged = false;
        bool only_times = true;
        for (const Token& t : tokens) {
            if (t.begin < a.end || t.end > b.begin) {
                continue;
            }
            ranged = ranged || is_range_word(t.text);
            only_times =
                only_times && (t.numeric() || is_range_word(t.text) || is_time_word(t.text));
        }
        if (ranged && only_times && same_sentence(text, a.end, b.begin)) {
            a.end = b.end;
            a.date = a.upcoming = span(a.date.begin, b.date.end);
            found.erase(found.begin() + static_cast<std::ptrdiff_t>(k + 1));
        }
    }
}

std::vector<TimeOfDay> times_of_day(std::string_view text, const std::vector<Token>& tokens) {
    std::vector<TimeOfDay> out;
    std::size_t after_last_time = tokens.size(); // the token after the last time found
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const char c = tokens[i].text[0];
        if (c < '0' || c > '9') {
            continue;
        }
        const bool after_word =
            i > 0 && (is_time_word(tokens[i - 1].text) || is_range_word(tokens[i - 1].text));
        const bool after_dash = i > 0 && after_last_time == i &&
                                is_range_gap(text::gap_between(text, tokens[i - 1], tokens[i]));
        std::size_t used = 0;
        if (const auto m = time_at(text, tokens, i, after_word || after_dash, used)) {
            const bool ends = i > 0 && (is_range_word(tokens[i - 1].text) || after_dash);
            out.push_back(TimeOfDay{tokens[i].begin, *m, ends});
            i += used - 1;
            after_last_time = i + 1;
        }
    }
    return out;
}

// "on 12 September at 23:40 ... until 01:00", "from 22:00 to 02:00 on 13 September": a report
// from the evening to the small hours covers two days, the day named and the next (or, named
// after the times, the day before and that day).
void over_midnight(std::string_view text, const std::vector<Token>& tokens,
                   std::vector<DateMention>& found) {
    const std::vector<TimeOfDay> times = times_of_day(text, tokens);
    for (std::size_t k = 1; k < times.size(); ++k) {
        const TimeOfDay& from = times[k - 1];
        const TimeOfDay& to = times[k];
        constexpr int noon = 12 * 60;
        if (!to.ends_range || from.minutes < noon || to.minutes >= noon ||
            !same_sentence(text, from.begin, to.begin)) {
            continue;
        }
        // The day next to the times, with no other date between them (the times of a run of
        // days, "from 2220 on August 11 to 0005 on August 12", are already read with it).
        DateMention* day = nullptr;
        bool between = false;
        for (DateMention& m : found) {
            between = between || (m.begin > from.begin && m.begin < to.begin);
            if (is_single_day(m) && same_sentence(text, m.begin, to.begin)) {
                day = &m;
                if (m.begin > to.begin) {
                    break; // the first day after the times
                }
            }
        }
        if (day == nullptr || between) {
            continue;
        }
        const year_month_day d = day->date.begin;
        day->date = day->upcoming =
            day->begin < to.begin ? span(d, shift(d, 1)) : span(shift(d, -1), d);
    }
}

// Days from which something has gone on up to the report: "starting from the night of 12
// September" in a report of the 14th is 12-14 September.
void ongoing_since(const std::vector<Token>& tokens, year_month_day published,
                   std::vector<DateMention>& found) {
    constexpr long max_ongoing_days = 3;
    for (DateMention& m : found) {
        std::size_t k = 0;
        while (k < tokens.size() && tokens[k].end <= m.begin) {
            ++k;
        }
        while (k > 0 && (iequals(tokens[k - 1].text, "the") || iequals(tokens[k - 1].text, "on"))) {
            --k;
        }
        if (k > 0 && iequals(tokens[k - 1].text, "from")) {
            --k;
        }
        const bool starting = k > 0 && (iequals(tokens[k - 1].text, "starting") ||
                                        iequals(tokens[k - 1].text, "beginning"));
        const long days_before = (sys_days{published} - sys_days{m.date.begin}).count();
        if (starting && !m.shift && days_before >= 1 && days_before <= max_ongoing_days &&
            m.date.precision != DatePrecision::month) {
            m.date = m.upcoming = span(m.date.begin, published);
        }
    }
}

// Expressions counted from another date: an anchored form from the nearest date named before it,
// "overnight" from the day named in its sentence.
void resolve_shifts(std::string_view text, std::vector<DateMention>& found) {
    for (DateMention& m : found) {
        if (!m.shift) {
            continue;
        }
        const DateMention* from = nullptr;
        for (const DateMention& o : found) {
            if (o.shift || &o == &m) {
                continue;
            }
            if (m.form == DateForm::anchored) {
                if (o.end <= m.begin && o.date.precision != DatePrecision::month &&
                    o.form != DateForm::year) {
                    from = &o; // the last one before it
                }
            } else if (is_single_day(o) && same_sentence(text, o.begin, m.begin) &&
                       (from == nullptr ||
                        std::labs(static_cast<long>(o.begin) - static_cast<long>(m.begin)) <
                            std::labs(static_cast<long>(from->begin) -
                                      static_cast<long>(m.begin)))) {
                from = &o;
            }
        }
        if (from != nullptr) {
            m.date = m.upcoming = counted_from(m, from->date.end);
            m.anchored = true;
        }
    }
}

} // namespace

std::vector<DateMention> find_dates(std::string_view text, std::chrono::year_month_day published) {
    Scanner scanner(text, published);
    std::vector<DateMention> found = scanner.run();
    if (!found.empty()) {
        join_runs(text, scanner.tokens(), found);
        over_midnight(text, scanner.tokens(), found);
        ongoing_since(scanner.tokens(), published, found);
        resolve_shifts(text, found);
    }
    return found;
}

std::vector<TimeOfDay> find_times(std::string_view text) {
    return times_of_day(text, text::tokenize(text));
}

std::vector<TimeOfDay> find_times(std::string_view text, const std::vector<text::Token>& tokens) {
    return times_of_day(text, tokens);
}

DateRange counted_from(const DateMention& m, std::chrono::year_month_day from) {
    if (!m.shift) {
        return m.date;
    }
    const year_month_day a = shift(from, m.shift->first);
    const year_month_day b = shift(from, m.shift->last);
    return a == b ? single(a) : span(a, b);
}

} // namespace sitmap::geo

namespace sitmap::geo {
namespace {

// The head of an article where a dateline stands, in bytes.
constexpr std::size_t dateline_reach = 600;
// A dateline's own line holds at most this many words besides the date and times ("Published",
// an author's name, the agency): more is a headline or a caption.
constexpr std::size_t dateline_words = 3;

// A word of a dateline line that is not a date: capitalised, not a time or a number.
bool is_dateline_word(const Token& t) {
    if (t.numeric()) {
        return false;
    }
    for (std::string_view w : {"am", "pm", "utc", "gmt", "msk"}) {
        if (iequals(t.text, w)) {
            return false;
        }
    }
    return true;
}

// The mention `m` of `head` is a dateline: alone on its line with a few capitalised words ("Baku,
// July 20, AZERTAC", "20.07.2021 [12:25]", "Published February 13, 2024 | 05:46 PM"), or after a
// place in capitals and a comma ("YEREVAN, September 14. /TASS/. The ministry...").
bool is_dateline(std::string_view head, const DateMention& m) {
    const std::size_t line_begin =
        head.rfind('\n', m.begin) == std::string_view::npos ? 0 : head.rfind('\n', m.begin) + 1;
    const std::size_t nl = head.find('\n', m.end);
    const std::size_t line_end = nl == std::string_view::npos ? head.size() : nl;
    const std::string_view before = head.substr(line_begin, m.begin - line_begin);
    const std::string_view after = head.substr(m.end, line_end - m.end);
    std::size_t words = 0;
    bool lower = false;
    for (std::string_view part : {before, after}) {
        for (const Token& t : text::tokenize(part)) {
            words += is_dateline_word(t) ? 1 : 0;
            lower = lower || (t.text[0] >= 'a' && t.text[0] <= 'z' && is_dateline_word(t));
        }
    }
    if (!lower && words <= dateline_words) {
        return true;
    }
    // "YEREVAN, " or "Baku, " before the date, the story after it.
    const std::vector<Token> place = text::tokenize(before);
    std::size_t trimmed = before.size();
    while (trimmed > 0 && before[trimmed - 1] == ' ') {
        --trimmed;
    }
    return !place.empty() && place.size() <= dateline_words && trimmed > 0 &&
           before[trimmed - 1] == ',' &&
           std::all_of(place.begin(), place.end(), [](const Token& t) { return t.capitalized(); });
}

} // namespace

std::chrono::year_month_day reference_date(std::string_view article,
                                           std::chrono::year_month_day published) {
    std::string_view head = article.substr(0, std::min(article.size(), dateline_reach));
    // Cut at a space so that no word (or UTF-8 sequence) is split.
    if (head.size() < article.size()) {
        head = head.substr(0, head.find_last_of(" \n") == std::string_view::npos
                                  ? head.size()
                                  : head.find_last_of(" \n"));
    }
    for (const DateMention& m : find_dates(head, published)) {
        if (m.form != DateForm::calendar || m.date.precision != DatePrecision::day ||
            !is_dateline(head, m)) {
            continue;
        }
        return m.date.begin < published ? m.date.begin : published;
    }
    return published;
}

} // namespace sitmap::geo
