#include "office/pdu_office.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace probsim {

PduOffice::PduOffice(PduIdentity identity, const CaseloadRules& rules, ReferralProcess referrals,
                     std::uint64_t replication_seed, std::vector<Practitioner> initial_staff,
                     WorkingCalendar calendar, Day last_day)
    : identity_(std::move(identity)),
      rules_(rules),
      referrals_(referrals),
      factory_(identity_.case_mix != nullptr ? *identity_.case_mix : rules.case_mix, rules.early_termination,
               replication_seed),
      calendar_(calendar),
      staff_(std::move(initial_staff)),
      rag_measures_(business_as_usual_measures(rules.sentence_management)),
      casework_(rules.sentence_management, calendar_, replication_seed, identity_.stream_index, last_day),
      report_points_(rules.workload.court_report_points, rules.workload.report_points_counted_days) {
  custody_ = PreReleaseCustody(static_cast<Day>(rules.allocation.licence_allocated_before_release_weeks) * 7);
  casework_.set_prioritisation(&rules.prioritisation, &rag_measures_.contacts);
  // An enforcement warm start: the stock of day 0 survived the breach-driven endings too.
  const EnforcementRules& enforcement = rules.sentence_management.enforcement;
  if (enforcement.enabled && enforcement.warm_start.enabled)
    factory_.set_stock_breach_endings_per_year(enforcement.warm_start.breach_endings_per_year);
  std::size_t case_holders = 0;
  for (const Practitioner& person : staff_)
    case_holders += person.in_post && holds_cases(person.grade) ? 1 : 0;
  teams_ = CaseManagementTeams::of_size(case_holders, rules.allocation.team_size);
  for (Practitioner& person : staff_) {
    give_identity(person);
    refresh_capacity(static_cast<PractitionerIndex>(&person - staff_.data()));
  }
}

std::uint32_t PduOffice::open_case(const Case& c, bool initial) {
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
    slots_[slot] = Slot{c, true, initial};
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.push_back(Slot{c, true, initial});
  }
  ++open_cases_;
  endings_.push(Ending{c.end_day, c.id, slot});
  return slot;
}

bool PduOffice::end_order_early(std::uint32_t slot, CaseId id, Day day, TerminationReason reason) {
  if (slot >= slots_.size() || !slots_[slot].open || slots_[slot].c.id != id) return false;
  Case& c = slots_[slot].c;
  if (c.end_day <= day) return false;
  c.end_day = day;
  c.end_reason = reason;
  endings_.push(Ending{day, id, slot});
  return true;
}

void PduOffice::close_case(std::uint32_t slot, Day day) {
  Slot& s = slots_[slot];
  if (s.c.practitioner != kUnallocated) {
    Practitioner& p = staff_[static_cast<std::size_t>(s.c.practitioner)];
    p.case_points_per_week -= rules_.workload.case_points(s.c);
    p.caseload -= 1;
    if (p.caseload == 0) p.case_points_per_week = 0.0;  // no floating-point residue on an empty caseload
  } else {
    std::erase(waiting_for_allocation_, slot);
    if (!imported_review_due_.empty()) imported_review_due_.erase(s.c.id);
  }
  casework_.case_closed(slot, s.c, day);
  notices_.case_ended(s.c, day);
  counters_.terminations_by_reason[static_cast<std::size_t>(s.c.end_reason)] += 1;
  counters_.terminated_case_practitioner_changes += s.c.practitioner_changes;
  notices_.record(day, CaseEvent::terminated, s.c, name(), {});
  s.open = false;
  free_slots_.push_back(slot);
  --open_cases_;
}

