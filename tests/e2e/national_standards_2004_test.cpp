// The 2004 National Standards scenarios end to end (issue 24). The directional test: Gwent's higher
// sickness (SDA-8: 17.4 against Durham's 10.2 days) gives lower review and breach timeliness, as the
// inspections found (AUD-2: 38% against 82%; SDA-5: 73% against 94%). It is paired under common random
// numbers, and the whole 95% CI of each paired difference must lie below zero. The size of the model's
// gap against the published one is reported in docs/validation.md, not tested.
//
// Since session 18 the test isolates the cause the issue names: Gwent's file against the same file with
// Durham's 10.2 days. It no longer runs Gwent against Durham's file. Durham now gives every DV case to a PO
// (4.3/4.4), which costs its timeliness for a reason other than sickness. The rule for this change was
// stated before the runs (validation/11-national-standards.md §11.10), and the areas' own difference is
// reported there.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <utility>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

// The nation's rows of a CSV whose first two columns are level and unit, by the third (kpi or metric).
std::map<std::string, std::vector<std::string>> national_rows(const fs::path& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::vector<std::string>> rows;
  while (std::getline(in, line)) {
    const auto fields = probsim::parse_csv_line(line);
    if (fields.size() > 3 && fields[0] == "national") rows[fields[2]] = fields;
  }
  return rows;
}

double field(const std::map<std::string, std::vector<std::string>>& rows, const std::string& kpi,
             std::size_t index) {
  EXPECT_TRUE(rows.count(kpi)) << "no " << kpi;
  return rows.count(kpi) ? std::stod(rows.at(kpi).at(index)) : 0.0;
}

// `probsim compare` of two runs in `dir` (other minus base, pair by pair): the nation's rows, by KPI.
// Columns of a row: kDiffMean, and the 95% CI kCiLow..kCiHigh.
constexpr std::size_t kDiffMean = 6, kCiLow = 8, kCiHigh = 9;
std::map<std::string, std::vector<std::string>> paired_difference(const fs::path& dir,
                                                                  const std::string& base,
                                                                  const std::string& other) {
  return national_rows(compare_runs(dir, base, other));
}

// 160 replications: sickness moves breach on time by under a point (about 98% on time at both levels). At
// 40 the CI reached zero: -0.32 [-0.69, +0.05] points. At 160 it is -0.71 [-0.92, -0.50]
// (validation/11-national-standards.md §11.10). The rule, the whole CI below 0, is unchanged; the areas are
// small, so 160 take a few seconds.
const std::string kRun = " --quiet --reps 160 --seed 2004 --jobs 2 ";

}  // namespace

TEST(NationalStandards2004, GwentsHigherSicknessGivesLowerReviewAndBreachTimelinessThanDurhams) {
  const auto dir = fresh_directory("national_standards_2004");
  const std::string gwent = "run scenarios/national_standards_2004_gwent.yaml" + kRun;
  ASSERT_EQ(run_probsim(gwent + "--out " + quoted(dir / "gwent")).exit_status, 0);
  ASSERT_EQ(run_probsim(gwent + "--set workforce.sickness.days_per_fte_year=10.2 --out " +
                        quoted(dir / "gwent_with_durhams_sickness"))
                .exit_status,
            0);
  const auto diff = paired_difference(dir, "gwent_with_durhams_sickness", "gwent");
  EXPECT_GT(field(diff, "sickness_days_per_fte_year", kCiLow), 4.0) << "Gwent loses more days to sickness";
  EXPECT_LT(field(diff, "reviews_on_time_share", kCiHigh), 0.0)
      << field(diff, "reviews_on_time_share", kDiffMean);
  EXPECT_LT(field(diff, "breach_on_time_share", kCiHigh), 0.0)
      << field(diff, "breach_on_time_share", kDiffMean);
}

