// The one reader of dates (core/date_in_range.hpp) that a scenario's keys, its bank holidays and a
// snapshot CSV's columns share: what it takes, and what it says of what it refuses, at the ends of both
// ranges of years (1990 to 2100 for a scenario, 1900 to 2200 for a snapshot CSV).
#include "core/date_in_range.hpp"

#include <gtest/gtest.h>

#include "core/simulation_window.hpp"

using namespace probsim;

namespace {

DateReading scenario_date(std::string_view text) {
  return read_date_in_range(text, kEarliestReportYear, kLatestReportYear);
}

DateReading record_date(std::string_view text) {
  return read_date_in_range(text, kEarliestRecordYear, kLatestRecordYear);
}

}  // namespace

TEST(DateInRange, AValidDateIsRead) {
  const DateReading reading = scenario_date("2023-06-21");
  EXPECT_EQ(reading.date, (CalendarDate{2023, 6, 21}));
  EXPECT_EQ(reading.problem, "");
  EXPECT_FALSE(reading.malformed());
}

TEST(DateInRange, The29thOfFebruaryIsADayOnlyInALeapYear) {
  EXPECT_EQ(scenario_date("2024-02-29").date, (CalendarDate{2024, 2, 29}));
  const DateReading not_leap = scenario_date("2023-02-29");
  EXPECT_FALSE(not_leap.date);
  EXPECT_FALSE(not_leap.malformed());
  EXPECT_EQ(not_leap.problem, "2023-02-29 is not a day: February 2023 has 28 days");
  // 2100 is not a leap year (a century not divisible by 400); 2000 is.
  EXPECT_EQ(scenario_date("2100-02-29").problem, "2100-02-29 is not a day: February 2100 has 28 days");
  EXPECT_EQ(scenario_date("2000-02-29").date, (CalendarDate{2000, 2, 29}));
}

TEST(DateInRange, AScenarioDateRunsFrom1990To2100) {
  EXPECT_EQ(scenario_date("1990-01-01").date, (CalendarDate{1990, 1, 1}));
  EXPECT_EQ(scenario_date("2100-12-31").date, (CalendarDate{2100, 12, 31}));
  const DateReading before = scenario_date("1989-12-31");
  EXPECT_FALSE(before.date);
  EXPECT_EQ(before.problem, "must be a date from 1990 to 2100, found 1989-12-31");
  const DateReading after = scenario_date("2101-01-01");
  EXPECT_FALSE(after.date);
  EXPECT_EQ(after.problem, "must be a date from 1990 to 2100, found 2101-01-01");
}

TEST(DateInRange, ASnapshotCsvDateRunsFrom1900To2200) {
  EXPECT_EQ(record_date("1900-01-01").date, (CalendarDate{1900, 1, 1}));
  EXPECT_EQ(record_date("2200-12-31").date, (CalendarDate{2200, 12, 31}));
  const DateReading before = record_date("1899-12-31");
  EXPECT_FALSE(before.date);
  EXPECT_EQ(before.problem, "must be a date from 1900 to 2200, found 1899-12-31");
  const DateReading after = record_date("2201-01-01");
  EXPECT_FALSE(after.date);
  EXPECT_EQ(after.problem, "must be a date from 1900 to 2200, found 2201-01-01");
}

// Text not shaped as YYYY-MM-DD is left to the reader to word (it shows the text its own way); a
// well-shaped text that is no day is said to be so, before its year is looked at.
TEST(DateInRange, MalformedTextHasNoProblemOfItsOwn) {
  for (const char* text : {"2023-1-01", "21/06/2023", "soon", "-001-01-01", ""}) {
    const DateReading reading = scenario_date(text);
    EXPECT_FALSE(reading.date) << text;
    EXPECT_TRUE(reading.malformed()) << text;
    EXPECT_EQ(reading.problem, "") << text;
  }
  EXPECT_EQ(scenario_date("0000-13-01").problem,
            "0000-13-01 is not a date: there is no month 13 (months run 01 to 12)");
}
