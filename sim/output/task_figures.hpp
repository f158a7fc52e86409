#pragma once
// Sentence-management figures of one unit over a period (or the report window): tasks due and done on
// time, review lateness, hours demanded, worked and available, and the backlog at the end. Read from a
// PDU office's task outcomes and counters; they add across offices into regions and the nation.

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "office/pdu_office.hpp"

namespace probsim {

// The timeliness of a case's own tasks (reviews, assessments, contacts, plans): tasks due in a period and
// those done on time. Counted for every case and, apart, for domestic-abuse cases alone, the population
// the DV audits counted (validation/11-national-standards.md §11.12).
struct CaseTaskTimeliness {
  std::int64_t periodic_reviews_due = 0, periodic_reviews_on_time = 0;  // every 16 weeks (AUD-2)
  std::int64_t event_reviews_due = 0, event_reviews_on_time = 0;        // after a significant event (AUD-3)
  std::int64_t assessments_due = 0, assessments_on_time = 0;            // OASys and SARA
  std::int64_t contacts_required = 0, contacts_delivered = 0;
  std::int64_t risk_management_plans_due = 0, risk_management_plans_on_time = 0;
  [[nodiscard]] std::int64_t reviews_due() const { return periodic_reviews_due + event_reviews_due; }
  [[nodiscard]] std::int64_t reviews_on_time() const {
    return periodic_reviews_on_time + event_reviews_on_time;
  }
  void add(const CaseTaskTimeliness& other);
};

// One unit's sentence-management figures over a period (or the window); they add across units.
struct TaskFigures {
  CaseTaskTimeliness all_cases;
  CaseTaskTimeliness domestic_abuse;  // of those, the tasks of DA cases (their breach: EnforcementRecorder)
  std::int64_t home_visits_due = 0, home_visits_on_time = 0;
  std::int64_t high_rosh_home_visits_due = 0, high_rosh_home_visits_on_time = 0;  // AUD-9: of the above
  std::int64_t court_reports_due = 0, court_reports_on_time = 0;
  std::vector<double> review_days_late;  // reviews completed late in the period, calendar days
  std::int64_t tasks_cancelled = 0;
  // Created in the period and set aside as not needed under revised measures (RAG-13).
  std::int64_t saras_set_aside = 0, home_visits_set_aside = 0;
  WorkSeconds demanded = 0, worked = 0, available = 0;
  WorkSeconds worked_beyond_contract = 0;  // of `worked` (WF-20)
  WorkSeconds backlog = 0;                 // held by practitioners, at the end
  WorkSeconds unassigned_backlog = 0;
  double practitioners = 0;  // in post, case-holding, at the end
  void add(const TaskFigures& other);
};

// How many late completions `office` has recorded so far, by task kind: where the next period's late
// completions start in its lists.
using LateCompletionCounts = std::array<std::size_t, kTaskKindCount>;
[[nodiscard]] LateCompletionCounts late_counts(const PduOffice& office);

// Task figures of `office` for due days [first, last] and completions since `late_from` (indices into
// its late-completion lists), with flows against `before`.
[[nodiscard]] TaskFigures task_figures_of(const PduOffice& office, Day first, Day last,
                                          const TaskCounters& before, const LateCompletionCounts& late_from);

}  // namespace probsim
