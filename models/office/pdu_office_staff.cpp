// Staff changes, made by the region's workforce model before the day's work (workforce/staff_roster.hpp):
// the PduOffice side, which names joiners, fills vacant slots, moves a leaver's or a long-term-sick
// holder's cases to colleagues, and keeps each practitioner's available WMT points up to date. Apart from
// the day's own work (pdu_office.cpp) because these calls come from another actor, on its own turn.
#include <algorithm>
#include <cstdio>
#include <utility>

#include "office/pdu_office.hpp"

namespace probsim {

void PduOffice::give_identity(Practitioner& person) {
  person.id = make_staff_id(identity_.stream_index, next_staff_ordinal_++);
  char suffix[48];
  std::snprintf(suffix, sizeof suffix, "/%s-%03d", std::string(to_string(person.grade)).c_str(),
                ++at(named_by_grade_, person.grade));
  person.name = identity_.name + suffix;
}

PractitionerIndex PduOffice::hire(Practitioner person) {
  give_identity(person);
  person.in_post = true;
  person.case_points_per_week = 0.0;
  person.caseload = 0;
  at(staff_counters_.joined, person.grade).add(person.fte);
  auto vacant = std::find_if(staff_.begin(), staff_.end(), [](const Practitioner& p) { return !p.in_post; });
  PractitionerIndex who;
  if (vacant != staff_.end()) {
    *vacant = std::move(person);
    who = static_cast<PractitionerIndex>(vacant - staff_.begin());
  } else {
    staff_.push_back(std::move(person));
    who = static_cast<PractitionerIndex>(staff_.size() - 1);
  }
  refresh_capacity(who);
  return who;
}

void PduOffice::remove(PractitionerIndex who, Day day) {
  Practitioner& leaver = staff_member(who);
  at(staff_counters_.left, leaver.grade).add(leaver.fte);
  leaver.in_post = false;
  leaver.available_points_per_week = 0.0;
  reallocate_cases_of(who, day);
  casework_.practitioner_left(who, staff_, day);
  if (report_points_.enabled()) report_points_.forget(staff_, who);
  note_staffing_changed();
}

void PduOffice::reallocate_cases_of(PractitionerIndex who, Day day) {
  // In case-id order, so reallocation never depends on slot reuse.
  std::vector<std::uint32_t> orphaned;
  for (std::uint32_t slot = 0; slot < slots_.size(); ++slot)
    if (slots_[slot].open && slots_[slot].c.practitioner == who) orphaned.push_back(slot);
  std::sort(orphaned.begin(), orphaned.end(),
            [&](std::uint32_t a, std::uint32_t b) { return slots_[a].c.id < slots_[b].c.id; });
  Practitioner& holder = staff_member(who);
  for (std::uint32_t slot : orphaned) {
    holder.case_points_per_week -= rules_.workload.case_points(slots_[slot].c);
    holder.caseload -= 1;
    slots_[slot].c.practitioner = kUnallocated;
    casework_.case_unallocated(slot);  // its open tasks go with it, to the next holder or to wait
    counters_.reallocations += 1;
    if (!try_allocate(slot, day)) waiting_for_allocation_.push_back(slot);
  }
  if (custody_.enabled()) rehold_custody_of(who);
  holder.case_points_per_week = 0.0;  // no floating-point residue on an empty caseload
  note_staffing_changed();
}

void PduOffice::change_grade(PractitionerIndex who, Grade grade) {
  Practitioner& person = staff_member(who);
  if (person.grade == grade) return;
  at(staff_counters_.moved_out, person.grade).add(person.fte);
  at(staff_counters_.moved_in, grade).add(person.fte);
  person.grade = grade;
  person.grade_epoch += 1;
  note_staffing_changed();
}

void PduOffice::start_responsive_weighting() {
  responsive_weighting_on_ = true;
  for (std::size_t i = 0; i < staff_.size(); ++i) refresh_capacity(static_cast<PractitionerIndex>(i));
}

void PduOffice::refresh_capacity(PractitionerIndex who) {
  Practitioner& person = staff_member(who);
  person.available_points_per_week =
      person.in_post && !person.long_term_sick
          ? rules_.workload.available_points(person.contracted_hours_per_week, person.reduction_share,
                                             responsive_weighting_on_)
          : 0.0;
  const auto& weighting = rules_.workload.responsive_weighting;
  person.weighting_not_in_rules =
      responsive_weighting_on_ && !weighting.rules_read_weighted ? weighting.factor : 1.0;
  note_staffing_changed();
}

}  // namespace probsim