// Durham gives every DV case to a PO first (4.3/4.4): the least-loaded PO or trainee of its team
// (validation/10-workload.md §10.20, validation/11-national-standards.md §11.10). Against the same file with
// DA cases allocated like any other, under common random numbers, the DA cases' reviews and assessments fall
// by far more than every case's: their holders are the loaded POs (§11.12 measured -19.8 [-23.9, -15.8]
// points on DA reviews, -5.4 [-6.6, -4.2] on all reviews, 10 replications). The DV inspections found DV
// cases' timeliness below the ESIs' in both areas. The second check needs the DA cases' KPIs to count DA
// cases only: counted over every case, the two falls would be the same (checked: it then fails).
TEST(NationalStandards2004, GivingEveryDvCaseToAPoOrTraineeFirstLowersTheDvCasesTimelinessMostOfAll) {
  const auto dir = fresh_directory("national_standards_2004_dv_to_po");
  const std::string durham =
      "run scenarios/national_standards_2004_county_durham.yaml --quiet --reps 10 "
      "--seed 2004 --jobs 2 ";
  ASSERT_EQ(run_probsim(durham + "--out " + quoted(dir / "po_first")).exit_status, 0);
  ASSERT_EQ(run_probsim(durham + "--set allocation.domestic_abuse_cases.share_allocated_as_complex=0 --out " +
                        quoted(dir / "like_any_case"))
                .exit_status,
            0);
  const auto diff = paired_difference(dir, "like_any_case", "po_first");
  for (const auto& [da, all] :
       {std::pair{"reviews_domestic_abuse_on_time_share", "reviews_on_time_share"},
        std::pair{"assessments_domestic_abuse_on_time_share", "assessments_on_time_share"}}) {
    EXPECT_LT(field(diff, da, kCiHigh), 0.0) << da << " " << field(diff, da, kDiffMean);
    EXPECT_LT(field(diff, da, kCiHigh), field(diff, all, kCiLow))
        << da << " " << field(diff, da, kDiffMean) << " against " << all << " "
        << field(diff, all, kDiffMean);
  }
}