bool PduOffice::try_allocate(std::uint32_t slot, Day day, PractitionerIndex preferred) {
  Case& c = slots_[slot].c;
  const bool keep_holder =
      preferred != kUnallocated && staff_[static_cast<std::size_t>(preferred)].can_take_cases() &&
      rules_.allocation.allows(c.rosh, staff_[static_cast<std::size_t>(preferred)].grade);
  const PractitionerIndex chosen =
      keep_holder ? preferred : rules_.allocation.choose(c, staff_, teams_, factory_.replication_seed());
  if (chosen == kUnallocated) return false;
  Practitioner& p = staff_[static_cast<std::size_t>(chosen)];
  if (!rules_.allocation.allows(c.rosh, p.grade)) counters_.allocations_outside_grade_rule += 1;
  const bool first_allocation = !c.allocated_before;
  if (c.allocated_before) c.practitioner_changes += 1;
  c.allocated_before = true;
  c.practitioner = chosen;
  // Supervision (and the initial assessment's clock) starts at allocation; a warm-start case began on
  // its referral day, before the simulation.
  std::optional<Day> review_due;
  if (first_allocation && !imported_review_due_.empty()) {
    if (auto found = imported_review_due_.find(c.id); found != imported_review_due_.end()) {
      review_due = found->second;
      imported_review_due_.erase(found);
    }
  }
  casework_.case_allocated(slot, c, slots_[slot].initial ? c.referral_day : day, first_allocation, day,
                           p.grade, review_due);
  p.case_points_per_week += rules_.workload.case_points(c);
  p.caseload += 1;
  counters_.allocations += 1;
  notices_.record(day, CaseEvent::allocated, c, name(), p.name);
  return true;
}

void PduOffice::place_warm_start_caseload(Day first_day, Day lookback_days) {
  for (Day day = first_day - lookback_days; day < first_day; ++day) {
    const std::uint32_t count = referrals_.count_on(day);
    for (std::uint32_t k = 0; k < count; ++k) {
      Case c;
      if (!factory_.make_if_alive_on(make_case_id(index(), day, k), make_case_id(stream_index(), day, k), day,
                                     first_day, c))
        continue;
      const std::uint32_t slot = open_case(c, true);
      counters_.initial_cases += 1;
      notices_.case_started(slot, c, make_case_id(stream_index(), day, k), first_day, true);
      notices_.record(first_day, CaseEvent::initial, c, name(), {});
      if (!try_allocate(slot, first_day)) waiting_for_allocation_.push_back(slot);
    }
  }
  // Licence cases released in the first lead days are already held (run_day holds the later ones).
  for (Day day = first_day; custody_.enabled() && day < first_day + custody_.lead_days(); ++day)
    hold_cases_released_on(day);
}

void PduOffice::run_day(Day day) {
  // Reports written 30 days ago stop counting before today's allocations read anyone's WMT %.
  if (report_points_.enabled()) report_points_.expire(staff_, day);
  while (!endings_.empty() && endings_.top().day <= day) {
    const Ending ending = endings_.top();
    endings_.pop();
    const Slot& s = slots_[ending.slot];
    // An order ended early leaves its planned ending behind: skip it, whoever holds the slot now.
    if (!s.open || s.c.id != ending.id || s.c.end_day != ending.day) continue;
    close_case(ending.slot, day);
  }

  if (retry_waiting_cases_ && !waiting_for_allocation_.empty()) {
    std::vector<std::uint32_t> still_waiting;
    for (std::uint32_t slot : waiting_for_allocation_)
      if (!try_allocate(slot, day)) still_waiting.push_back(slot);
    waiting_for_allocation_ = std::move(still_waiting);
  }
  retry_waiting_cases_ = false;

  if (custody_.enabled()) hold_cases_released_on(day + custody_.lead_days());
  const std::uint32_t count = referrals_.count_on(day);
  for (std::uint32_t k = 0; k < count; ++k) {
    const CaseId draw_key = make_case_id(stream_index(), day, k);
    const std::uint32_t slot = open_case(factory_.make(make_case_id(index(), day, k), draw_key, day));
    counters_.referrals += 1;
    notices_.case_started(slot, slots_[slot].c, draw_key, day, false);
    notices_.record(day, CaseEvent::referral, slots_[slot].c, name(), {});
    const PractitionerIndex held_by = custody_.enabled() ? end_custody_hold(slots_[slot].c) : kUnallocated;
    if (!try_allocate(slot, day, held_by)) waiting_for_allocation_.push_back(slot);
  }

  counters_.caseload_days += static_cast<std::int64_t>(open_cases_);
  counters_.rag_days[static_cast<std::size_t>(rag_status_)] += 1;
  counters_.facilitator_hours_redeployed +=
      casework_.run_day(day, staff_, static_cast<std::int64_t>(open_cases_));
  if (!case_tasks_done_.empty()) record_case_tasks_done();
  for (PractitionerIndex writer : casework_.take_court_reports_written())
    report_points_.credit(staff_, writer, day);
  if (casework_.enforcement().enabled()) end_orders_the_court_ended(day);
  account_staff_time(day);
}

