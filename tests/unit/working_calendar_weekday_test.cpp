// Working days are Monday to Friday; sickness episodes and their onsets count in them, so the episode
// arithmetic (end_of_working_days, next_working_day_from) must agree with the calendar day by day.
#include <gtest/gtest.h>

#include "core/working_calendar.hpp"

using namespace probsim;

namespace {
// 2023-01-02 is a Monday, 2023-01-01 a Sunday.
constexpr CalendarDate kMonday{2023, 1, 2};
constexpr CalendarDate kSunday{2023, 1, 1};

int working_days_in(const WorkingCalendar& calendar, Day from, Day until) {
  int n = 0;
  for (Day d = from; d < until; ++d) n += calendar.is_working_day(d) ? 1 : 0;
  return n;
}
}  // namespace

TEST(WorkingCalendar, WeekendsAreNotWorkingDays) {
  const WorkingCalendar calendar(kMonday);
  for (Day d = 0; d < 5; ++d) EXPECT_TRUE(calendar.is_working_day(d)) << d;
  EXPECT_FALSE(calendar.is_working_day(5));  // Saturday 2023-01-07
  EXPECT_FALSE(calendar.is_working_day(6));  // Sunday
  EXPECT_TRUE(calendar.is_working_day(7));
  // Negative days (the warm-start pre-history): day −1 is Sunday 2023-01-01, −2 Saturday, −3 Friday.
  EXPECT_FALSE(calendar.is_working_day(-1));
  EXPECT_FALSE(calendar.is_working_day(-2));
  EXPECT_TRUE(calendar.is_working_day(-3));
}

TEST(WorkingCalendar, AgreesWithTheIsoWeekdayOfEveryDateForEitherStartDay) {
  for (const CalendarDate day_zero : {kMonday, kSunday, CalendarDate{2024, 2, 29}}) {
    const WorkingCalendar calendar(day_zero);
    for (Day d = -400; d <= 800; ++d)
      ASSERT_EQ(calendar.is_working_day(d), day_zero.plus_days(d).iso_weekday_index() < 5)
          << day_zero.iso() << " + " << d;
  }
}

TEST(WorkingCalendar, NextWorkingDayMovesWeekendsToMonday) {
  const WorkingCalendar calendar(kMonday);
  EXPECT_EQ(calendar.next_working_day_from(0), 0);  // already a working day
  EXPECT_EQ(calendar.next_working_day_from(4), 4);  // Friday
  EXPECT_EQ(calendar.next_working_day_from(5), 7);  // Saturday → Monday
  EXPECT_EQ(calendar.next_working_day_from(6), 7);  // Sunday → Monday
  const WorkingCalendar from_sunday(kSunday);
  EXPECT_EQ(from_sunday.next_working_day_from(0), 1);
}

TEST(WorkingCalendar, EndOfWorkingDaysSkipsWeekends) {
  const WorkingCalendar calendar(kMonday);
  EXPECT_EQ(calendar.end_of_working_days(0, 1), 1);    // Monday only
  EXPECT_EQ(calendar.end_of_working_days(0, 5), 5);    // Mon–Fri: back on Saturday (not a working day)
  EXPECT_EQ(calendar.end_of_working_days(4, 1), 5);    // Friday only
  EXPECT_EQ(calendar.end_of_working_days(4, 2), 8);    // Friday and Monday: back on Tuesday
  EXPECT_EQ(calendar.end_of_working_days(2, 5), 9);    // Wed..Tue: back on Wednesday a week later
  EXPECT_EQ(calendar.end_of_working_days(0, 20), 26);  // four whole weeks less the last weekend
  EXPECT_EQ(calendar.end_of_working_days(3, 0), 3);
}

TEST(WorkingCalendar, AnEpisodeFromAWorkingDayHoldsExactlyItsWorkingDays) {
  // The property sickness relies on: [first, end) holds `count` working days and ends just after one.
  const WorkingCalendar calendar(kSunday);
  for (Day first = 0; first < 28; ++first) {
    if (!calendar.is_working_day(first)) continue;
    for (int count = 1; count <= 60; ++count) {
      const Day end = calendar.end_of_working_days(first, count);
      ASSERT_EQ(working_days_in(calendar, first, end), count) << first << " " << count;
      ASSERT_TRUE(calendar.is_working_day(end - 1)) << first << " " << count;
    }
  }
}
