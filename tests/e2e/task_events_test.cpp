// events.csv with --events-tasks: a row per casework task of a case completed (`<kind>_done`), so that a
// comparison can follow, case by case, when each OASys review was done. The rows are added to the
// file and change nothing else, whatever the threads; each names the practitioner who did the task and
// comes while the case is open, and a case's first periodic review comes no sooner than the interval
// after its supervision started.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

// Columns of events.csv (docs/reference/outputs.md).
constexpr std::size_t kReplication = 0, kDay = 2, kCaseId = 3, kPdu = 4, kEvent = 5, kPractitioner = 12,
                      kTerminationReason = 13, kRequirementDate = 14;
constexpr std::size_t kColumns = 15;
// periodic_review.interval_weeks in scenarios/base/england_wales_defaults.yaml, which example_pdu keeps.
constexpr long kReviewIntervalDays = 16 * 7;

bool is_task_row(const std::string& event) {
  const std::string suffix = "_done";
  return event.size() > suffix.size() &&
         event.compare(event.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// example_pdu for a year from the start of its warm-up (26 weeks before 2023-01-01), 2 replications.
std::filesystem::path run_example_pdu(const std::string& name, const std::string& flags) {
  const auto out = fresh_directory(name) / "run";
  const CommandResult r = run_probsim(
      "run scenarios/example_pdu.yaml --reps 2 --jobs 2 --seed 3 --quiet "
      "--set simulation.report_end=2023-06-30 " +
      flags + " --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_status, 0) << r.output;
  return out;
}

class TaskEvents : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    plain_ = new std::filesystem::path(run_example_pdu("task_events_plain", "--events --threads 1"));
    tasks_ = new std::filesystem::path(run_example_pdu("task_events_tasks", "--events-tasks --threads 1"));
    tasks_threads_ =
        new std::filesystem::path(run_example_pdu("task_events_tasks_threads", "--events-tasks --threads 3"));
  }
  static void TearDownTestSuite() {
    delete plain_;
    delete tasks_;
    delete tasks_threads_;
  }
  static std::filesystem::path* plain_;
  static std::filesystem::path* tasks_;
  static std::filesystem::path* tasks_threads_;
};
std::filesystem::path* TaskEvents::plain_ = nullptr;
std::filesystem::path* TaskEvents::tasks_ = nullptr;
std::filesystem::path* TaskEvents::tasks_threads_ = nullptr;

TEST_F(TaskEvents, WithoutTheOptionThereAreNoTaskRows) {
  const auto rows = csv_rows(*plain_ / "events.csv");
  EXPECT_GT(rows.size(), 1000u);
  for (const auto& f : rows) ASSERT_FALSE(is_task_row(f[kEvent])) << "a task row without --events-tasks";
}

TEST_F(TaskEvents, RemovingTheTaskRowsLeavesThePlainFileRowForRow) {
  const std::string plain = read_file(*plain_ / "events.csv");
  const std::string tasks = read_file(*tasks_ / "events.csv");
  EXPECT_EQ(plain.substr(0, plain.find('\n')), tasks.substr(0, tasks.find('\n'))) << "the same header";
  std::vector<std::vector<std::string>> without_tasks;
  std::map<std::string, int> task_rows;
  for (auto& f : csv_rows(*tasks_ / "events.csv")) {
    ASSERT_EQ(f.size(), kColumns);
    if (is_task_row(f[kEvent]))
      task_rows[f[kEvent]] += 1;
    else
      without_tasks.push_back(std::move(f));
  }
  EXPECT_EQ(without_tasks, csv_rows(*plain_ / "events.csv"));
  for (const char* kind : {"initial_assessment_done", "sara_done", "home_visit_done", "periodic_review_done",
                           "event_review_done", "risk_management_plan_done"})
    EXPECT_GT(task_rows[kind], 0) << kind;
  for (const char* left_out : {"contact_done", "court_report_done", "termination_done"})
    EXPECT_EQ(task_rows.count(left_out), 0u) << left_out;
  // The option changes only the log.
  for (const char* file : {"kpis.csv", "timeseries.csv", "summary.csv"})
    EXPECT_EQ(read_file(*plain_ / file), read_file(*tasks_ / file)) << file;
}

TEST_F(TaskEvents, TheThreadCountDoesNotChangeTheFile) {
  const std::string one_thread = read_file(*tasks_ / "events.csv");
  EXPECT_NE(one_thread.find("_done,"), std::string::npos);
  const std::string three_threads = read_file(*tasks_threads_ / "events.csv");
  const auto differ =
      std::mismatch(one_thread.begin(), one_thread.end(), three_threads.begin(), three_threads.end());
  EXPECT_TRUE(one_thread == three_threads)
      << "the files differ from byte " << (differ.first - one_thread.begin()) << ": "
      << one_thread.substr(static_cast<std::size_t>(differ.first - one_thread.begin()), 200);
}

// The tasks are done in an office's day after its closings, referrals and allocations, and the rows come
// in that order. On several threads the office's rows are held back and delivered together after the
// day (SharedNotices): a task row written as the task is done would come before them.
TEST_F(TaskEvents, AnOfficesTaskRowsFollowItsCasesRowsOfTheDayOnThreads) {
  std::set<std::string> done_today;  // the PDUs with a task row so far today
  std::string today;
  int days_with_both = 0;
  bool both_today = false;
  for (const auto& f : csv_rows(*tasks_threads_ / "events.csv")) {
    if (f[kReplication] + "," + f[kDay] != today) {
      today = f[kReplication] + "," + f[kDay];
      done_today.clear();
      both_today = false;
    }
    if (is_task_row(f[kEvent])) {
      done_today.insert(f[kPdu]);
    } else if (f[kEvent] == "referral" || f[kEvent] == "terminated") {
      EXPECT_EQ(done_today.count(f[kPdu]), 0u) << f[kEvent] << " of case " << f[kCaseId] << " after "
                                               << f[kPdu] << "'s task rows of day " << f[kDay];
    }
    if (!both_today && !done_today.empty() && f[kEvent] == "referral") {
      both_today = true;
      ++days_with_both;
    }
  }
  EXPECT_GT(days_with_both, 50) << "days with task rows of one office and referrals of a later one";
}

TEST_F(TaskEvents, EachTaskRowNamesItsPractitionerWhileTheCaseIsOpen) {
  struct Life {
    long opened = -1, allocated = -1, terminated = -1, first_review = -1;
    bool referred = false;
  };
  std::map<std::pair<std::string, std::string>, Life> cases;  // replication, case id
  int task_rows = 0, first_reviews_checked = 0;
  for (const auto& f : csv_rows(*tasks_ / "events.csv")) {
    Life& life = cases[{f[kReplication], f[kCaseId]}];
    const long day = std::stol(f[kDay]);
    const std::string& event = f[kEvent];
    if (event == "initial" || event == "referral") {
      life.opened = day;
      life.referred = event == "referral";
    } else if (event == "allocated" && life.allocated < 0) {
      life.allocated = day;
    } else if (event == "terminated") {
      life.terminated = day;
    } else if (is_task_row(event)) {
      ++task_rows;
      EXPECT_EQ(f[kPractitioner].rfind(f[kPdu] + "/", 0), 0u)
          << event << " of case " << f[kCaseId] << " names '" << f[kPractitioner] << "', not one of its PDU";
      EXPECT_TRUE(f[kTerminationReason].empty() && f[kRequirementDate].empty()) << event;
      EXPECT_GE(life.allocated, 0) << event << " of case " << f[kCaseId] << " before it was allocated";
      EXPECT_LT(life.terminated, 0) << event << " of case " << f[kCaseId] << " after its terminated row";
      if (event == "periodic_review_done" && life.first_review < 0) {
        life.first_review = day;
        // Supervision of a case referred in the run starts on its allocation; its first review falls
        // an interval later.
        if (life.referred) {
          EXPECT_GE(day, life.allocated + kReviewIntervalDays) << "case " << f[kCaseId];
          ++first_reviews_checked;
        }
      }
    }
  }
  EXPECT_GT(task_rows, 1000);
  EXPECT_GT(first_reviews_checked, 50);
}

}  // namespace
}  // namespace probsim::testing
