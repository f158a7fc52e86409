// Review timeliness comes from work meeting capacity: in the shipped default scenario, cutting the case-
// holding staff of two PDUs lowers reviews_on_time_share and raising them back raises it, with 95% CIs
// (over replications) that do not overlap for a large enough change. A shortened window keeps it fast.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "e2e/cli_test_support.hpp"
#include "output/csv.hpp"

namespace probsim::testing {
namespace {

struct Interval {
  double mean = 0, low = 0, high = 0;
};

// Runs example_pdu.yaml with Northgate and Southbridge's POs and PSOs set to the given headcounts.
Interval reviews_on_time(const std::string& name, int northgate_po, int northgate_pso, int southbridge_po,
                         int southbridge_pso) {
  const auto out = fresh_directory("staffing_" + name) / "run";
  const std::string staff = "regions.0.pdus.";
  const CommandResult r = run_probsim(
      "run scenarios/example_pdu.yaml --reps 4 --quiet --set simulation.report_end=2023-06-30"
      " --set " +
      staff + "Northgate.staff.0.headcount=" + std::to_string(northgate_po) + " --set " + staff +
      "Northgate.staff.1.headcount=" + std::to_string(northgate_pso) + " --set " + staff +
      "Southbridge.staff.0.headcount=" + std::to_string(southbridge_po) + " --set " + staff +
      "Southbridge.staff.1.headcount=" + std::to_string(southbridge_pso) + " --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  const std::string summary = read_file(out / "summary.csv");
  std::size_t at = 0;
  while (at < summary.size()) {
    const std::size_t end = summary.find('\n', at);
    const auto fields = parse_csv_line(summary.substr(at, end - at));  // level,unit,kpi,n,mean,sd,low,high
    if (fields.size() >= 8 && fields[0] == "national" && fields[2] == "reviews_on_time_share")
      return Interval{std::stod(fields[4]), std::stod(fields[6]), std::stod(fields[7])};
    at = end == std::string::npos ? summary.size() : end + 1;
  }
  ADD_FAILURE() << "no reviews_on_time_share in " << out;
  return {};
}

TEST(StaffingAndTimeliness, CuttingStaffLowersReviewsOnTimeAndRaisingItRaisesThem) {
  const Interval cut = reviews_on_time("cut", 3, 5, 2, 3);
  const Interval middle = reviews_on_time("middle", 4, 6, 2, 4);
  const Interval shipped = reviews_on_time("shipped", 10, 14, 5, 10);
  EXPECT_LT(cut.mean, middle.mean) << "raising staff from the cut raises the share";
  EXPECT_LT(middle.mean, shipped.mean) << "raising staff again raises it again";
  EXPECT_LT(cut.high, shipped.low) << "the cut's CI lies wholly below the shipped staffing's: cut ["
                                   << cut.low << ", " << cut.high << "], shipped [" << shipped.low << ", "
                                   << shipped.high << "]";
}

}  // namespace
}  // namespace probsim::testing
