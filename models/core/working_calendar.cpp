#include "core/working_calendar.hpp"

namespace probsim {

namespace {
constexpr Day kTableMarginDays = 400;
}

WorkingCalendar::WorkingCalendar(CalendarDate day_zero, const std::vector<CalendarDate>& bank_holidays,
                                 Day first_day, Day last_day)
    : day_zero_weekday_(day_zero.iso_weekday_index()), day_zero_epoch_(day_zero.days_since_epoch()) {
  const std::int64_t zero = day_zero.days_since_epoch();
  for (const CalendarDate& date : bank_holidays)
    bank_holidays_.push_back(static_cast<Day>(date.days_since_epoch() - zero));
  std::sort(bank_holidays_.begin(), bank_holidays_.end());
  bank_holidays_.erase(std::unique(bank_holidays_.begin(), bank_holidays_.end()), bank_holidays_.end());

  auto table = std::make_shared<Table>();
  table->first = first_day - kTableMarginDays;
  const auto size = static_cast<std::size_t>(last_day + kTableMarginDays - table->first + 1);
  table->is_working.resize(size);
  table->working_through.resize(size);
  std::int32_t count = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const Day day = table->first + static_cast<Day>(i);
    const bool working = is_weekday(day) && !is_bank_holiday(day);
    table->is_working[i] = working ? 1 : 0;
    if (working) {
      ++count;
      table->working_days.push_back(day);
    }
    table->working_through[i] = count;
  }
  table_ = std::move(table);
}

Day WorkingCalendar::add_working_days(Day from, int n) const {
  if (n <= 0) return from;
  if (in_table(from)) {
    // working_days[k] is the (k+1)-th working day of the table; from's count is those up to `from`.
    const auto index =
        static_cast<std::size_t>(table_->working_through[static_cast<std::size_t>(from - table_->first)]) +
        static_cast<std::size_t>(n) - 1;
    if (index < table_->working_days.size()) return table_->working_days[index];
  }
  Day day = from;
  for (int left = n; left > 0;)
    if (is_working_day(++day)) --left;
  return day;
}

int WorkingCalendar::working_days_between(Day from, Day to) const {
  if (to <= from) return 0;
  if (in_table(from) && in_table(to))
    return table_->working_through[static_cast<std::size_t>(to - table_->first)] -
           table_->working_through[static_cast<std::size_t>(from - table_->first)];
  int count = 0;
  for (Day day = from + 1; day <= to; ++day)
    if (is_working_day(day)) ++count;
  return count;
}

}  // namespace probsim
