// Odd calendar.bank_holidays lists (sim/runner/bank_holiday_warnings.hpp) are warned of, not refused: an
// empty list, a date listed twice and a date on a weekend used to pass without a word, although a list
// missing some years was warned of.
#include <gtest/gtest.h>

#include "e2e/cli_test_support.hpp"

using namespace probsim::testing;

namespace {

// One year, 2023, from the warm-up's first day to the report end.
const std::string kOneYear =
    "validate scenarios/example_pdu.yaml --set simulation.warm_up_weeks=0 --set "
    "simulation.report_end=2023-03-31 ";

bool contains(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

}  // namespace

TEST(BankHolidayWarnings, AnEmptyListIsWarnedOf) {
  const CommandResult r = run_probsim(kOneYear + "--set 'calendar.bank_holidays=[]'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_TRUE(contains(r.output,
                       "warning: calendar.bank_holidays is an empty list: every bank holiday from "
                       "2023-01-01 to 2023-03-31"))
      << r.output;
}

TEST(BankHolidayWarnings, ARepeatedDateAndAWeekendDateAreWarnedOf) {
  const CommandResult r = run_probsim(
      kOneYear + "--set 'calendar.bank_holidays=[2023-01-02, 2023-04-07, 2023-01-02, 2023-04-08]'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  EXPECT_TRUE(contains(
      r.output,
      "warning: calendar.bank_holidays lists 2023-01-02 more than once (calendar.bank_holidays[0] and [2])"))
      << r.output;
  EXPECT_TRUE(contains(r.output, "warning: calendar.bank_holidays[3] 2023-04-08 is a Saturday")) << r.output;
  // The two weekdays listed once are not.
  EXPECT_FALSE(contains(r.output, "2023-04-07 is a")) << r.output;
  // A sound list for the year: no warning.
  const CommandResult sound =
      run_probsim(kOneYear + "--set 'calendar.bank_holidays=[2023-01-02, 2023-04-07]'");
  EXPECT_FALSE(contains(sound.output, "warning")) << sound.output;
}
