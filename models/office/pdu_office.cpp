#include "office/pdu_office.hpp"

#include <utility>

namespace probsim {

PduOffice::PduOffice(std::uint32_t pdu_index, std::string name, const CaseloadRules& rules,
                     ReferralProcess referrals, std::uint64_t replication_seed,
                     std::vector<Practitioner> practitioners)
    : pdu_index_(pdu_index),
      name_(std::move(name)),
      rules_(rules),
      referrals_(referrals),
      factory_(rules.case_mix, rules.early_termination, replication_seed),
      practitioners_(std::move(practitioners)) {}

std::uint32_t PduOffice::open_case(const Case& c) {
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = Slot{c, true};
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{c, true});
  }
  ++open_cases_;
  endings_.push(Ending{c.end_day, c.id, slot});
  return slot;
}

void PduOffice::close_case(std::uint32_t slot, Day day) {
  Slot& s = slots_[slot];
  if (s.c.practitioner != kUnallocated) {
    Practitioner& p = practitioners_[static_cast<std::size_t>(s.c.practitioner)];
    p.case_points_per_week -= rules_.workload.case_points(s.c);
    p.caseload -= 1;
    if (p.caseload == 0) p.case_points_per_week = 0.0;  // no floating-point residue on an empty caseload
  } else {
    std::erase(waiting_for_allocation_, slot);
  }
  counters_.terminations_by_reason[static_cast<std::size_t>(s.c.end_reason)] += 1;
  if (events_) events_->record(day, CaseEvent::terminated, s.c, name_, {});
  s.open = false;
  free_slots_.push_back(slot);
  --open_cases_;
}

bool PduOffice::try_allocate(std::uint32_t slot, Day day) {
  Case& c = slots_[slot].c;
  const PractitionerIndex chosen = rules_.allocation.choose(c, practitioners_);
  if (chosen == kUnallocated) return false;
  Practitioner& p = practitioners_[static_cast<std::size_t>(chosen)];
  if (!rules_.allocation.allows(c.rosh, p.grade)) counters_.allocations_outside_grade_rule += 1;
  if (c.practitioner != kUnallocated) c.practitioner_changes += 1;
  c.practitioner = chosen;
  p.case_points_per_week += rules_.workload.case_points(c);
  p.caseload += 1;
  counters_.allocations += 1;
  if (events_) events_->record(day, CaseEvent::allocated, c, name_, p.name);
  return true;
}

void PduOffice::place_warm_start_caseload(Day first_day, Day lookback_days) {
  for (Day day = first_day - lookback_days; day < first_day; ++day) {
    const std::uint32_t count = referrals_.count_on(day);
    for (std::uint32_t k = 0; k < count; ++k) {
      Case c;
      if (!factory_.make_if_alive_on(make_case_id(pdu_index_, day, k), day, first_day, c)) continue;
      const std::uint32_t slot = open_case(c);
      counters_.initial_cases += 1;
      if (events_) events_->record(first_day, CaseEvent::initial, c, name_, {});
      if (!try_allocate(slot, first_day)) waiting_for_allocation_.push_back(slot);
    }
  }
}

void PduOffice::run_day(Day day) {
  while (!endings_.empty() && endings_.top().day <= day) {
    const Ending ending = endings_.top();
    endings_.pop();
    close_case(ending.slot, day);
  }

  if (retry_waiting_cases_ && !waiting_for_allocation_.empty()) {
    std::vector<std::uint32_t> still_waiting;
    for (std::uint32_t slot : waiting_for_allocation_)
      if (!try_allocate(slot, day)) still_waiting.push_back(slot);
    waiting_for_allocation_ = std::move(still_waiting);
  }
  retry_waiting_cases_ = false;

  const std::uint32_t count = referrals_.count_on(day);
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::uint32_t slot = open_case(factory_.make(make_case_id(pdu_index_, day, k), day));
    counters_.referrals += 1;
    if (events_) events_->record(day, CaseEvent::referral, slots_[slot].c, name_, {});
    if (!try_allocate(slot, day)) waiting_for_allocation_.push_back(slot);
  }

  counters_.caseload_days += static_cast<std::int64_t>(open_cases_);
}

}  // namespace probsim
