#pragma once
// A staffing plan (the scenario's `staffing_plan` block): dated recruitment intakes, and a backfill
// policy that replaces leavers after a recruitment lag, up to the establishment.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/bounded_distribution.hpp"
#include "core/calendar_date.hpp"
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
};

struct BackfillPolicy {
  bool enabled = false;
  PerGrade<bool> grades{};  // which grades' leavers are replaced
  BoundedDistribution recruitment_lag_weeks = BoundedDistribution::fixed_at(0.0);
  // A PO leaver's post is filled by a new PQiP trainee, who qualifies into it after training (G-22,
  // LV-4: the PQiP pipeline is how PO posts are filled while qualified POs are short, WF-3). The
  // recruit starts only while POs and trainees together are below the PO establishment.
  bool po_leavers_replaced_by_trainees = false;
};

struct StaffingPlan {
  std::vector<RecruitmentIntake> intakes;
  BackfillPolicy backfill;
};

}  // namespace probsim
