#pragma once
// The BBR cohort report (docs/reference/outputs.md): the status on `status_on` of the BBR requirements
// made from `requirements_from` to `requirements_to` (inclusive), as HMIP published it for requirements
// made 21 June 2021 - 30 September 2022 on 9 November 2022 (BBRN-1..7, CT-1..CT-4). Off unless given.
// The same dates serve the structured interventions' cohort (CT-6).

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "core/simulation_window.hpp"

namespace probsim {

struct BbrCohortReport {
  bool enabled = false;
  CalendarDate requirements_from;
  CalendarDate requirements_to;
  CalendarDate status_on;  // within the report window, not before requirements_to

  // The dates in order (keys of the report's block): the status day must be in the report `window`,
  // where the run observes, and not before the last requirement day, or the cohort would still be
  // growing.
  [[nodiscard]] RuleProblems check(const SimulationWindow& window) const {
    RuleProblems problems;
    if (requirements_to < requirements_from)
      problems.push_back({"requirements_to", "must be on or after requirements_from (" +
                                                 requirements_from.iso() + "), found " +
                                                 requirements_to.iso()});
    if (status_on < requirements_to)
      problems.push_back({"status_on", "must be on or after requirements_to (" + requirements_to.iso() +
                                           "), found " + status_on.iso()});
    else if (status_on < window.report_start || window.report_end < status_on)
      problems.push_back({"status_on", "must be within the report window (" + window.report_start.iso() +
                                           " to " + window.report_end.iso() + "), found " + status_on.iso()});
    return problems;
  }
};

}  // namespace probsim
