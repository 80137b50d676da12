// Calendar dates as the kb uses them (YYYYMMDD integers), validated.
#pragma once

#include <optional>
#include <string>

namespace casus {

struct Date {
    int year = 0, month = 0, day = 0;

    // The date if it exists in the proleptic Gregorian calendar.
    static std::optional<Date> make(int year, int month, int day);
    // From the kb's YYYYMMDD integer; 0 (timeless) and 99991231 (open) give nullopt.
    static std::optional<Date> from_int(long value);
    // Parses "YYYY-MM-DD"; nullopt if malformed or not a real date.
    static std::optional<Date> parse(const std::string& text);
    // Today, or $CASUS_TODAY (YYYY-MM-DD) when set, so runs are reproducible.
    static Date today();

    Date previous() const;
    // Days in a month of the proleptic Gregorian calendar (month 1-12).
    static int days_in_month(int year, int month);  // the day before (0001-01-01 has none: returned unchanged)

    long as_int() const { return year * 10000L + month * 100L + day; }
    std::string str() const;  // YYYY-MM-DD
    bool operator==(const Date& o) const { return as_int() == o.as_int(); }
    bool operator<(const Date& o) const { return as_int() < o.as_int(); }
};

}  // namespace casus
