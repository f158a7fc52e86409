#include "core/calendar_date.hpp"

#include <gtest/gtest.h>

using probsim::CalendarDate;

TEST(CalendarDate, EpochAndKnownDates) {
  EXPECT_EQ((CalendarDate{1970, 1, 1}.days_since_epoch()), 0);
  EXPECT_EQ((CalendarDate{2000, 3, 1}.days_since_epoch()), 11017);
  EXPECT_EQ((CalendarDate{1969, 12, 31}.days_since_epoch()), -1);
}

TEST(CalendarDate, RoundTripsEveryDayOverFourCenturies) {
  for (std::int64_t d = -146097; d <= 146097; ++d)
    ASSERT_EQ(CalendarDate::from_days_since_epoch(d).days_since_epoch(), d) << d;
}

TEST(CalendarDate, LeapYearsAndMonthLengths) {
  EXPECT_EQ((CalendarDate{2024, 2, 1}.days_in_month()), 29);
  EXPECT_EQ((CalendarDate{2023, 2, 1}.days_in_month()), 28);
  EXPECT_EQ((CalendarDate{1900, 2, 1}.days_in_month()), 28);
  EXPECT_EQ((CalendarDate{2000, 2, 1}.days_in_month()), 29);
  EXPECT_TRUE((CalendarDate{2024, 2, 29}.is_last_day_of_month()));
  EXPECT_FALSE((CalendarDate{2024, 2, 28}.is_last_day_of_month()));
  EXPECT_EQ((CalendarDate{2023, 12, 31}.plus_days(1)), (CalendarDate{2024, 1, 1}));
}

TEST(CalendarDate, ParsesOnlyValidIsoDates) {
  EXPECT_EQ(CalendarDate::parse_iso("2022-06-21"), (CalendarDate{2022, 6, 21}));
  EXPECT_EQ(CalendarDate::parse_iso("2022-06-21")->iso(), "2022-06-21");
  for (const char* bad : {"2023-02-29", "2023-02-30", "2023-13-01", "2023-00-10", "2023-1-01", "20230101",
                          "soon", "2023-01-01x", ""})
    EXPECT_FALSE(CalendarDate::parse_iso(bad).has_value()) << bad;
}

// A date with the right shape but no such day is said to be so, not called a format error.
TEST(CalendarDate, SaysWhyAWellShapedDateIsNoDay) {
  EXPECT_EQ(CalendarDate::impossible_date("2023-02-30"),
            "2023-02-30 is not a day: February 2023 has 28 days");
  EXPECT_EQ(CalendarDate::impossible_date("2023-02-29"),
            "2023-02-29 is not a day: February 2023 has 28 days");
  EXPECT_EQ(CalendarDate::impossible_date("2022-06-00"),
            "2022-06-00 is not a day: the days of June 2022 run 01 to 30");
  EXPECT_EQ(CalendarDate::impossible_date("2023-13-01"),
            "2023-13-01 is not a date: there is no month 13 (months run 01 to 12)");
  for (const char* not_so : {"2024-02-29", "2023-1-01", "01/02/2023", "soon", ""})
    EXPECT_EQ(CalendarDate::impossible_date(not_so), "") << not_so;
}
