// PduOffice: placing a caseload imported from a snapshot. Kept apart from pdu_office.cpp because it is
// the one place a case's practitioner comes from data rather than from the allocation rule.
#include "office/pdu_office.hpp"

namespace probsim {

std::vector<std::uint32_t> PduOffice::place_imported_caseload(std::span<const ImportedCase> cases,
                                                              Day first_day) {
  std::vector<std::uint32_t> slots;
  slots.reserve(cases.size());
  for (const ImportedCase& imported : cases) {
    const std::uint32_t slot = open_case(imported.c, true);
    slots.push_back(slot);
    counters_.initial_cases += 1;
    // No case_started notice: an interventions team would draw the person's BBR requirement afresh,
    // which an import must not do; the snapshot's own BBR records are handed to the teams instead
    // (service/snapshot_warm_start.cpp).
    notices_.record(first_day, CaseEvent::initial, imported.c, name(), {});
    if (imported.practitioner != kUnallocated) {
      allocate_imported(slot, imported.practitioner, first_day, imported.next_review_due);
      continue;
    }
    if (imported.next_review_due) imported_review_due_[imported.c.id] = *imported.next_review_due;
    if (!try_allocate(slot, first_day)) waiting_for_allocation_.push_back(slot);
  }
  return slots;
}

// try_allocate with the holder given: the same bookkeeping, so the invariants in pdu_office.hpp hold.
void PduOffice::allocate_imported(std::uint32_t slot, PractitionerIndex who, Day day,
                                  std::optional<Day> next_review_due) {
  Case& c = slots_[slot].c;
  Practitioner& p = staff_[static_cast<std::size_t>(who)];
  if (!rules_.allocation.allows(c.rosh, p.grade)) counters_.allocations_outside_grade_rule += 1;
  c.allocated_before = true;
  c.practitioner = who;
  // Supervision began on the sentence start, before the simulation (as for a steady-state warm start).
  casework_.case_allocated(slot, c, c.referral_day, true, day, p.grade, next_review_due);
  p.case_points_per_week += rules_.workload.case_points(c);
  p.caseload += 1;
  counters_.allocations += 1;
  notices_.record(day, CaseEvent::allocated, c, name(), p.name);
}

std::optional<Day> PduOffice::next_periodic_review_due(std::uint32_t slot) const {
  const Case& c = slots_[slot].c;
  if (auto due = casework_.next_periodic_review_due(slot, c.id)) return due;
  if (auto found = imported_review_due_.find(c.id); found != imported_review_due_.end()) return found->second;
  return std::nullopt;
}

}  // namespace probsim
