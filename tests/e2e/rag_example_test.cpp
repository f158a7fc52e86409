// The prioritisation framework end to end, on the shipped worked example (scenarios/rag_example.yaml):
// Ashford loses staff, goes amber, then red, and after the recruitment plan returns to green, in every
// replication; its twin without the plan stays red while review timeliness falls. Then HMIP's
// Recommendation 5 (scenarios/rag_protect_da.yaml) against the default, paired under common random
// numbers: the same statuses, more BBR starts and completions, and the partnership work kept under red
// costs review timeliness. And PDUs that do not follow the suggested BBR suspension (RAG-5/RAG-13) against
// PDUs that do.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

constexpr int kReplications = 6;

// timeseries.csv: replication, date, level, unit, metric, value -> value by (replication, unit, metric)
// and date, dates in order.
using Series = std::map<std::string, double>;
std::map<std::string, Series> pdu_series(const std::filesystem::path& run, const std::string& level) {
  std::map<std::string, Series> out;
  for (const auto& r : csv_rows(run / "timeseries.csv"))
    if (r.size() == 6 && r[2] == level) out[r[0] + "|" + r[3] + "|" + r[4]][r[1]] = std::stod(r[5]);
  return out;
}

std::filesystem::path run_scenario(const std::string& scenario, const std::string& name,
                                   const std::string& settings = "") {
  const auto out = fresh_directory("rag_" + name) / "run";
  const CommandResult r = run_probsim("run " + scenario + " --reps " + std::to_string(kReplications) +
                                      settings + " --quiet --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return out;
}

TEST(RagExample, AshfordGoesAmberThenRedAndThePlanReturnsItToGreen) {
  const auto run = run_scenario("scenarios/rag_example.yaml", "example");
  const auto series = pdu_series(run, "pdu");
  const auto teams = pdu_series(run, "team");
  double green_reviews = 0, green_months = 0, red_reviews = 0, red_months = 0, green_starts = 0;
  for (int rep = 1; rep <= kReplications; ++rep) {
    const std::string r = std::to_string(rep);
    const Series& status = series.at(r + "|Ashford|rag_status");
    std::vector<int> months;
    for (const auto& [date, value] : status) months.push_back(static_cast<int>(value));
    const auto first_amber = std::find(months.begin(), months.end(), 1);
    const auto first_red = std::find(months.begin(), months.end(), 2);
    ASSERT_NE(first_red, months.end()) << "replication " << r << ": Ashford never went red";
    EXPECT_LT(first_amber, first_red) << "replication " << r << ": amber before red";
    EXPECT_EQ(std::count(months.begin(), first_amber, 0), first_amber - months.begin())
        << "replication " << r << ": green until the first amber";
    EXPECT_NE(std::find(first_red, months.end(), 0), months.end())
        << "replication " << r << ": back to green after red, with the plan";
    const Series& twin_status = series.at(r + "|Ashford (no plan)|rag_status");
    EXPECT_EQ(twin_status.rbegin()->second, 2.0)
        << "replication " << r << ": without the plan, red at the end";

    // Reviews happen on the first of the month, so a month-end status held all month. Amber suspends BBR
    // starts (and red includes amber): Ashford's team starts nobody in a month it is amber or red.
    const Series& starts = teams.at(r + "|Ashford team|bbr_starts");
    for (const auto& [date, value] : status) {
      if (value != 0.0)
        EXPECT_EQ(starts.at(date), 0.0)
            << "replication " << r << ", " << date << ": BBR starts under status " << value;
      else
        green_starts += starts.at(date);
    }

    // Review timeliness: Ashford's green months before the loss against its twin's red months in 2024.
    const Series& reviews = series.at(r + "|Ashford|reviews_on_time_share");
    const Series& twin_reviews = series.at(r + "|Ashford (no plan)|reviews_on_time_share");
    for (const auto& [date, value] : status)
      if (date < "2023-07-01" && value == 0.0) {
        green_reviews += reviews.at(date);
        green_months += 1;
      }
    for (const auto& [date, value] : twin_status)
      if (date >= "2024-01-01" && value == 2.0) {
        red_reviews += twin_reviews.at(date);
        red_months += 1;
      }
  }
  ASSERT_GT(green_months, 0);
  ASSERT_GT(red_months, 0);
  EXPECT_GT(green_starts, 20 * kReplications) << "while green, BBR groups take new starters";
  EXPECT_LT(red_reviews / red_months, green_reviews / green_months - 0.05)
      << "reviews on time: " << green_reviews / green_months << " while green, " << red_reviews / red_months
      << " in red without the plan";

  // Every day of the window is in exactly one status, per PDU; the region counts its PDUs by status.
  std::map<std::string, double> pdu_days;  // by replication
  for (const auto& row : national_kpi_rows(csv_rows(run / "kpis.csv")))
    if (row[1].rfind("pdu_days_", 0) == 0) pdu_days[row[0]] += std::stod(row[2]);
  ASSERT_EQ(pdu_days.size(), static_cast<std::size_t>(kReplications));
  for (const auto& [rep, days] : pdu_days) EXPECT_EQ(days, 2 * 731.0) << "replication " << rep;
  const auto region = pdu_series(run, "region");
  for (int rep = 1; rep <= kReplications; ++rep) {
    const std::string r = std::to_string(rep) + "|Kentwell|pdus_";
    for (const auto& [date, green] : region.at(r + "green"))
      EXPECT_EQ(green + region.at(r + "amber").at(date) + region.at(r + "red").at(date), 2.0) << date;
  }
}

TEST(RagExample, ProtectingDomesticAbuseWorkIsPairedWithTheDefault) {
  const auto base = run_scenario("scenarios/rag_example.yaml", "default_measures");
  const auto other = run_scenario("scenarios/rag_protect_da.yaml", "protect_da");
  const auto comparison = fresh_directory("rag_compare") / "comparison.csv";
  const CommandResult r = run_probsim("compare '" + base.string() + "' '" + other.string() +
                                      "' --quiet --out '" + comparison.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::map<std::string, std::vector<std::string>> by_kpi;
  for (const auto& row : national_summary_rows(csv_rows(comparison))) by_kpi[row[0]] = row;
  // kpi, n, base_mean, other_mean, diff_mean, diff_sd, ci95_low, ci95_high, excludes_zero
  for (const char* kpi : {"pdu_days_red", "pdu_days_amber", "pdu_days_green", "rag_changes", "referrals"})
    EXPECT_EQ(std::stod(by_kpi.at(kpi)[4]), 0.0) << kpi << ": statuses come from staffing and WMT, unchanged";
  // Keeping partnership work under red leaves fewer casework hours. The overload triage decides where the
  // loss falls: since the WMT's report points are counted (docs/validation/10-workload.md §10.10) it falls on
  // contacts (6 replications: -5.5 points [-7.4, -3.5]) while reviews on time move by -0.7 [-1.4, +0.1]
  // points.
  const auto& contacts = by_kpi.at("contacts_delivered_share");
  EXPECT_LT(std::stod(contacts[7]), 0.0) << "keeping partnership work under red leaves fewer casework hours";
  EXPECT_EQ(contacts[8], "true");
  const auto& reviews = by_kpi.at("reviews_on_time_share");
  EXPECT_LE(std::stod(reviews[4]), 0.0) << "and reviews on time do not rise";
  // Recommendation 5 keeps BBR starting and running under amber and red: more starts and completions,
  // and no session cancelled or facilitator hour redeployed.
  for (const char* kpi : {"bbr_starts", "bbr_completions"}) {
    EXPECT_GT(std::stod(by_kpi.at(kpi)[6]), 0.0) << kpi << ": the CI of the difference is above zero";
    EXPECT_EQ(by_kpi.at(kpi)[8], "true") << kpi;
  }
  EXPECT_GT(std::stod(by_kpi.at("bbr_sessions_cancelled_rag")[2]), 0.0) << "the default cancels sessions";
  EXPECT_EQ(std::stod(by_kpi.at("bbr_sessions_cancelled_rag")[3]), 0.0) << "Recommendation 5 cancels none";
  EXPECT_EQ(std::stod(by_kpi.at("facilitator_hours_redeployed")[3]), 0.0);
  EXPECT_EQ(by_kpi.at("bbr_requirements")[4], "0") << "the same men get the same requirements (CRN)";
}

// RAG-5/RAG-13 (docs/validation/10-workload.md §10.11): a PDU that does not follow the suggested BBR
// suspension keeps starting men under amber and red. Against PDUs that always follow it, paired: the same
// statuses, more BBR starts (2 replications when written: 130 -> 162), and red's paused sessions cancelled as
// before.
TEST(RagExample, PdusNotFollowingTheSuggestedBbrSuspensionStartMoreMenUnderTheSameStatuses) {
  const auto followed = run_scenario("scenarios/rag_example.yaml", "suspension_followed",
                                     " --set prioritisation.bbr_suspension_followed_probability=1");
  const auto ignored = run_scenario("scenarios/rag_example.yaml", "suspension_ignored",
                                    " --set prioritisation.bbr_suspension_followed_probability=0");
  const auto comparison = fresh_directory("rag_followed_compare") / "comparison.csv";
  const CommandResult r = run_probsim("compare '" + followed.string() + "' '" + ignored.string() +
                                      "' --quiet --out '" + comparison.string() + "'");
  ASSERT_EQ(r.exit_status, 0) << r.output;
  std::map<std::string, std::vector<std::string>> by_kpi;
  for (const auto& row : national_summary_rows(csv_rows(comparison))) by_kpi[row[0]] = row;
  // kpi, n, base_mean, other_mean, diff_mean, diff_sd, ci95_low, ci95_high, excludes_zero
  for (const char* kpi :
       {"pdu_days_red", "pdu_days_amber", "pdu_days_green", "rag_changes", "bbr_requirements"})
    EXPECT_EQ(std::stod(by_kpi.at(kpi)[4]), 0.0) << kpi << ": the statuses and the men are the same";
  EXPECT_GT(std::stod(by_kpi.at("pdu_days_amber")[2]) + std::stod(by_kpi.at("pdu_days_red")[2]), 0.0)
      << "the example must have amber or red days for the measure to bite";
  EXPECT_GT(std::stod(by_kpi.at("bbr_starts")[6]), 0.0)
      << "more starts: the CI of the difference is above zero";
  EXPECT_EQ(by_kpi.at("bbr_starts")[8], "true");
}

}  // namespace
}  // namespace probsim::testing