// The England-and-Wales-average area: appointments, absences and breach are reported, and the shares
// are those the settings imply (85% of appointments kept: 10% + 5% missed).
TEST(NationalStandards2004, TheAverageAreaReportsAppointmentsAbsencesAndBreaches) {
  const auto dir = fresh_directory("national_standards_2004_average");
  ASSERT_EQ(
      run_probsim("run scenarios/national_standards_2004.yaml --quiet --reps 3 --seed 1 --jobs 2 --out " +
                  quoted(dir / "run"))
          .exit_status,
      0);
  const auto summary = national_rows(dir / "run" / "summary.csv");
  constexpr std::size_t kMean = 4;
  EXPECT_NEAR(field(summary, "appointments_kept_share", kMean), 0.85, 0.01);
  EXPECT_GT(field(summary, "breaches_initiated", kMean), 0.0);
  EXPECT_GT(field(summary, "breach_on_time_share", kMean), 0.0);
  EXPECT_EQ(field(summary, "court_sso_activated", kMean), 0.0) << "no SSO in 2004";
  EXPECT_GT(field(summary, "court_order_revoked", kMean), 0.0);
  EXPECT_GT(field(summary, "terminations_breach", kMean), 0.0) << "breach endings now come from enforcement";
  // SDA-10 (3a.3): community orders reaching the end of their 12th week in the year are checked. At most
  // the year's community-order referrals (10 a week x 52 x 0.8 = 416, plus noise), and most of them:
  // an order ends early at about 0.1-0.3 a year, so well over 80% last 12 weeks.
  const double checked = field(summary, "first_weeks_orders_checked", kMean);
  EXPECT_GT(checked, 0.8 * 416.0 * 0.9);
  EXPECT_LT(checked, 416.0 + 4.0 * std::sqrt(416.0));
  const double met = field(summary, "first_weeks_appointments_met_share", kMean);
  EXPECT_GT(met, 0.0);
  EXPECT_LT(met, 1.0);
  // AUD-4 (3a.12): a plan for every high or very high RoSH start: at most the year's starts (10 a week x
  // 52 = 520) times the base's high and very high shares (0.202 + 0.037), plus noise, and most of them
  // (a start in the warm-up's last days is due inside the window too, so no lower cut at 0.239 x 520).
  const double plans = field(summary, "risk_management_plans_due", kMean);
  EXPECT_GT(plans, 0.7 * 520.0 * 0.239);
  EXPECT_LT(plans, 520.0 * 0.239 + 4.0 * std::sqrt(520.0 * 0.239));
  const double plans_on_time = field(summary, "risk_management_plans_on_time_share", kMean);
  EXPECT_GT(plans_on_time, 0.0);
  EXPECT_LE(plans_on_time, 1.0);
  // AUD-9 (validation/11-national-standards.md §11.11): the home visits of high and very high RoSH cases, a
  // part of every DA home visit (the base's high and very high shares, 0.202 + 0.037, of DA cases, so well
  // under half).
  const double high_visits = field(summary, "home_visits_high_rosh_due", kMean);
  EXPECT_GT(high_visits, 0.0);
  EXPECT_LT(high_visits, 0.5 * field(summary, "home_visits_due", kMean));
  const double high_visits_on_time = field(summary, "home_visits_high_rosh_on_time_share", kMean);
  EXPECT_GT(high_visits_on_time, 0.0);
  EXPECT_LE(high_visits_on_time, 1.0);
  // The DV audits (validation/11-national-standards.md §11.12): the DA cases' reviews and contacts are a part
  // of all, near the base's DA share of cases (0.312, CL-2), since a DA case is reviewed and seen on the same
  // schedule.
  for (const auto& [da, all] : {std::pair{"reviews_domestic_abuse_due", "reviews_due"},
                                std::pair{"contacts_domestic_abuse_required", "contacts_required"}}) {
    const double part = field(summary, da, kMean) / field(summary, all, kMean);
    EXPECT_GT(part, 0.6 * 0.312) << da;
    EXPECT_LT(part, 1.4 * 0.312) << da;
  }
  // AUD-2 and AUD-3 (validation/11-national-standards.md §11.13): a case has a periodic review every 16 weeks
  // (52 / 16 = 3.25 a case-year, fewer in its first 16 weeks) and an event review at the base's hazard of 1 a
  // case-year, so periodic ones are about three times as many (2.9 measured; a swap of the two kinds gives
  // about 0.34).
  for (const std::string suffix : {"", "_domestic_abuse"}) {
    const std::string periodic = "periodic_reviews" + suffix, event = "event_reviews" + suffix;
    const double ratio = field(summary, periodic + "_due", kMean) / field(summary, event + "_due", kMean);
    EXPECT_GT(ratio, 2.0) << periodic;
    EXPECT_LT(ratio, 4.0) << periodic;
    for (const std::string& share : {periodic + "_on_time_share", event + "_on_time_share"}) {
      EXPECT_GT(field(summary, share, kMean), 0.0) << share;
      EXPECT_LE(field(summary, share, kMean), 1.0) << share;
    }
  }
  // A DA case's assessments are its OASys and its SARA, and only DA cases have a SARA, so DA cases hold
  // about 2 x 0.312 / 1.312 = 0.48 of the assessments. Without the SARAs it would be 0.24 to 0.31: that
  // fails, as it should.
  const double assessments =
      field(summary, "assessments_domestic_abuse_due", kMean) / field(summary, "assessments_due", kMean);
  EXPECT_GT(assessments, 0.40);
  EXPECT_LT(assessments, 0.55);
  // Plans are for high and very high RoSH cases of either kind: near the DA share again.
  const double plans_part = field(summary, "risk_management_plans_domestic_abuse_due", kMean) /
                            field(summary, "risk_management_plans_due", kMean);
  EXPECT_GT(plans_part, 0.6 * 0.312);
  EXPECT_LT(plans_part, 1.4 * 0.312);
  EXPECT_GT(field(summary, "breaches_domestic_abuse_due", kMean), 0.0);
  EXPECT_LT(field(summary, "breaches_domestic_abuse_due", kMean), field(summary, "breaches_due", kMean));
  for (const char* share :
       {"reviews_domestic_abuse_on_time_share", "assessments_domestic_abuse_on_time_share",
        "contacts_domestic_abuse_delivered_share", "risk_management_plans_domestic_abuse_on_time_share",
        "breach_domestic_abuse_on_time_share"}) {
    EXPECT_GT(field(summary, share, kMean), 0.0) << share;
    EXPECT_LE(field(summary, share, kMean), 1.0) << share;
  }
}

