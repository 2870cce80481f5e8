#pragma once
// Date expressions in news text, resolved against the publication date: "on Thursday" (the most
// recent Thursday on or before publication), "overnight from Sunday to Monday" (a range),
// "yesterday", "last week", "April 23", "10 May", "end of April", "Monday (November 7th)",
// "mid-December last year", years and decades ("in 2020", "the 1990s"), expressions counted from
// another date ("the following day", "the previous night"), and times of day that carry a report
// over midnight ("on 12 September from 23:40 until 01:00" is 12-13 September).

#include "geo/core/event.hpp"
#include "geo/text/tokens.hpp"

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace sitmap::geo {

enum class DateForm {
    relative, // yesterday, today, last week, two days ago, overnight
    weekday,  // on Thursday, Sunday night
    night,    // overnight from Sunday to Monday, the night of 12 September
    calendar, // April 23, 10 May, November 7th 2022
    period,   // early May, end of April, mid-December
    month,    // in April, October 2020
    year,     // in 2020, the 1990s, last year
    anchored, // the same day, the following day, the previous night: counted from another date
};

// Days from the date an expression counts from to its first and last day: "the following day"
// is {1, 1}, "the previous night" {-1, 0}, "overnight" {-1, 0}.
struct DayShift {
    int first = 0;
    int last = 0;
};

struct DateMention {
    std::size_t begin = 0; // byte offsets into the text searched
    std::size_t end = 0;
    DateForm form = DateForm::calendar;
    DateRange date;     // the past reading: a weekday is the most recent on or before publication
    DateRange upcoming; // the future reading ("will meet on Sunday"): the next such weekday
    // Set for expressions counted from another date: "overnight" from a day named in its sentence
    // ("overnight, the ministry said on Monday"), an anchored form from the nearest date named
    // before it. `anchored` tells whether such a date was found in the text; if not, `date` counts
    // from publication, and a reader that knows the date of the previous sentence can count from
    // it instead (see counted_from).
    std::optional<DayShift> shift;
    bool anchored = false;
};

// All date expressions in `text`, in order of position.
std::vector<DateMention> find_dates(std::string_view text, std::chrono::year_month_day published);

// A time of day named in text: "23:40", "5:05 pm", "10 p.m.", "at 2220".
struct TimeOfDay {
    std::size_t begin = 0;   // byte offset into the text searched
    int minutes = 0;         // after midnight
    bool ends_range = false; // after "to", "until", "till" or a dash: where something ended
};

// All times of day in `text`, in order of position. A bare number is not a time; four digits are
// one only after a time word ("at 2220", "from 2220 to 0005").
std::vector<TimeOfDay> find_times(std::string_view text);
// The same over the tokens of `text` already made (text::tokenize(text)).
std::vector<TimeOfDay> find_times(std::string_view text, const std::vector<text::Token>& tokens);

// The date of a mention with a shift, counted from `from` (the first day of another date).
DateRange counted_from(const DateMention& m, std::chrono::year_month_day from);

// The date an article's relative dates count from: the date of its dateline ("YEREVAN, July 20 -",
// "Baku, 20 July, AZERTAC", "20.07.2021 [12:25]" at the head of the article) when that is earlier
// than the publication date given, else the publication date.
std::chrono::year_month_day reference_date(std::string_view article,
                                           std::chrono::year_month_day published);

} // namespace sitmap::geo
