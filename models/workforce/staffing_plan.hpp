#pragma once
// A staffing plan (the scenario's `staffing_plan` block): dated recruitment intakes, and a backfill
// policy that replaces leavers after a recruitment lag, up to the establishment.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/bounded_distribution.hpp"
#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "core/simulation_window.hpp"
#include "workforce/grade.hpp"

namespace probsim {

// `count` people of one grade join on `date`, either in one PDU or spread over a region's PDUs (each
// to the PDU with the largest vacancy in that grade at the time, ties to the first listed).
struct RecruitmentIntake {
  CalendarDate date;
  std::optional<std::size_t> pdu;     // index in scenario order (over all regions)
  std::optional<std::size_t> region;  // index in scenario order
  Grade grade = Grade::po;
  int count = 0;
  double fte_each = 1.0;
  int training_months_completed = 0;  // PQiP intakes only: trainees transferring in part-way

  // The date not before report_start (keys of the intake): staff are described as they stand on that day,
  // and recruitment, like leaving and training, begins on the first report day (docs/model.md). A date
  // after the report window is valid (a base file's plan may run past the end of a run that extends it:
  // england_wales_2022.yaml's published intakes of 2023); a run does not reach it, and
  // sim/runner/run_warnings.cpp warns where that looks unintended.
  [[nodiscard]] RuleProblems check(const SimulationWindow& window) const {
    if (!(date < window.report_start)) return {};
    return {{"date",
             "must not be before simulation.report_start (" + window.report_start.iso() +
                 "): staff are described as they stand on that day and recruitment begins then. "
                 "Move simulation.report_start back, or describe these staff under their PDUs and remove the "
                 "intakes dated before it (--set 'staffing_plan.intakes=[]' drops the whole plan)"}};
  }
};

struct BackfillPolicy {
  bool enabled = false;
  PerGrade<bool> grades{};  // which grades' leavers are replaced
  BoundedDistribution recruitment_lag_weeks = BoundedDistribution::fixed_at(0.0);
  // A PO leaver's post is filled by a new PQiP trainee, who qualifies into it after training (G-22,
  // LV-4: the PQiP pipeline is how PO posts are filled while qualified POs are short, WF-3). The
  // recruit starts only while POs and trainees together are below the PO establishment.
  bool po_leavers_replaced_by_trainees = false;

  // Trainees replace PO leavers only where PO leavers are replaced at all (keys of `backfill`).
  [[nodiscard]] RuleProblems check() const {
    if (!po_leavers_replaced_by_trainees || at(grades, Grade::po)) return {};
    return {{"po_leavers_replaced_by_trainees",
             "po_leavers_replaced_by_trainees needs po among backfill.grades (PO leavers are not replaced)"}};
  }
};

struct StaffingPlan {
  std::vector<RecruitmentIntake> intakes;
  BackfillPolicy backfill;

  // The backfill and each intake (keys of `staffing_plan`), intakes against the report `window`.
  [[nodiscard]] RuleProblems check(const SimulationWindow& window) const {
    RuleProblems problems;
    add_problems(problems, "backfill", backfill.check());
    for (std::size_t i = 0; i < intakes.size(); ++i)
      add_problems(problems, "intakes[" + std::to_string(i) + "]", intakes[i].check(window));
    return problems;
  }
};

}  // namespace probsim
