#include "geo/dates/dates.hpp"

#include "geo/text/tokens.hpp"

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
        const long gap = std::labs((sys_days{ymd} - sys_days{pub}).count());
        // Ties go to the past: reports look back more often than ahead.
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
                                    future ? *future : past});
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
        if (word(i, "overnight") || word(i, "night")) {
            if (auto r = match_night(i)) {
                return *r;
            }
            // "overnight" alone: the night before publication.
            if (word(i, "overnight") && !(i + 1 < m_tokens.size() && weekday_of(m_tokens[i + 1]))) {
                emit(i, i, DateForm::relative, span(shift(m_pub, -1), m_pub));
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
            emit(i, i + 1, DateForm::relative, span(shift(m_pub, -1), m_pub));
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

    // "overnight from Sunday to Monday", "the night of Sunday to Monday", "overnight into Monday".
    std::optional<std::size_t> match_night(std::size_t i) {
        std::size_t j = i + 1;
        if (word(j, "from") || word(j, "of") || word(j, "between")) {
            ++j;
        }
        if (word(j, "into")) {
            if (j + 1 < m_tokens.size()) {
                if (const auto w2 = weekday_of(m_tokens[j + 1])) {
                    const auto end = past_weekday(m_pub, *w2);
                    emit(i, j + 1, DateForm::night, span(shift(end, -1), end));
                    return j + 2;
                }
            }
            return std::nullopt;
        }
        if (j >= m_tokens.size()) {
            return std::nullopt;
        }
        const auto w1 = weekday_of(m_tokens[j]);
        if (!w1) {
            return std::nullopt;
        }
        if (auto r = match_weekday_range(i, j, *w1)) {
            return r;
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

    std::optional<std::size_t> match_month(std::size_t i, unsigned m) {
        // D [of] M
        if (i >= 1) {
            std::size_t di = i - 1;
            if (word(di, "of") && di >= 1) {
                --di;
            }
            if (const auto d = day_of(m_tokens[di]); d && (di + 1 == i || word(di + 1, "of"))) {
                // Not "four days" or a count: a bare day number before a month name.
                emit_calendar(di, i, m, *d);
                // The day token was seen before; drop an earlier mention that overlaps.
                return skip_past_mention();
            }
        }
        // M D
        if (i + 1 < m_tokens.size()) {
            if (const auto d = day_of(m_tokens[i + 1]); d && !year_of(m_tokens[i + 1])) {
                emit_calendar(i, i + 1, m, *d);
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
        const year yy = y ? *y : nearest_year(m_pub, m, period ? (to ? (from + to) / 2 : 25) : 15);
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

} // namespace

std::vector<DateMention> find_dates(std::string_view text, std::chrono::year_month_day published) {
    return Scanner(text, published).run();
}

} // namespace sitmap::geo
