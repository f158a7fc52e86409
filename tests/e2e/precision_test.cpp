// --precision: the rule stops at the first replication count whose CIs meet the target (worked out
// here independently from a fixed run with the same seed), whatever --jobs; it stops at --max-reps
// and says so when the target is out of reach; under a sweep it gives the same points whatever the
// sharding.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "e2e/batch_test_support.hpp"
#include "output/csv.hpp"
#include "output/summary_statistics.hpp"

using namespace probsim::testing;
namespace fs = std::filesystem;

namespace {

using KpiValues = std::vector<std::pair<std::string, std::vector<double>>>;  // kpi → per replication

KpiValues read_kpis(const fs::path& kpis_csv) {
  std::ifstream in(kpis_csv);
  std::string line;
  std::getline(in, line);
  KpiValues values;
  while (std::getline(in, line)) {
    const auto f = probsim::parse_csv_line(line);  // replication,level,unit,kpi,value
    if (f[1] != "national") continue;              // the precision rule is on the nation's KPIs
    auto it = std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == f[3]; });
    if (it == values.end()) it = values.insert(values.end(), {f[3], {}});
    it->second.push_back(std::stod(f[4]));
  }
  return values;
}

// The first n ≥ min at which every KPI's half-width is within `target` of |mean| (a KPI constant over
// replications counts as met), from the replications' values: the rule worked out independently.
std::size_t first_n_meeting(const KpiValues& values, double target, std::size_t min) {
  const std::size_t available = values.front().second.size();
  for (std::size_t n = min; n <= available; ++n) {
    bool all = true;
    for (const auto& [kpi, v] : values) {
      const auto s = probsim::summarise(std::vector<double>(v.begin(), v.begin() + static_cast<long>(n)));
      const double half = s.ci95_half_width();
      all = all && (half == 0.0 || (s.mean != 0.0 && half <= target * std::fabs(s.mean)));
    }
    if (all) return n;
  }
  return 0;
}

std::string first_lines(const std::string& text, std::size_t lines) {
  std::size_t at = 0;
  for (std::size_t i = 0; i < lines && at != std::string::npos; ++i) {
    at = text.find('\n', at);
    if (at != std::string::npos) ++at;
  }
  return text.substr(0, at);
}

const std::string kScenario = "run tests/scenarios/infinite_server.yaml --seed 2 --quiet ";

}  // namespace

TEST(Precision, StopsAtTheFirstReplicationCountThatMeetsTheTarget) {
  const auto dir = fresh_directory("precision");
  ASSERT_EQ(run_probsim(kScenario + "--reps 40 --out " + quoted(dir / "fixed")).exit_status, 0);
  // Four KPIs of different spreads, and one that is always 0 here (no early exits).
  const std::vector<std::string> chosen = {"referrals", "caseload_mean", "workload_pct_mean",
                                           "workload_pct_p90", "terminations_early"};
  KpiValues values = read_kpis(dir / "fixed" / "kpis.csv");
  // Rows per replication in kpis.csv: every KPI of every unit (the nation, its regions and PDUs).
  const std::string fixed_kpis = read_file(dir / "fixed" / "kpis.csv");
  const std::size_t all_kpis =
      (static_cast<std::size_t>(std::count(fixed_kpis.begin(), fixed_kpis.end(), '\n')) - 1) /
      values.front().second.size();
  std::erase_if(values, [&](const auto& kv) {
    return std::find(chosen.begin(), chosen.end(), kv.first) == chosen.end();
  });
  ASSERT_EQ(values.size(), chosen.size());
  const std::size_t expected = first_n_meeting(values, 0.01, 4);
  // The setup must make the rule work: neither at the minimum nor never.
  ASSERT_GT(expected, 4u);
  ASSERT_LT(expected, 40u);

  for (const char* jobs : {"1", "3"}) {
    const fs::path out = dir / (std::string("jobs") + jobs);
    const CommandResult r =
        run_probsim(kScenario +
                    "--precision 0.01 --precision-kpis "
                    "referrals,caseload_mean,workload_pct_mean,workload_pct_p90,terminations_early "
                    "--reps 4 --max-reps 40 --jobs " +
                    jobs + " --out " + quoted(out));
    ASSERT_EQ(r.exit_status, 0) << r.output;
    EXPECT_NE(r.output.find(
                  "precision reached: every chosen KPI's 95% CI half-width is within 1% of its mean after " +
                  std::to_string(expected) + " replications"),
              std::string::npos)
        << "jobs " << jobs << ": " << r.output;
    // Exactly replications 1..n of the fixed run: the rule used them and nothing else.
    EXPECT_EQ(read_file(out / "kpis.csv"),
              first_lines(read_file(dir / "fixed" / "kpis.csv"), 1 + expected * all_kpis))
        << "jobs " << jobs;
    std::size_t replication_files = 0;
    for (const auto& entry : fs::directory_iterator(out / "replications"))
      replication_files += entry.is_regular_file();
    EXPECT_EQ(replication_files, 2 * expected) << "replications beyond the stopping point were removed";
    const std::string precision = read_file(out / "precision.csv");
    EXPECT_EQ(std::count(precision.begin(), precision.end(), '\n'), 1 + static_cast<long>(chosen.size()))
        << precision;
    EXPECT_EQ(precision.find("false"), std::string::npos) << precision;
    EXPECT_NE(precision.find("caseload_mean," + std::to_string(expected) + ","), std::string::npos)
        << precision;
    EXPECT_NE(precision.find("terminations_early," + std::to_string(expected) + ",0,0,0,0.01,true"),
              std::string::npos)
        << "a KPI that is always 0 is met" << precision;
    EXPECT_NE(
        read_file(out / "scenario.resolved.yaml").find("--reps " + std::to_string(expected) + " --seed 2"),
        std::string::npos);
  }
}

