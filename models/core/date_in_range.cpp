#include "core/date_in_range.hpp"

#include "core/simulation_window.hpp"

namespace probsim {

DateReading read_date_in_range(std::string_view text, int earliest_year, int latest_year) {
  DateReading reading;
  const std::optional<CalendarDate> parsed = CalendarDate::parse_iso(text);
  if (!parsed)
    reading.problem = CalendarDate::impossible_date(text);
  else
    reading.problem = date_outside_calendar_range(*parsed, earliest_year, latest_year);
  if (parsed && reading.problem.empty()) reading.date = parsed;
  return reading;
}

}  // namespace probsim
