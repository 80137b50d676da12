#include "casus/date.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace casus {

namespace {
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days[m - 1];
}
}  // namespace

std::optional<Date> Date::make(int y, int m, int d) {
    if (y < 1 || y > 9998 || m < 1 || m > 12 || d < 1 || d > days_in(y, m)) return std::nullopt;
    return Date{y, m, d};
}

int Date::days_in_month(int year, int month) { return days_in(year, month); }

Date Date::previous() const {
    if (day > 1) return Date{year, month, day - 1};
    if (month > 1) return Date{year, month - 1, days_in(year, month - 1)};
    if (year > 1) return Date{year - 1, 12, 31};
    return *this;
}

std::optional<Date> Date::from_int(long v) {
    if (v <= 0 || v >= 99991231) return std::nullopt;
    return make(static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100), static_cast<int>(v % 100));
}

std::optional<Date> Date::parse(const std::string& t) {
    int y, m, d;
    char tail;
    if (t.size() != 10 || std::sscanf(t.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
    return make(y, m, d);
}

Date Date::today() {
    if (const char* env = std::getenv("CASUS_TODAY")) {
        if (auto d = parse(env)) return *d;
    }
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

std::string Date::str() const {
    // Written by hand where it can be: every line of a long answer shows
    // a date, and snprintf cost ~1,700 instructions a call (callgrind).
    if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
        char buf[10] = {char('0' + year / 1000), char('0' + year / 100 % 10), char('0' + year / 10 % 10), char('0' + year % 10), '-',
                        char('0' + month / 10), char('0' + month % 10), '-', char('0' + day / 10), char('0' + day % 10)};
        return std::string(buf, sizeof buf);
    }
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

}  // namespace casus
