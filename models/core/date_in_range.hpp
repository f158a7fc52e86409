#pragma once
// Reading a date written as YYYY-MM-DD and holding it to a range of years. Every reader of dates asks
// this one (a scenario's date keys and bank holidays, a snapshot CSV's date columns), so they agree on
// what a date is and say the same of one that is not; only the years differ (core/simulation_window.hpp:
// 1990 to 2100 for a scenario, 1900 to 2200 for a snapshot CSV).

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar_date.hpp"

namespace probsim {

struct DateReading {
  // The date, when the text is one and its year is within the range.
  std::optional<CalendarDate> date;
  // Otherwise why not: a day that does not exist ("2023-02-30 is not a day: February 2023 has 28 days")
  // or a year outside the range ("must be a date from 1990 to 2100, found 0000-01-01"). Empty, with no
  // date, when the text is not shaped as YYYY-MM-DD at all: each reader says that itself, since each
  // shows what it found its own way (a YAML value as written, a CSV field in quotes).
  std::string problem;

  [[nodiscard]] bool malformed() const { return !date && problem.empty(); }
};

// Parses strictly (CalendarDate::parse_iso), then checks the year (date_outside_calendar_range).
[[nodiscard]] DateReading read_date_in_range(std::string_view text, int earliest_year, int latest_year);

}  // namespace probsim
