#include "core/calendar_date.hpp"

#include <charconv>
#include <cstdio>

namespace probsim {

// Howard Hinnant's days_from_civil / civil_from_days: exact for every proleptic Gregorian date.
std::int64_t CalendarDate::days_since_epoch() const {
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate CalendarDate::from_days_since_epoch(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  CalendarDate date;
  date.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  date.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  date.year = static_cast<int>(yoe + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

int CalendarDate::days_in_month() const {
  CalendarDate first_of_next{month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1};
  CalendarDate first{year, month, 1};
  return static_cast<int>(first_of_next.days_since_epoch() - first.days_since_epoch());
}

CalendarDate CalendarDate::plus_months(int months) const {
  const int index = year * 12 + (month - 1) + months;
  CalendarDate out{index / 12, index % 12 + 1, 1};
  out.day = day < out.days_in_month() ? day : out.days_in_month();
  return out;
}

int CalendarDate::iso_weekday_index() const {
  // 1970-01-01 was a Thursday (index 3).
  const std::int64_t d = days_since_epoch() + 3;
  return static_cast<int>(((d % 7) + 7) % 7);
}

std::string CalendarDate::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

namespace {

// The year, month and day of text shaped as YYYY-MM-DD, unchecked against the calendar.
std::optional<CalendarDate> date_fields(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  // Digits only: from_chars would read "-001" as year -1.
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t length) -> std::optional<int> {
    int value = 0;
    auto [end, error] = std::from_chars(text.data() + from, text.data() + from + length, value);
    if (error != std::errc() || end != text.data() + from + length) return std::nullopt;
    return value;
  };
  auto y = number(0, 4), m = number(5, 2), d = number(8, 2);
  if (!y || !m || !d) return std::nullopt;
  return CalendarDate{*y, *m, *d};
}

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::optional<CalendarDate> CalendarDate::parse_iso(std::string_view text) {
  auto date = date_fields(text);
  if (!date || date->month < 1 || date->month > 12 || date->day < 1) return std::nullopt;
  if (date->day > CalendarDate{date->year, date->month, 1}.days_in_month()) return std::nullopt;
  return date;
}

std::string CalendarDate::impossible_date(std::string_view text) {
  const auto date = date_fields(text);
  if (!date) return "";
  const std::string quoted(text);
  if (date->month < 1 || date->month > 12)
    return quoted + " is not a date: there is no month " + quoted.substr(5, 2) + " (months run 01 to 12)";
  const int days = CalendarDate{date->year, date->month, 1}.days_in_month();
  if (date->day >= 1 && date->day <= days) return "";
  const std::string month = std::string(kMonthNames[date->month - 1]) + " " + quoted.substr(0, 4);
  if (date->day < 1)
    return quoted + " is not a day: the days of " + month + " run 01 to " + std::to_string(days);
  return quoted + " is not a day: " + month + " has " + std::to_string(days) + " days";
}

}  // namespace probsim