void PduOffice::record_case_tasks_done() {
  for (const TaskCompletion& done : case_tasks_done_) {
    // Closing a case cancels its open tasks before the day's work, so a task completed today is of a case
    // open here, done by one of this office's staff. Were it not, the slot may hold another case by now,
    // and a row with its columns would mislead, as would a row dropped without a word: a broken invariant
    // is an error, which ends the replication (engine/actor_failure.hpp) and names what was found.
    const Slot* s = done.case_slot < slots_.size() ? &slots_[done.case_slot] : nullptr;
    if (s == nullptr || !s->open || s->c.id != done.case_id)
      throw std::logic_error("PDU " + name() + ": a " + std::string(to_string(done.kind)) + " task of case " +
                             std::to_string(done.case_id) + " was completed on day " +
                             std::to_string(done.day) + ", but the case is not open in its slot " +
                             std::to_string(done.case_slot));
    const auto holder = static_cast<std::size_t>(done.holder);
    if (holder >= staff_.size())
      throw std::logic_error("PDU " + name() + ": a " + std::string(to_string(done.kind)) + " task of case " +
                             std::to_string(done.case_id) + " was completed by practitioner " +
                             std::to_string(done.holder) + ", of " + std::to_string(staff_.size()) +
                             " staff");
    notices_.record_task_done(done.day, done.kind, s->c, name(), staff_[holder].name);
  }
  case_tasks_done_.clear();
}

void PduOffice::set_rag_status(RagStatus status, const RagMeasures& measures) {
  if (status != rag_status_) counters_.rag_changes += 1;
  rag_status_ = status;
  rag_measures_ = measures;
  casework_.set_rag_status(status);  // whether revised measures are in force (RAG-13)
  if (interventions_) interventions_->set_measures(index_in_interventions_team_, measures.interventions);
}

void PduOffice::record_intervention_event(Day day, std::string_view event, const Case& c,
                                          std::string_view reason, Day requirement_day) const {
  if (events_) events_->record_intervention(day, event, c, name(), reason, requirement_day);
}

void PduOffice::account_staff_time(Day day) {
  const bool working_day = calendar_.is_working_day(day);
  for (const Practitioner& person : staff_) {
    if (!person.in_post) continue;
    at(staff_counters_.fte_days_in_post, person.grade) += person.fte;
    if (working_day && person.is_sick_on(day))
      staff_counters_.sickness_hours_lost += person.daily_contracted_hours();
  }
}

double PduOffice::in_post_fte(Grade grade) const {
  double fte = 0.0;
  for (const Practitioner& person : staff_)
    if (person.in_post && person.grade == grade) fte += person.fte;
  return fte;
}

std::int64_t PduOffice::in_post_headcount(Grade grade) const {
  std::int64_t n = 0;
  for (const Practitioner& person : staff_)
    if (person.in_post && person.grade == grade) ++n;
  return n;
}

}  // namespace probsim
