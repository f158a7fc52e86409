// `--kpis` chooses the KPIs printed by `run` and `compare`, and their order in each unit's table: the
// order the patterns are listed, then file order (sim/output/kpi_console.hpp).

#include <gtest/gtest.h>

#include "output/kpi_console.hpp"

namespace probsim {
namespace {

const std::vector<ConsoleRow> kRows = {
    {"national\nnational", "caseload_mean"},
    {"national\nnational", "reviews_on_time_share"},
    {"national\nnational", "bbr_wait_weeks_mean"},
    {"national\nnational", "bbr_wait_weeks_p90"},
    {"pdu\nEastmoor", "caseload_mean"},
    {"pdu\nEastmoor", "reviews_on_time_share"},
    {"pdu\nEastmoor", "bbr_wait_weeks_mean"},
};

TEST(KpiConsoleOrder, NoPatternsKeepsEveryRowInFileOrder) {
  EXPECT_EQ(console_order(kRows, {}), (std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(KpiConsoleOrder, EachUnitsRowsFollowThePatternsOrderThenTheFile) {
  // bbr_wait* lists two KPIs, kept in file order; units stay in file order.
  EXPECT_EQ(console_order(kRows, {"bbr_wait*", "caseload_mean"}), (std::vector<std::size_t>{2, 3, 0, 6, 4}));
  EXPECT_EQ(console_order(kRows, {"reviews_on_time_share", "caseload_mean"}),
            (std::vector<std::size_t>{1, 0, 5, 4}));
}

TEST(KpiConsoleOrder, ARowMatchedByTwoPatternsIsPrintedOnceUnderTheFirst) {
  EXPECT_EQ(console_order(kRows, {"bbr_wait_weeks_p90", "*"}),
            (std::vector<std::size_t>{3, 0, 1, 2, 4, 5, 6}));
}

TEST(KpiConsoleOrder, APatternThatMatchesNothingChoosesNothing) {
  EXPECT_TRUE(console_order(kRows, {"no_such_kpi"}).empty());
  EXPECT_EQ(console_order(kRows, {"no_such_kpi", "caseload_?ean"}), (std::vector<std::size_t>{0, 4}));
}

TEST(KpiConsoleOrder, AUnitsRowsApartArePrintedTogetherWhereItFirstAppears) {
  const std::vector<ConsoleRow> apart = {
      {"national\nnational", "caseload_mean"},
      {"pdu\nEastmoor", "caseload_mean"},
      {"national\nnational", "referrals"},
      {"pdu\nEastmoor", "referrals"},
  };
  EXPECT_EQ(console_order(apart, {}), (std::vector<std::size_t>{0, 2, 1, 3}));
  EXPECT_EQ(console_order(apart, {"referrals", "caseload_mean"}), (std::vector<std::size_t>{2, 0, 3, 1}));
}

}  // namespace
}  // namespace probsim
