#pragma once
// Small hand-built rules for unit tests, so each test states the numbers it depends on.

#include "caseload/case.hpp"
#include "office/caseload_rules.hpp"
#include "sentence_management/task.hpp"
#include "workforce/practitioner.hpp"

namespace probsim::fixtures {

// Community orders only, of a fixed length, no early termination, every case medium RoSH tier C2;
// POs and PSOs may hold any case except high/very high (POs only). 63 WMT points per case per week.
inline CaseloadRules fixed_length_rules(double months = 12.0) {
  CaseloadRules rules;
  CaseMix& mix = rules.case_mix;
  mix.sentence_type = WeightedChoice({1.0, 0.0, 0.0});
  for (auto& length : mix.sentence_length_months) length = BoundedDistribution::fixed_at(months);
  mix.rosh = WeightedChoice({0.0, 1.0, 0.0, 0.0});
  for (auto& protect : mix.tier_protect_level_by_rosh) protect = WeightedChoice({0.0, 0.0, 1.0, 0.0});
  mix.tier_change_level = WeightedChoice({0.0, 1.0, 0.0, 0.0});  // digit 2
  mix.domestic_abuse_share = 0.3;
  mix.male_share = 0.9;
  rules.allocation.eligible_grades_by_rosh = {std::vector<Grade>{Grade::po, Grade::pso},
                                              std::vector<Grade>{Grade::po, Grade::pso},
                                              std::vector<Grade>{Grade::po}, std::vector<Grade>{Grade::po}};
  for (auto& row : rules.workload.points_per_case_week) row.fill(63.0);
  return rules;
}

inline Practitioner practitioner(Grade grade, const WorkloadPointsTable& table, double fte = 1.0) {
  Practitioner p;
  p.name = std::string(to_string(grade));
  p.grade = grade;
  p.fte = fte;
  p.contracted_hours_per_week = table.default_contracted_hours_per_week * fte;
  p.available_points_per_week = table.available_points(p.contracted_hours_per_week);
  return p;
}

// One full-time practitioner of `grade` on WMT-6's 37 hours (7.4 a working day) and 2,176 points a week,
// with no cases: the practitioner of the casework tests that need one person's hours and nothing else.
inline Practitioner full_time(Grade grade) {
  Practitioner p;
  p.grade = grade;
  p.contracted_hours_per_week = 37.0;
  p.available_points_per_week = 2176.0;
  return p;
}
inline Practitioner full_time_po() {
  return full_time(Grade::po);
}

// Case `id` of `rosh`, flagged domestic abuse or not, held by practitioner 0: what the casework tests
// allocate.
inline Case held_case(CaseId id, RoshLevel rosh, bool domestic_abuse) {
  Case c;
  c.id = id;
  c.rosh = rosh;
  c.domestic_abuse_flag = domestic_abuse;
  c.practitioner = 0;
  return c;
}

// A task of `kind` for case 1, of `hours`, due on `due_day`.
inline Task one_task(TaskKind kind, double hours, Day due_day) {
  Task t;
  t.kind = kind;
  t.case_id = 1;
  t.seconds = seconds_of_hours(hours);
  t.due_day = due_day;
  return t;
}

}  // namespace probsim::fixtures
