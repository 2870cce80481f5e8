// History, habit and tense: old dates and wars ("the war of the 1990s"), habits ("clashes
// regularly take place"), the future ("will meet on Sunday"), and the date of the report as
// against the date of the events ("the ministry said on Monday").

#include "geo/extract/detail/history.hpp"
#include "geo/extract/detail/words.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

namespace sitmap::geo::detail {
namespace {

using namespace std::chrono;

// An old date with one of the attached_to nouns at most this many bytes before it dates the noun,
// not the sentence ("an accord from November 2020").
constexpr std::size_t attached_date_reach = 40;
// A speech verb at most this many words before a date makes it the date of the report ("said in a
// joint statement on ...").
constexpr std::size_t report_filler_words = 6;
// A date that opens a sentence dates the report when a speech verb follows within this many words
// ("On Tuesday night, the Armenian Defence Ministry said that ...").
constexpr std::size_t opening_report_words = 8;
// The news of a report is what happened at most this many days before it; an event recalled for
// comparison further back is background.
constexpr days recent_days{2};
// A date at most this many words after "since" is the point a comparison starts from.
constexpr std::size_t since_clause_words = 12;
// A dateline names a place in at most this many words ("YEREVAN", "BAKU, Azerbaijan").
constexpr std::size_t max_dateline_words = 3;
// A run of days up to this long is a stated span of an incident ("overnight", "from 22:20 on 11
// August to 00:05 on 12 August"); a longer range (a week, a month) is vaguer than a day.
constexpr long short_run_days = 2;

// The cues of data/lexicon/en/history_cues.tsv, each read once.
struct Cues {
    PhraseList attached_to, past_period, war_before, habitual, future, speech, speech_past,
        report_filler, report_opener, recalls;
};

const Cues& cues() {
    static const Cues c{
        PhraseList(phrases_of_class("history_cues", "attached_to")),
        PhraseList(phrases_of_class("history_cues", "past_period")),
        PhraseList(phrases_of_class("history_cues", "war_before")),
        PhraseList(phrases_of_class("history_cues", "habitual")),
        PhraseList(phrases_of_class("history_cues", "future")),
        PhraseList(phrases_of_class("history_cues", "speech")),
        PhraseList(phrases_of_class("history_cues", "speech_past")),
        PhraseList(phrases_of_class("history_cues", "report_filler")),
        PhraseList(phrases_of_class("history_cues", "report_opener")),
        PhraseList(phrases_of_class("history_cues", "recalls")),
    };
    return c;
}

std::size_t distance(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
    if (e1 <= b2) {
        return b2 - e1;
    }
    if (e2 <= b1) {
        return b1 - e2;
    }
    return 0;
}

bool is_word(const std::vector<Token>& tokens, std::size_t i, const PhraseList& list) {
    return i < tokens.size() && list.match_at(tokens, i) > 0;
}

long span_days(const DateRange& d) {
    return (sys_days{d.end} - sys_days{d.begin}).count();
}

// A day or a short run of days, as against a week, a month, a season or a year.
bool names_a_day(const DateMention& d) {
    return d.form != DateForm::year && d.date.precision != DatePrecision::month &&
           span_days(d.date) <= short_run_days;
}

// "this week", "last week": no date for one incident, only for what went on during it.
bool is_week(const DateMention& d) {
    return d.form == DateForm::relative && !d.shift && d.date.precision == DatePrecision::range;
}

// The sentence names a recent day for its events (not only for the report of them).
bool names_recent_day(const TokenizedSentence& sentence, year_month_day published,
                      const std::vector<DateMention>& dates) {
    const sys_days cutoff = sys_days{published} - news_period;
    return std::any_of(dates.begin(), dates.end(), [&](const DateMention& d) {
        return names_a_day(d) && sys_days{d.date.end} >= cutoff && !is_report_date(sentence, d, {});
    });
}

// The word before a date, or "".
std::string_view word_before(const TokenizedSentence& sentence, const DateMention& d) {
    std::string_view before;
    for (const Token& t : sentence.tokens) {
        if (t.end > d.begin) {
            break;
        }
        before = t.text;
    }
    return before;
}

// An old date not attached to an agreement ("in 2020", "last year", "last month", but not "the
// accord of November 2020"). A whole past year, or the month before, told as such ("last
// month"), is old however recent: it is the background of the day's news.
bool has_old_date(const TokenizedSentence& sentence, year_month_day published,
                  const std::vector<DateMention>& dates) {
    const sys_days cutoff = sys_days{published} - news_period;
    for (const DateMention& d : dates) {
        const bool past_year = d.form == DateForm::year && d.date.end.year() < published.year();
        // "last month", "since December": a state or an event of an earlier month.
        const bool last_month = d.form == DateForm::month && d.date.end < published &&
                                (istarts_with(sentence.text.substr(d.begin), "last ") ||
                                 iequals(word_before(sentence, d), "since"));
        if (sys_days{d.date.end} >= cutoff && !past_year && !last_month) {
            continue;
        }
        bool attached = false;
        for (std::size_t i = 0; i < sentence.tokens.size() && !attached; ++i) {
            const Token& t = sentence.tokens[i];
            attached = t.end <= d.begin && t.end + attached_date_reach >= d.begin &&
                       cues().attached_to.match_at(sentence.tokens, i) > 0;
        }
        if (!attached) {
            return true;
        }
    }
    return false;
}

// "decades", "centuries", and a past war: "the first war", "the war of the 1990s", "the 44-day
// war" (not "war crimes").
bool names_past_wars(const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (cues().past_period.match_at(tokens, i) > 0) {
            return true;
        }
        const std::string_view w = tokens[i].text;
        if (!(iequals(w, "war") || iequals(w, "wars")) || i == 0) {
            continue;
        }
        if (i + 1 < tokens.size() && istarts_with(tokens[i + 1].text, "crime")) {
            continue;
        }
        if (cues().war_before.match_at(tokens, i - 1) > 0) {
            return true;
        }
    }
    return false;
}

// The date opens the sentence ("On Tuesday night, ...", "Earlier today, ...") and a speech verb
// follows within a few words, before any incident trigger.
bool opens_a_report(const TokenizedSentence& s, const DateMention& d,
                    const std::vector<TriggerHit>& triggers) {
    const std::vector<Token>& tokens = s.tokens;
    std::size_t i = 0;
    while (i < tokens.size() && tokens[i].end <= d.begin) {
        if (!(iequals(tokens[i].text, "on") || is_word(tokens, i, cues().report_opener))) {
            return false;
        }
        ++i;
    }
    while (i < tokens.size() && tokens[i].begin < d.end) {
        ++i;
    }
    for (std::size_t k = i; k < tokens.size() && k < i + opening_report_words; ++k) {
        const bool trigger_before =
            std::any_of(triggers.begin(), triggers.end(), [&](const auto& t) {
                return t.trigger == Trigger::incident && t.begin <= tokens[k].begin;
            });
        if (trigger_before || iequals(tokens[k].text, "that")) {
            return false;
        }
        if (is_word(tokens, k, cues().speech_past)) {
            return true;
        }
    }
    return false;
}

// The date is the point another is measured from: in a clause opened by "since" a few words
// before it ("the worst escalation since troops invaded the province on May 12"); "since Monday"
// itself is a date of what has gone on since.
// The token "since" that opens the clause of date `d`, if any.
std::optional<std::size_t> since_token(const TokenizedSentence& s, const DateMention& d) {
    std::size_t first = 0;
    while (first < s.tokens.size() && s.tokens[first].end <= d.begin) {
        ++first;
    }
    for (std::size_t k = first >= 2 ? first - 1 : 0, n = 0; k > 0 && n < since_clause_words;
         --k, ++n) {
        if (iequals(s.tokens[k - 1].text, "since")) {
            return k - 1;
        }
        if (gap_between(s.text, s.tokens[k - 1], s.tokens[k]).find(',') != std::string_view::npos) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

bool is_since_clause(const TokenizedSentence& s, const DateMention& d) {
    return since_token(s, d).has_value();
}

// The date is a dateline: only a place in capital letters and a comma before it ("YEREVAN, May 11
// -"; not "But, overnight ...").
bool is_dateline(const TokenizedSentence& s, const DateMention& d, std::size_t first) {
    if (first == 0 || first > max_dateline_words) {
        return false;
    }
    for (std::size_t k = 0; k < first; ++k) {
        const std::string_view w = s.tokens[k].text;
        if (w.size() < 2 ||
            std::any_of(w.begin(), w.end(), [](char c) { return c < 'A' || c > 'Z'; })) {
            return false;
        }
    }
    const std::string_view before =
        s.text.substr(s.tokens[first - 1].end, d.begin - s.tokens[first - 1].end);
    return before.find(',') != std::string_view::npos;
}

// An earlier event recalled for comparison ("after the village came under similar fire on April
// 14"): the days of its events are all some days before publication.
bool recalls_an_earlier_event(const TokenizedSentence& sentence, year_month_day published,
                              const std::vector<DateMention>& dates) {
    if (!cues().recalls.any_in(sentence.tokens)) {
        return false;
    }
    const sys_days news_from = sys_days{published} - recent_days;
    bool dated = false;
    for (const DateMention& d : dates) {
        if (names_a_day(d) && !is_report_date(sentence, d, {})) {
            if (sys_days{d.date.end} >= news_from) {
                return false;
            }
            dated = true;
        }
    }
    return dated;
}

} // namespace

std::optional<std::pair<std::size_t, std::size_t>>
recalled_since_clause(const TokenizedSentence& s, const DateMention& d, year_month_day published) {
    if (sys_days{d.date.end} >= sys_days{published} - days{2}) {
        return std::nullopt;
    }
    const auto k = since_token(s, d);
    if (!k) {
        return std::nullopt;
    }
    return std::pair{s.tokens[*k].begin, d.end};
}

bool is_photo_caption(std::string_view sentence) {
    const auto same = [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == static_cast<unsigned char>(b);
    };
    for (const std::string_view credit :
         {"photo:", "photo credit:", "photograph:", "image:", "photo by ", "picture:"}) {
        const auto it =
            std::search(sentence.begin(), sentence.end(), credit.begin(), credit.end(), same);
        const auto at = static_cast<std::size_t>(it - sentence.begin());
        // A credit, not a sentence about a photo: it opens the sentence or follows a bracket or
        // a full stop.
        if (it != sentence.end() && (at == 0 || sentence[at - 1] == '(' ||
                                     (at >= 2 && sentence.substr(at - 2, 2) == ". "))) {
            return true;
        }
    }
    return false;
}

bool is_history(std::string_view sentence, year_month_day published) {
    return is_history(TokenizedSentence(sentence), published, find_dates(sentence, published));
}

bool is_history(const TokenizedSentence& sentence, year_month_day published,
                const std::vector<DateMention>& dates) {
    return ((has_old_date(sentence, published, dates) || names_past_wars(sentence.tokens)) &&
            !names_recent_day(sentence, published, dates)) ||
           recalls_an_earlier_event(sentence, published, dates);
}

std::optional<std::size_t> closing_relative_clause(const TokenizedSentence& sentence) {
    const std::size_t comma = sentence.text.rfind(',');
    if (comma == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t next = token_at(sentence.tokens, comma + 1);
    if (next >= sentence.tokens.size() ||
        !is_one_of(sentence.tokens[next].text, {"which", "where", "when", "whose"})) {
        return std::nullopt;
    }
    return comma;
}

bool is_habitual(const TokenizedSentence& sentence, const std::vector<DateMention>& dates) {
    const bool dated = std::any_of(dates.begin(), dates.end(), [&](const DateMention& d) {
        return names_a_day(d) && !is_report_date(sentence, d, {});
    });
    return !dated && cues().habitual.any_in(sentence.tokens);
}

bool is_habitual(const TokenizedSentence& sentence) {
    return is_habitual(sentence, {});
}

bool is_habitual(std::string_view sentence) {
    return is_habitual(TokenizedSentence(sentence));
}

bool is_future(const TokenizedSentence& sentence) {
    return cues().future.any_in(sentence.tokens);
}

bool is_future(std::string_view sentence) {
    return is_future(TokenizedSentence(sentence));
}

bool is_report_date(const TokenizedSentence& s, const DateMention& d,
                    const std::vector<TriggerHit>& triggers) {
    const std::vector<Token>& tokens = s.tokens;
    std::size_t first = 0; // the first token of the date
    while (first < tokens.size() && tokens[first].end <= d.begin) {
        ++first;
    }
    std::size_t after = first; // the first token after it
    while (after < tokens.size() && tokens[after].begin < d.end) {
        ++after;
    }
    // "Baku on Friday said", "the ministry said late on Monday", "said in a statement on ..."
    if (is_word(tokens, after, cues().speech)) {
        return true;
    }
    for (std::size_t k = first, n = 0; k > 0 && n <= report_filler_words; --k, ++n) {
        if (is_word(tokens, k - 1, cues().speech)) {
            return true;
        }
        if (!is_word(tokens, k - 1, cues().report_filler)) {
            break;
        }
    }
    return is_dateline(s, d, first) || opens_a_report(s, d, triggers);
}

const DateMention* incident_date(const TokenizedSentence& sentence,
                                 const std::vector<DateMention>& dates,
                                 const std::vector<TriggerHit>& triggers) {
    // The candidates: dates of the events, else the report's; days, else anything.
    std::vector<const DateMention*> pool;
    for (int pass = 0; pass < 4 && pool.empty(); ++pass) {
        const bool report_too = pass >= 2;
        const bool vague_too = pass % 2 == 1;
        for (const DateMention& d : dates) {
            if ((report_too || !is_report_date(sentence, d, triggers)) &&
                (vague_too || names_a_day(d)) && !is_week(d) && !is_since_clause(sentence, d)) {
                pool.push_back(&d);
            }
        }
    }
    // A date nearer to talks or a mission than to any word of fire is theirs ("shooting ...
    // days after the talks hosted in Washington on November 7").
    const auto nearest = [&](const DateMention& d, bool context) {
        std::optional<std::size_t> best;
        for (const TriggerHit& t : triggers) {
            const bool is_context = t.trigger == Trigger::talks || t.trigger == Trigger::mission;
            if ((context ? is_context : t.trigger == Trigger::incident)) {
                const std::size_t dist = distance(t.begin, t.end, d.begin, d.end);
                best = best ? std::min(*best, dist) : dist;
            }
        }
        return best;
    };
    std::erase_if(pool, [&](const DateMention* d) {
        const auto context = nearest(*d, true);
        const auto fire = nearest(*d, false);
        return context && fire && *context < *fire;
    });
    const DateMention* best = nullptr;
    std::size_t best_d = 0;
    for (const TriggerHit& t : triggers) {
        if (t.trigger != Trigger::incident) {
            continue;
        }
        for (const DateMention* d : pool) {
            const std::size_t dist = distance(t.begin, t.end, d->begin, d->end);
            if (best == nullptr || dist < best_d) {
                best = d;
                best_d = dist;
            }
        }
    }
    if (best == nullptr || best->date.begin != best->date.end) {
        return best;
    }
    // A stated run of days that holds the day chosen is the more exact statement of it.
    for (const DateMention* d : pool) {
        if (span_days(d->date) >= 1 && span_days(d->date) <= short_run_days &&
            d->date.begin <= best->date.begin && best->date.begin <= d->date.end) {
            return d;
        }
    }
    return best;
}

} // namespace sitmap::geo::detail
