#pragma once
// A member of a PDU's staff: grade, hours, the workload reductions and sickness that take hours away,
// and (for the grades that hold cases) the WMT points of the cases held. Support roles use the same
// record; `holds_cases(grade)` says whether the allocation rule may give them cases.

#include <cstdint>
#include <string>

#include "core/calendar_date.hpp"
#include "workforce/grade.hpp"

namespace probsim {

// A practitioner's slot in their office's staff list (slots stay valid while the person is in post);
// a case held by nobody has kUnallocated.
using PractitionerIndex = std::int32_t;
inline constexpr PractitionerIndex kUnallocated = -1;

// Identifies a person across scenarios, like CaseId does a case: built from the PDU's stream index and
// the order of joining, so the same person draws the same leaving date and sickness in two scenarios
// that differ elsewhere (common random numbers).
using StaffId = std::uint64_t;

[[nodiscard]] constexpr StaffId make_staff_id(std::uint32_t pdu_stream_index, std::uint32_t ordinal_in_pdu) {
  return (static_cast<std::uint64_t>(pdu_stream_index) << 32) | ordinal_in_pdu;
}

struct Practitioner {
  StaffId id = 0;
  std::string name;  // stable within a run, e.g. "Durham/po-003"
  Grade grade = Grade::po;
  double fte = 1.0;
  double contracted_hours_per_week = 37.0;  // already scaled by FTE
  bool in_post = true;                      // false: the slot is vacant (the person left)

  // WMT-5 reduction in force: the share of contracted hours not available for casework (PQiP, NQO).
  double reduction_share = 0.0;
  // A reduction outside the pipeline (imported from a snapshot) ends on this day; 0: held for the run.
  Day reduction_until = 0;
  // PQiP and NQO staff: the date their training began (qualification and reductions follow from it).
  CalendarDate training_start;
  bool in_trainee_pipeline = false;
  // Bumped whenever the grade changes; pending leaving or progression draws for an older grade lapse.
  std::uint16_t grade_epoch = 0;

  // The current (or last) sickness episode: absent on the working days in [sick_from, sick_until).
  Day sick_from = 0;
  Day sick_until = 0;
  bool long_term_sick = false;  // WMT-5: long-term sickness is a 100% reduction while it lasts
  std::uint32_t sickness_episodes = 0;

  double available_points_per_week = 0.0;
  double case_points_per_week = 0.0;
  // WMT-4's report points: those of the court reports written in the last 30 days (office/report_points.hpp).
  double report_points = 0.0;
  std::int32_t caseload = 0;

  [[nodiscard]] bool is_sick_on(Day day) const { return day >= sick_from && day < sick_until; }
  [[nodiscard]] double daily_contracted_hours() const { return contracted_hours_per_week / 5.0; }
  // Hours this person can give casework on a working day: contracted hours less reductions, or none
  // while sick.
  [[nodiscard]] double available_hours_on_working_day(Day day) const {
    return is_sick_on(day) ? 0.0 : daily_contracted_hours() * (1.0 - reduction_share);
  }
  [[nodiscard]] bool can_take_cases() const {
    return in_post && holds_cases(grade) && available_points_per_week > 0.0;
  }

  // The WMT total: case points plus report points (WMT-4).
  [[nodiscard]] double workload_points() const { return case_points_per_week + report_points; }
  // WMT capacity %: 100 means exactly the points this practitioner's hours allow.
  [[nodiscard]] double workload_pct() const {
    return available_points_per_week > 0.0 ? 100.0 * workload_points() / available_points_per_week : 0.0;
  }
  // The WMT refresh's weighting (WMT-7) that the reported measure above carries and the rules do not: the
  // rules' thresholds (G-1, the overload triage, hours beyond contract) were stated on the measure before
  // the refresh (docs/validation/10-workload.md §10.14). 1 before the refresh, or when the rules read the
  // weighted measure (`workload.responsive_weighting.rules_read_weighted_measure`).
  double weighting_not_in_rules = 1.0;
  // The WMT capacity % the rules compare with their thresholds.
  [[nodiscard]] double rules_workload_pct() const { return workload_pct() / weighting_not_in_rules; }
};

}  // namespace probsim
