#pragma once
// The PQiP pipeline (WMT-5, G-22): a trainee's workload reduction steps down with months in
// training (80% for months 0-6, 60% for 6-12, 40% for 12-18 by default), the trainee qualifies as a
// probation officer after `training_months`, and then carries the newly-qualified-officer reduction
// (20% for 9 months) before full caseload. Months are calendar months from the training start date,
// so every date in the pipeline is exact.

#include <vector>

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "workforce/grade.hpp"

namespace probsim {

struct TraineeReductionStep {
  int from_month = 0;            // months since training began
  double reduction_share = 0.0;  // share of contracted hours not available for casework
};

// Where a person who began training on some date stands on a given date.
struct TraineeStage {
  Grade grade = Grade::pqip;  // pqip before qualification, po after
  double reduction_share = 0.0;
  bool in_pipeline = true;  // false once the NQO reduction has ended: an ordinary PO
};

struct TraineePipeline {
  int training_months = 18;
  std::vector<TraineeReductionStep> reduction_steps = {{0, 0.8}, {6, 0.6}, {12, 0.4}};  // by from_month
  double nqo_reduction_share = 0.2;
  int nqo_months = 9;

  [[nodiscard]] CalendarDate qualification_date(const CalendarDate& training_start) const {
    return training_start.plus_months(training_months);
  }
  [[nodiscard]] CalendarDate nqo_end_date(const CalendarDate& training_start) const {
    return training_start.plus_months(training_months + nqo_months);
  }

  [[nodiscard]] TraineeStage stage_on(const CalendarDate& training_start, const CalendarDate& today) const;

  // Every date after `training_start` on which the stage changes, in order.
  [[nodiscard]] std::vector<CalendarDate> change_dates(const CalendarDate& training_start) const;

  // The reduction steps (keys of `trainee_pipeline`, one problem a step at most): the first from month
  // 0, each after the one before, and all before qualification, so every month of training has one
  // reduction and no step is cut off by qualifying.
  [[nodiscard]] RuleProblems check() const;
};

}  // namespace probsim
