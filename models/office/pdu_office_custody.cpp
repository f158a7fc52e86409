// Licence cases held before release at WMT-1's custody points (caseload/pre_release_custody.hpp): the
// PduOffice side, which puts a hold's points on its holder and takes them off again.
#include "office/pdu_office.hpp"

namespace probsim {

namespace {

void add_hold(Practitioner& p, double points) {
  p.case_points_per_week += points;
  p.caseload += 1;
}

void drop_hold(Practitioner& p, double points) {
  p.case_points_per_week -= points;
  p.caseload -= 1;
  if (p.caseload == 0) p.case_points_per_week = 0.0;  // no floating-point residue on an empty caseload
}

}  // namespace

void PduOffice::hold_cases_released_on(Day release_day) {
  // The same people, with the same attributes, as run_day will refer that day (the draws are keyed on
  // the case id, so making the case early changes no draw).
  const std::uint32_t count = referrals_.count_on(release_day);
  for (std::uint32_t k = 0; k < count; ++k) {
    const Case c = factory_.make(make_case_id(index(), release_day, k),
                                 make_case_id(stream_index(), release_day, k), release_day);
    if (c.sentence_type != SentenceType::licence) continue;
    const PractitionerIndex holder = rules_.allocation.choose(c, staff_, teams_, factory_.replication_seed());
    if (holder == kUnallocated) continue;  // nobody may hold it: it is allocated on release, as before
    const double points = rules_.workload.custody_points(c);
    add_hold(staff_[static_cast<std::size_t>(holder)], points);
    custody_.add(CustodyHold{c, holder, points});
  }
}

PractitionerIndex PduOffice::end_custody_hold(const Case& c) {
  const auto hold = custody_.release(c.id);
  if (!hold) return kUnallocated;
  drop_hold(staff_[static_cast<std::size_t>(hold->holder)], hold->points_per_week);
  return hold->holder;
}

void PduOffice::rehold_custody_of(PractitionerIndex who) {
  for (CustodyHold hold : custody_.take_holds_of(who)) {
    drop_hold(staff_[static_cast<std::size_t>(who)], hold.points_per_week);
    hold.holder = rules_.allocation.choose(hold.c, staff_, teams_, factory_.replication_seed());
    if (hold.holder == kUnallocated) continue;
    add_hold(staff_[static_cast<std::size_t>(hold.holder)], hold.points_per_week);
    custody_.add(hold);
  }
}

}  // namespace probsim
