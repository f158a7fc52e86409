#pragma once
// The scenario's sentence-management settings: which tasks a case creates, their hours and due rules,
// the contact schedule, court reports, and the order practitioners work in. Read from the scenario's
// `sentence_management` block (docs/reference/scenario-keys.md); absent, no tasks are simulated.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "caseload/priority_rule.hpp"
#include "core/rule_problems.hpp"
#include "sentence_management/enforcement_rules.hpp"
#include "sentence_management/hours_beyond_contract.hpp"
#include "sentence_management/judgement_under_revised_measures.hpp"
#include "sentence_management/overload_triage.hpp"
#include "sentence_management/task.hpp"
#include "workforce/grade.hpp"

namespace probsim {

// One step of a contact schedule: from the end of the previous step (week 0 for the first) to
// `until_week` weeks after the start of supervision, one contact every `interval_weeks`.
// The last step runs to the end of the sentence (until_week = infinity).
struct ContactScheduleStep {
  double until_week = 0.0;
  double interval_weeks = 1.0;
};

struct OneOffTaskRule {
  double hours = 0.0;
  int due_working_days = 0;
};

struct SentenceManagementRules {
  bool enabled = false;
  // Share of a practitioner's available hours spent on work that is not a task here (team meetings,
  // supervision, training, partnership work, travel not in a task). [Assume]
  double non_task_time_share = 0.0;
  // How a practitioner orders the tasks they hold (caseload/priority_rule.hpp): the criteria apply in
  // the order given; remaining ties go to the earliest due day, then the case id, then the kind.
  std::vector<PriorityCriterion> priority_order{
      PriorityCriterion::mandated_first, PriorityCriterion::high_rosh_first, PriorityCriterion::earliest_due};
  std::array<bool, kTaskKindCount> mandated{};  // by TaskKind
  // Which mandated work an overloaded practitioner lets slip (AUD-n, TS-1, AR-16); off by default.
  OverloadTriage overload_triage;
  // Which mandated tasks staff judge not needed under revised measures and set aside (RAG-13); off by
  // default.
  JudgementUnderRevisedMeasures judgement_under_revised_measures;
  // WF-20: an overloaded practitioner works beyond contracted hours; off by default.
  HoursBeyondContract hours_beyond_contract;

  OneOffTaskRule initial_assessment;  // every case, from the start of supervision
  OneOffTaskRule sara;                // domestic-abuse cases, from the start of supervision
  double sara_review_hours = 0.0;     // added to every review of a domestic-abuse case (TS-2)
  struct HomeVisit {
    double hours = 0.0;
    int due_working_days_high_rosh = 15;  // high and very high RoSH (TS-1)
    double due_weeks_other = 6.0;         // calendar weeks, other RoSH levels (TS-1)
    // "Within 10 days when concerns escalate" (TS-1, G-7): a visit due this many working days after each
    // event of the case (every event of a DA case read as escalating, [Assume]); 0: none.
    int after_event_due_working_days = 0;
  } home_visit;  // domestic-abuse cases
  // 3a.12, G-6: a risk management plan within N working days of the start of supervision (a licence's
  // supervision starts on release) for the RoSH levels listed; mandatory in 2004. Off (0 hours) unless
  // the scenario has `sentence_management.risk_management_plan`.
  struct RiskManagementPlan {
    double hours = 0.0;
    int due_working_days = 5;
    std::array<bool, kRoshLevelNames.size()> for_rosh{};  // by RoshLevel
    [[nodiscard]] bool enabled() const { return hours > 0.0; }
    [[nodiscard]] bool applies_to(RoshLevel rosh) const {
      return enabled() && for_rosh[static_cast<std::size_t>(rosh)];
    }
  } risk_management_plan;

  struct Contacts {
    double hours_face_to_face = 1.0;
    double hours_remote = 0.5;
    double face_to_face_share = 1.0;
    std::array<std::vector<ContactScheduleStep>, 4> schedule_by_rosh;  // by RoshLevel

    // Each RoSH level's steps in increasing order of until_week (keys of `sentence_management.contacts`).
    [[nodiscard]] RuleProblems check() const {
      RuleProblems problems;
      for (std::size_t r = 0; r < schedule_by_rosh.size(); ++r)
        for (std::size_t i = 1; i < schedule_by_rosh[r].size(); ++i)
          if (schedule_by_rosh[r][i].until_week <= schedule_by_rosh[r][i - 1].until_week)
            problems.push_back({"schedule_by_rosh." + std::string(kRoshLevelNames[r]) + "[" +
                                    std::to_string(i) + "].until_week",
                                "steps must be in increasing order of until_week"});
      return problems;
    }
  } contacts;

  struct PeriodicReview {
    double interval_weeks = 16.0;
    double hours = 0.0;
    int due_working_days = 0;
  } periodic_review;

  struct EventReview {
    double hazard_per_year = 0.0;  // significant changes per case-year
    double hours = 0.0;
    int due_working_days = 10;
  } event_review;

  OneOffTaskRule termination;

  struct CourtReports {
    double per_week_per_100_cases = 0.0;  // Poisson rate, scaled by the PDU's caseload
    double hours = 0.0;
    int due_working_days = 15;
    PerGrade<bool> grades{};  // who may write them
  } court_reports;

  // Appointments, absences and breach (issue 24); off unless the scenario has an `enforcement` block.
  EnforcementRules enforcement;

  // The contact interval (days) in force `days_since_start` days after supervision began.
  [[nodiscard]] Day contact_interval_days(RoshLevel rosh, Day days_since_start) const {
    const auto& steps = contacts.schedule_by_rosh[static_cast<std::size_t>(rosh)];
    const double week = static_cast<double>(days_since_start) / 7.0;
    for (const ContactScheduleStep& step : steps)
      if (week < step.until_week) return interval_days(step.interval_weeks);
    return steps.empty() ? 0 : interval_days(steps.back().interval_weeks);
  }
  [[nodiscard]] static Day interval_days(double weeks) {
    const auto days = static_cast<Day>(weeks * 7.0 + 0.5);
    return days < 1 ? 1 : days;
  }
};

}  // namespace probsim
