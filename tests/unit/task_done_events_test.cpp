// The event log's rows of casework tasks done (--events-tasks, CaseEventSink::wants_tasks): one per task
// of a case completed, contacts, court reports and terminations aside, each naming the case as it is
// open then and the practitioner who did it; nothing is collected for a sink that does not want them.
#include <gtest/gtest.h>

#include <array>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "unit/model_run.hpp"

using namespace probsim;
using probsim::testing::load_scenario_file;
using probsim::testing::ModelRun;

namespace {

// Follows the cases open in each office and counts the task rows by office and kind, checking each
// against the cases open at the time.
class TaskDoneAudit final : public CaseEventSink {
 public:
  explicit TaskDoneAudit(bool wants) : wants_(wants) {}
  void record(Day, CaseEvent event, const Case& c, std::string_view, std::string_view) override {
    if (event == CaseEvent::initial || event == CaseEvent::referral) open_.insert(c.id);
    if (event == CaseEvent::terminated) open_.erase(c.id);
  }
  void record_task_done(Day day, TaskKind kind, const Case& c, std::string_view pdu_name,
                        std::string_view practitioner_name) override {
    EXPECT_TRUE(open_.count(c.id)) << to_string(kind) << " done for case " << c.id << ", not open";
    EXPECT_FALSE(practitioner_name.empty()) << to_string(kind) << " of case " << c.id;
    EXPECT_GE(day, last_day_) << "rows in the order of days";
    last_day_ = day;
    rows[{std::string(pdu_name), kind}] += 1;
  }
  [[nodiscard]] bool wants_tasks() const override { return wants_; }

  std::map<std::pair<std::string, TaskKind>, std::int64_t> rows;

 private:
  bool wants_;
  std::set<CaseId> open_;
  Day last_day_ = 0;
};

constexpr std::array<TaskKind, 3> kNotLogged = {TaskKind::contact, TaskKind::court_report,
                                                TaskKind::termination};

bool logged(TaskKind kind) {
  for (TaskKind k : kNotLogged)
    if (k == kind) return false;
  return true;
}

// Runs `scenario` through `last`, checks that each office's rows of each kind are as many as its
// casework's completions (none for the kinds not logged), and returns the kinds that had rows, by office.
std::map<std::string, std::set<std::string>> kinds_with_rows(const std::string& scenario, CalendarDate last) {
  TaskDoneAudit audit(true);
  ModelRun run(load_scenario_file(scenario), replication_seed(1, 1), &audit);
  run.run_through(run.day_of(last));
  std::map<std::string, std::set<std::string>> kinds;
  for (std::size_t i = 0; i < run.office_count(); ++i) {
    const PduOffice& office = run.office(i);
    const TaskCounters& n = office.casework().counters();
    for (std::size_t k = 0; k < kTaskKindCount; ++k) {
      const auto kind = static_cast<TaskKind>(k);
      const auto found = audit.rows.find({office.name(), kind});
      const std::int64_t rows = found == audit.rows.end() ? 0 : found->second;
      if (!logged(kind)) {
        EXPECT_EQ(rows, 0) << office.name() << " " << to_string(kind);
        continue;
      }
      // Every completion has its row: none is lost to a case no longer held.
      EXPECT_EQ(rows, n.completed[k]) << office.name() << " " << to_string(kind);
      if (rows > 0) kinds[office.name()].insert(std::string(to_string(kind)));
    }
    EXPECT_GT(n.completed[static_cast<std::size_t>(TaskKind::contact)], 0) << "contacts were done, unlogged";
  }
  return kinds;
}

}  // namespace

// Every kind logged has rows in every office by the end of June: the seven of a case's own tasks without
// enforcement, which example_pdu has not.
TEST(TaskDoneEvents, ARowPerTaskOfACaseCompletedButContactsCourtReportsAndTerminations) {
  const std::set<std::string> kinds = {"initial_assessment", "sara",         "home_visit",
                                       "periodic_review",    "event_review", "risk_management_plan",
                                       "toolkit_session"};
  EXPECT_EQ(kinds_with_rows("scenarios/example_pdu.yaml", CalendarDate{2023, 6, 30}),
            (std::map<std::string, std::set<std::string>>{
                {"Eastmoor", kinds}, {"Northgate", kinds}, {"Southbridge", kinds}}));
}

// With enforcement (the 2004 National Standards), absences are judged and breaches laid: their tasks have
// rows too, checked against the completions as every other kind, in both offices within the first
// quarter. The Skills for Relationships Toolkit came after 2004: no toolkit sessions.
TEST(TaskDoneEvents, EnforcementsTasksHaveTheirRowsToo) {
  const std::set<std::string> kinds = {"initial_assessment", "sara",         "home_visit",
                                       "periodic_review",    "event_review", "risk_management_plan",
                                       "absence_judgement",  "breach_action"};
  EXPECT_EQ(kinds_with_rows("scenarios/national_standards_2004.yaml", CalendarDate{2003, 6, 30}),
            (std::map<std::string, std::set<std::string>>{{"Area North", kinds}, {"Area South", kinds}}));
}

TEST(TaskDoneEvents, NothingForASinkThatDoesNotWantThem) {
  TaskDoneAudit audit(false);
  ModelRun run(load_scenario_file("scenarios/example_pdu.yaml"), replication_seed(1, 1), &audit);
  run.run_through(run.day_of(CalendarDate{2023, 3, 31}));
  EXPECT_TRUE(audit.rows.empty());
  std::int64_t reviews = 0;
  for (std::size_t i = 0; i < run.office_count(); ++i)
    reviews +=
        run.office(i).casework().counters().completed[static_cast<std::size_t>(TaskKind::periodic_review)];
  EXPECT_GT(reviews, 0);
}
