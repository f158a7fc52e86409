// Working-day arithmetic across weekends and bank holidays, and the O(1) table against a day-by-day walk.
#include "core/working_calendar.hpp"

#include <gtest/gtest.h>

using namespace probsim;

namespace {
// Day 0 is Monday 18 December 2023; Christmas Day, Boxing Day and New Year's Day 2024 are bank holidays.
const CalendarDate kMonday{2023, 12, 18};
const std::vector<CalendarDate> kHolidays{{2023, 12, 25}, {2023, 12, 26}, {2024, 1, 1}};
Day day_of(CalendarDate date) {
  return static_cast<Day>(date.days_since_epoch() - kMonday.days_since_epoch());
}
}  // namespace

TEST(WorkingCalendar, WeekendsAndBankHolidaysAreNotWorkingDays) {
  const WorkingCalendar calendar(kMonday, kHolidays, 0, 60);
  EXPECT_TRUE(calendar.is_working_day(day_of({2023, 12, 22})));   // Friday
  EXPECT_FALSE(calendar.is_working_day(day_of({2023, 12, 23})));  // Saturday
  EXPECT_FALSE(calendar.is_working_day(day_of({2023, 12, 24})));  // Sunday
  EXPECT_FALSE(calendar.is_working_day(day_of({2023, 12, 25})));  // bank holiday
  EXPECT_FALSE(calendar.is_working_day(day_of({2023, 12, 26})));  // bank holiday
  EXPECT_TRUE(calendar.is_working_day(day_of({2023, 12, 27})));
  EXPECT_FALSE(calendar.is_working_day(day_of({2024, 1, 1})));
  EXPECT_TRUE(WorkingCalendar(kMonday).is_working_day(day_of({2023, 12, 25})))
      << "without bank holidays Christmas Day is a Monday like any other";
}

TEST(WorkingCalendar, AddsWorkingDaysAcrossWeekendsAndBankHolidays) {
  const WorkingCalendar calendar(kMonday, kHolidays, 0, 60);
  // Within 1 working day of Friday 22 December is Wednesday 27 December.
  EXPECT_EQ(calendar.add_working_days(day_of({2023, 12, 22}), 1), day_of({2023, 12, 27}));
  // 5 working days from Monday 18 December: 19, 20, 21, 22, 27.
  EXPECT_EQ(calendar.add_working_days(0, 5), day_of({2023, 12, 27}));
  // 10: then 28, 29, 2 January (1 January is a holiday), 3, 4.
  EXPECT_EQ(calendar.add_working_days(0, 10), day_of({2024, 1, 4}));
  // From a Saturday, the first working day after it.
  EXPECT_EQ(calendar.add_working_days(day_of({2023, 12, 23}), 1), day_of({2023, 12, 27}));
  EXPECT_EQ(calendar.add_working_days(7, 0), 7);
  EXPECT_EQ(calendar.working_days_between(0, day_of({2024, 1, 4})), 10);
  EXPECT_EQ(calendar.working_days_between(day_of({2023, 12, 22}), day_of({2023, 12, 26})), 0);
  // Sickness episodes: [first, end) holds `count` working days.
  EXPECT_EQ(calendar.end_of_working_days(day_of({2023, 12, 22}), 2), day_of({2023, 12, 28}));
}

TEST(WorkingCalendar, TableAgreesWithADayByDayWalkInsideAndOutsideItsRange) {
  const WorkingCalendar calendar(kMonday, kHolidays, 0, 30);  // table covers about [-400, 430]
  auto walk = [&](Day from, int n) {
    Day day = from;
    for (int left = n; left > 0;)
      if (calendar.is_working_day(++day)) --left;
    return day;
  };
  for (Day from = -500; from <= 600; from += 7)
    for (int n : {0, 1, 4, 15, 30, 200}) {
      ASSERT_EQ(calendar.add_working_days(from, n), walk(from, n)) << from << " + " << n;
      int count = 0;
      for (Day d = from + 1; d <= from + 60; ++d) count += calendar.is_working_day(d) ? 1 : 0;
      ASSERT_EQ(calendar.working_days_between(from, from + 60), count) << from;
    }
}