TEST(Precision, OnlyTheChosenKpisCount) {
  const auto dir = fresh_directory("precision_kpis");
  ASSERT_EQ(run_probsim(kScenario + "--reps 30 --out " + quoted(dir / "fixed")).exit_status, 0);
  KpiValues values = read_kpis(dir / "fixed" / "kpis.csv");
  std::erase_if(values, [](const auto& kv) { return kv.first != "caseload_mean"; });
  const std::size_t expected = first_n_meeting(values, 0.005, 3);
  ASSERT_GT(expected, 3u);
  ASSERT_LT(expected, 30u);
  const CommandResult r = run_probsim(kScenario +
                                      "--precision 0.005 --precision-kpis caseload_mean --reps 3 "
                                      "--max-reps 30 --out " +
                                      quoted(dir / "chosen"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find("every chosen KPI's 95% CI half-width is within 0.5% of its mean after " +
                          std::to_string(expected) + " replications"),
            std::string::npos)
      << r.output;
  const std::string precision = read_file(dir / "chosen" / "precision.csv");
  EXPECT_EQ(std::count(precision.begin(), precision.end(), '\n'), 2) << "the header and caseload_mean\n"
                                                                     << precision;
  EXPECT_NE(precision.find("\ncaseload_mean," + std::to_string(expected) + ","), std::string::npos)
      << precision;
}

TEST(Precision, StopsAtTheMaximumAndSaysSoWhenTheTargetIsOutOfReach) {
  const auto dir = fresh_directory("precision_max");
  const CommandResult r =
      run_probsim(kScenario + "--precision 0.0001 --reps 3 --max-reps 6 --out " + quoted(dir / "out"));
  ASSERT_EQ(r.exit_status, 0) << r.output;
  EXPECT_NE(r.output.find(
                "precision not reached: stopped at the maximum of 6 replications; not yet within 0.01%: "),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("caseload_mean ("), std::string::npos) << r.output;
  const std::string precision = read_file(dir / "out" / "precision.csv");
  EXPECT_NE(precision.find("caseload_mean,6,"), std::string::npos) << precision;
  EXPECT_NE(precision.find(",false\n"), std::string::npos) << precision;
  EXPECT_EQ(read_kpis(dir / "out" / "kpis.csv").front().second.size(), 6u);
}

TEST(Precision, BadRequestsAreRefusedBeforeOrWithoutResults) {
  const auto dir = fresh_directory("precision_bad");
  const CommandResult unknown = run_probsim(
      kScenario + "--precision 0.05 --precision-kpis caseload_maen --reps 3 --out " + quoted(dir / "out"));
  // A name the catalogue lacks is a usage error before any replication runs (it was found only after
  // the first replications, minutes into a national run).
  EXPECT_EQ(unknown.exit_status, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("--precision-kpis: no KPI is called 'caseload_maen' (did you mean "
                                "'caseload_mean'?)"),
            std::string::npos)
      << unknown.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  // The same in a sweep, at the name's line and column, by --dry-run too.
  write_file(dir / "sweep.yaml", "name: misspelt\nscenarios: [" + source_path("scenarios/example_pdu.yaml") +
                                     "]\nreplications_per_point: 2\nprecision: {relative_half_width: 0.05, "
                                     "kpis: [caseload_mean, referals]}\n"
                                     "headline_kpis: [reviews_on_time_shar]\n");
  const CommandResult sweep =
      run_probsim("batch " + quoted(dir / "sweep.yaml") + " --dry-run --out " + quoted(dir / "out"));
  EXPECT_EQ(sweep.exit_status, 1) << sweep.output;
  EXPECT_NE(
      sweep.output.find("sweep.yaml:4:62: error: key 'precision.kpis': no KPI is called 'referals' (did "
                        "you mean 'referrals'?)"),
      std::string::npos)
      << sweep.output;
  // A headline KPI the catalogue lacks was silently left out of the report's chart, after the whole batch.
  EXPECT_NE(sweep.output.find("sweep.yaml:5:17: error: key 'headline_kpis': no KPI is called "
                              "'reviews_on_time_shar' (did you mean 'reviews_on_time_share'?)"),
            std::string::npos)
      << sweep.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
  for (const char* usage : {"--precision 0.05 --reps 1", "--precision 0 --reps 3", "--max-reps 9 --reps 3",
                            "--precision 0.05 --reps 10 --max-reps 5", "--precision-kpis referrals",
                            "--precision 0.05 --reps 3 --precision-kpis referrals,referrals",
                            "--precision 0.05 --reps 3 --precision-kpis 'caseload_*'"}) {
    const CommandResult r = run_probsim(kScenario + usage + " --out " + quoted(dir / "out"));
    EXPECT_EQ(r.exit_status, 2) << usage << "\n" << r.output;
  }
  // A pattern where names are needed says so (it read as an unknown name only).
  const CommandResult glob = run_probsim(
      kScenario + "--precision 0.05 --reps 3 --precision-kpis 'caseload_*' --out " + quoted(dir / "out"));
  EXPECT_NE(
      glob.output.find("no KPI is called 'caseload_*': name each KPI in full here (patterns are for --kpis)"),
      std::string::npos)
      << glob.output;
  EXPECT_FALSE(fs::exists(dir / "out"));
}

TEST(Precision, ASweepWithAPrecisionTargetGivesTheSameResultsWhateverTheSharding) {
  const auto dir = fresh_directory("precision_sweep");
  const std::string text =
      "name: precise\nscenarios: [" + source_path("tests/scenarios/infinite_server.yaml") +
      "]\n"
      "parameters: {regions.0.pdus.Queue A.referrals_per_week: [5, 20, 80]}\n"
      "replications_per_point: 3\n"
      "base_seed: 9\n"
      "precision: {relative_half_width: 0.01, kpis: [caseload_mean], max_replications: 25}\n";
  const auto sweep = quoted(write_sweep(dir, text));
  const CommandResult one = run_probsim("batch " + sweep + " --out " + quoted(dir / "one") + " --jobs 2");
  ASSERT_EQ(one.exit_status, 0) << one.output;
  EXPECT_NE(one.output.find("point p0001: precision reached"), std::string::npos) << one.output;
  const std::string shard =
      probsim_binary() + " batch " + sweep + " --out " + quoted(dir / "two") + " --jobs 2 ";
  const CommandResult two = run_shell(shard + "--shard 1/2 & first=$!; " + shard +
                                      "--shard 2/2 & second=$!; wait $first && wait $second");
  ASSERT_EQ(two.exit_status, 0) << two.output;
  ASSERT_EQ(run_probsim("aggregate " + quoted(dir / "two") + " --quiet").exit_status, 0);
  const auto reference = batch_results(dir / "one", true);
  EXPECT_EQ(batch_results(dir / "two", true), reference);
  std::set<std::string> sizes;
  for (const char* point : {"p0001", "p0002", "p0003"}) {
    const std::string precision = read_file(dir / "one" / "points" / point / "precision.csv");
    ASSERT_FALSE(precision.empty()) << point;
    EXPECT_NE(precision.find(",true\n"), std::string::npos) << point << precision;
    sizes.insert(probsim::parse_csv_line(first_lines(precision, 2).substr(precision.find('\n') + 1))[1]);
  }
  EXPECT_GT(sizes.size(), 1u) << "points of different variability need different numbers of replications";
  // A point re-run alone, as its header says, is the point: the header's command carries the rule (without
  // it the re-run stopped at the minimum of 3).
  const fs::path point = dir / "one" / "points" / "p0002";
  const std::string resolved = read_file(point / "scenario.resolved.yaml");
  const std::string lead = "# Re-run this point alone with: probsim run <this file>";
  const std::size_t at = resolved.find(lead);
  ASSERT_NE(at, std::string::npos) << resolved;
  const std::string options = resolved.substr(at + lead.size(), resolved.find('\n', at) - at - lead.size());
  EXPECT_NE(options.find("--precision 0.01 --precision-kpis caseload_mean --max-reps 25"), std::string::npos)
      << options;
  const CommandResult alone = run_probsim("run " + quoted(point / "scenario.resolved.yaml") + options +
                                          " -q --out " + quoted(dir / "alone"));
  ASSERT_EQ(alone.exit_status, 0) << alone.output;
  EXPECT_EQ(read_file(dir / "alone" / "kpis.csv"), read_file(point / "kpis.csv"));
  // A dry run counts the points a resume skips: each decided, with the replications it decided on.
  const std::string dry = "batch " + sweep + " --dry-run --out " + quoted(dir / "one");
  const CommandResult complete = run_probsim(dry);
  EXPECT_NE(complete.output.find("would run 0 of 3 points (each point's replications in one shard) into " +
                                 (dir / "one").string() + " (3 of its 3 already complete there"),
            std::string::npos)
      << complete.output;
  fs::remove(point / "replications" / "rep-00001.kpis.csv");
  EXPECT_NE(run_probsim(dry).output.find("would run 1 of 3 points"), std::string::npos);
}
