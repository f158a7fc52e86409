#pragma once
// How a person starts in post, whether in post when the simulation begins or recruited later: hours
// from FTE, and for trainees (and newly qualified officers) their place in the PQiP pipeline.

#include <optional>

#include "workforce/practitioner.hpp"
#include "workforce/trainee_pipeline.hpp"

namespace probsim {

struct NewStaffMember {
  Grade grade = Grade::po;
  double fte = 1.0;
  // PQiP: months of training already done; 0 for a trainee starting now.
  int training_months_completed = 0;
  // PO only: months since qualifying, for a newly qualified officer still on the NQO reduction.
  std::optional<int> nqo_months_completed;
};

// The person on `today`: contracted hours = default hours × FTE; a PQiP's training start is
// `training_months_completed` calendar months before today, an NQO's a whole training period plus
// `nqo_months_completed` before; their reduction is the pipeline's stage on `today`. The office gives
// the id and name when the person is hired.
[[nodiscard]] inline Practitioner make_staff_member(const NewStaffMember& spec, double default_hours_per_week,
                                                    const TraineePipeline& pipeline,
                                                    const CalendarDate& today) {
  Practitioner person;
  person.grade = spec.grade;
  person.fte = spec.fte;
  person.contracted_hours_per_week = default_hours_per_week * spec.fte;
  if (spec.grade == Grade::pqip || spec.nqo_months_completed) {
    const int months_ago = spec.grade == Grade::pqip ? spec.training_months_completed
                                                     : pipeline.training_months + *spec.nqo_months_completed;
    person.training_start = today.plus_months(-months_ago);
    const TraineeStage stage = pipeline.stage_on(person.training_start, today);
    person.grade = stage.grade;
    person.reduction_share = stage.reduction_share;
    person.in_trainee_pipeline = stage.in_pipeline;
  }
  return person;
}

}  // namespace probsim
