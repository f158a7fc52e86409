#include "runner/bank_holiday_warnings.hpp"

#include <map>
#include <set>

namespace probsim {

std::vector<std::string> bank_holiday_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  if (s.bank_holidays_given && s.bank_holidays.empty())
    warnings.push_back(
        "calendar.bank_holidays is an empty list: every bank holiday from " + s.window.day_zero().iso() +
        " to " + s.window.report_end.iso() +
        " (warm-up included) counts as a working day. List the dates (England and Wales "
        "have 8 a year); if none are meant, this warning can be ignored (without the calendar block a "
        "scenario takes the holidays of the file it extends).");
  if (!s.bank_holidays.empty()) {
    // A year with no bank holiday listed, while other years have some: probably a list that stops
    // short of the window (England and Wales have 8 bank holidays every year).
    std::set<int> listed;
    for (const CalendarDate& date : s.bank_holidays) listed.insert(date.year);
    const int first = s.window.day_zero().year, last = s.window.report_end.year;
    std::string missing;  // as runs of years, "1975-2020, 2025": a long warm-up could list dozens
    for (int year = first; year <= last; ++year) {
      if (listed.count(year)) continue;
      int end = year;
      while (end + 1 <= last && !listed.count(end + 1)) ++end;
      missing += (missing.empty() ? "" : ", ") + std::to_string(year) +
                 (end > year ? "-" + std::to_string(end) : "");
      year = end;
    }
    if (!missing.empty())
      warnings.push_back("calendar.bank_holidays lists dates in " + std::to_string(*listed.begin()) +
                         (listed.size() > 1 ? "-" + std::to_string(*listed.rbegin()) : std::string()) +
                         " but none in " + missing + ", which the simulation runs through (" +
                         s.window.day_zero().iso() + " to " + s.window.report_end.iso() +
                         ", warm-up included): those years' bank holidays count as working days.");
  }

  // A date listed twice is harmless to the calendar but often a mistyped copy of a missing holiday.
  std::map<CalendarDate, std::size_t> first_item;
  std::set<CalendarDate> repeated;
  for (std::size_t i = 0; i < s.bank_holidays.size(); ++i) {
    const CalendarDate& date = s.bank_holidays[i];
    const auto [first, fresh] = first_item.emplace(date, i);
    if (!fresh && repeated.insert(date).second)
      warnings.push_back("calendar.bank_holidays lists " + date.iso() +
                         " more than once (calendar.bank_holidays[" + std::to_string(first->second) +
                         "] and [" + std::to_string(i) +
                         "]): remove the copy, or correct it if another holiday was meant.");
  }
  // A weekend is no working day anyway: a holiday there changes nothing, and the substitute weekday the
  // holiday moves to was probably meant.
  static const char* const kWeekend[] = {"Saturday", "Sunday"};
  for (std::size_t i = 0; i < s.bank_holidays.size(); ++i) {
    const int weekday = s.bank_holidays[i].iso_weekday_index();
    if (weekday >= 5 && first_item.at(s.bank_holidays[i]) == i)
      warnings.push_back("calendar.bank_holidays[" + std::to_string(i) + "] " + s.bank_holidays[i].iso() +
                         " is a " + kWeekend[weekday - 5] +
                         ", not a working day anyway, so listing it changes nothing: list the weekday the "
                         "holiday is moved to (usually the Monday after).");
  }
  return warnings;
}

}  // namespace probsim