// The areas' DV programmes (issue 24 item 4; docs/national_standards.md, "DV programmes"). Gwent's Duluth
// programme has 16 funded places a year (1.8-1.11), modelled as one closed cohort of at most 4 Gwent men
// at a time, 13 weekly sessions: every start is at a cohort's opening (at most 4 starts a cohort), and
// the starts average at most the 16 places, while the requirements exceed them. (A cohort whose men
// all leave early frees its facilitators for the next, so 16 is the design, not a hard cap.) Durham's
// accredited programme runs too, and its timely-start share (the cohort report's reading of 1.25-1.27) is
// above Gwent's, as published (20 of 23 against 42%), paired under common random numbers. Every check needs
// the programme: with `interventions.enabled: false` there are no bbr_* KPIs and each fails.
TEST(NationalStandards2004, EachAreaRunsItsDvProgrammeAndGwentsStartsStayWithinItsPlaces) {
  const auto dir = fresh_directory("national_standards_2004_programmes");
  for (const char* area : {"gwent", "county_durham"})
    ASSERT_EQ(run_probsim(std::string("run scenarios/national_standards_2004_") + area +
                          ".yaml --quiet --reps 4 --seed 2004 --jobs 2 --out " + quoted(dir / area))
                  .exit_status,
              0);

  // Per replication, from kpis.csv: replication, level, unit, kpi, value.
  std::map<std::string, std::map<std::string, double>> gwent;
  std::ifstream in(dir / "gwent" / "kpis.csv");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    const auto f = probsim::parse_csv_line(line);
    if (f.size() == 5 && f[1] == "national") gwent[f[0]][f[3]] = std::stod(f[4]);
  }
  ASSERT_EQ(gwent.size(), 4u);
  for (const auto& [rep, kpi] : gwent) {
    ASSERT_TRUE(kpi.count("bbr_starts") && kpi.count("bbr_groups_run"))
        << "no programme in replication " << rep;
    EXPECT_GT(kpi.at("bbr_starts"), 0.0) << rep;
    EXPECT_LE(kpi.at("bbr_starts"), 4.0 * kpi.at("bbr_groups_run")) << rep << ": 4 places a cohort";
  }
  const auto g = national_rows(dir / "gwent" / "summary.csv");
  constexpr std::size_t kMean = 4;
  EXPECT_LE(field(g, "bbr_starts", kMean), 16.0) << "1.8-1.11: 16 places a year";
  EXPECT_GT(field(g, "bbr_requirements", kMean), 16.0) << "demand exceeds the places";

  const auto d = national_rows(dir / "county_durham" / "summary.csv");
  EXPECT_GT(field(d, "bbr_starts", kMean), 0.0);
  const auto diff = paired_difference(dir, "county_durham", "gwent");
  EXPECT_LT(field(diff, "bbr_cohort_commenced_share", kCiHigh), 0.0)
      << "Gwent's timely starts below Durham's: " << field(diff, "bbr_cohort_commenced_share", kDiffMean);
}
