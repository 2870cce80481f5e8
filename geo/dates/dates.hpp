#pragma once
// Date expressions in news text, resolved against the publication date: "on Thursday" (the most
// recent Thursday on or before publication), "overnight from Sunday to Monday" (a range),
// "yesterday", "last week", "April 23", "10 May", "end of April", "Monday (November 7th)",
// "mid-December last year", years and decades ("in 2020", "the 1990s").

#include "geo/core/event.hpp"

#include <chrono>
#include <string_view>
#include <vector>

namespace sitmap::geo {

enum class DateForm {
    relative, // yesterday, today, last week, two days ago
    weekday,  // on Thursday, Sunday night
    night,    // overnight from Sunday to Monday
    calendar, // April 23, 10 May, November 7th 2022
    period,   // early May, end of April, mid-December
    month,    // in April, October 2020
    year,     // in 2020, the 1990s
};

struct DateMention {
    std::size_t begin = 0; // byte offsets into the text searched
    std::size_t end = 0;
    DateForm form = DateForm::calendar;
    DateRange date;     // the past reading: a weekday is the most recent on or before publication
    DateRange upcoming; // the future reading ("will meet on Sunday"): the next such weekday
};

// All date expressions in `text`, in order of position.
std::vector<DateMention> find_dates(std::string_view text, std::chrono::year_month_day published);

} // namespace sitmap::geo
