// PduCasework's rules (docs/model.md): what tasks a case creates and when (contact windows under the
// RAG measures in force, reviews, significant events, court reports, terminations), who holds them when
// cases are allocated, lose their practitioner or end, and the order of a day. Where tasks are kept is
// CaseworkTaskStore (and the day agenda, CaseworkAgenda); counting a task created, cancelled or completed
// is pdu_casework_task_outcomes.cpp; the practitioners' work, pdu_casework_work.cpp; contact windows,
// pdu_casework_contacts.cpp.
#include "sentence_management/pdu_casework.hpp"

#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <stdexcept>

#include "core/random_stream.hpp"

namespace probsim {

namespace {
// Tasks of no case (court reports, terminations) get ids above every case id so they sort after cases
// with otherwise equal keys, in the order they were requested.
constexpr CaseId kLooseTaskIdBase = 0xffff000000000000ULL;
}  // namespace

PduCasework::PduCasework(const SentenceManagementRules& rules, const WorkingCalendar& calendar,
                         std::uint64_t replication_seed, std::uint32_t stream_index, Day last_day)
    : rules_(rules),
      calendar_(calendar),
      schedule_(rules, calendar),
      replication_seed_(replication_seed),
      stream_index_(stream_index),
      store_(rules.mandated, rules.priority_order),
      agenda_(rules.enabled ? last_day : -1),
      outcomes_(rules.enabled ? last_day : -1),
      enforcement_(rules.enforcement, calendar, replication_seed) {
  // A contact's seconds are stored in 32 bits (CaseTasks): about 596,000 hours.
  if (seconds_of_hours(std::max(rules_.contacts.hours_face_to_face, rules_.contacts.hours_remote)) >
      CaseworkTaskStore::kMaxContactSeconds)
    throw std::invalid_argument("sentence management: a contact of more than 596,000 hours");
}

bool PduCasework::add_case_task(std::uint32_t slot, CaseId id, TaskKind kind, double hours, Day day,
                                Day due_day) {
  if (!rules_.enabled || slot >= store_.case_slots() || !store_.case_at(slot).active ||
      store_.case_at(slot).id != id)
    return false;
  create_case_task(slot, kind, hours, day, due_day);
  return true;
}

std::uint32_t PduCasework::create_case_task(std::uint32_t slot, TaskKind kind, double hours, Day day,
                                            Day due_day, std::optional<bool> holder_is_trainee) {
  const CaseTasks& c = store_.case_at(slot);
  std::uint32_t index;
  if (kind == TaskKind::contact) {
    index = new_contact(slot, seconds_of_hours(hours), day, due_day);
  } else {
    Task t;
    t.kind = kind;
    t.rosh = c.rosh;
    t.domestic_abuse = c.domestic_abuse;
    t.case_slot = slot;
    t.case_id = c.id;
    t.seconds = seconds_of_hours(hours);
    t.available_from = day;
    t.due_day = due_day;
    t.deferred =
        rules_.overload_triage.defers(replication_seed_, c.id, kind, due_day, workload_pct_of(c.case_holder));
    // Set aside (never worked, open until the case ends): judged not needed while revised measures are
    // in force (RAG-13), or a home visit not made under a face-to-face cut (RAG-6, §10.25); one counter
    // for both. Decided once, when the task is created: a later status or holder does not revisit it. A
    // case waiting for a practitioner has nobody to judge or to visit, and its visit waits unassigned.
    t.set_aside = c.case_holder != kUnallocated &&
                  (rules_.judgement_under_revised_measures.sets_aside(
                       replication_seed_, c.id, kind, due_day, rag_status_ != RagStatus::green,
                       holder_on_business_as_usual(kind, holder_is_trainee)) ||
                   (kind == TaskKind::home_visit &&
                    home_visit_not_made_under_face_to_face_cut(c, due_day, holder_is_trainee)));
    if (t.set_aside) outcomes_.counters.set_aside[static_cast<std::size_t>(kind)] += 1;
    index = new_task(t);
    store_.link_to_case(index, slot);
  }
  store_.give(index, c.case_holder);
  return index;
}

bool PduCasework::holder_on_business_as_usual(TaskKind kind, std::optional<bool> holder_is_trainee) const {
  const JudgementUnderRevisedMeasures& judgement = rules_.judgement_under_revised_measures;
  if (!judgement.enabled || !judgement.applies_to[static_cast<std::size_t>(kind)]) return false;
  // A caller creating a kind that may be set aside must say who holds the case: a default would take a
  // trainee for a practitioner who judges (RAG-12).
  if (!holder_is_trainee)
    throw std::logic_error("casework: a " + std::string(to_string(kind)) +
                           " that may be set aside was created without its holder's grade");
  // RAG-12: one switch for contacts and for this (the framework's); without the framework, BAU.
  return *holder_is_trainee && (rag_rules_ == nullptr || rag_rules_->trainee_cases_on_bau);
}

void PduCasework::case_allocated(std::uint32_t slot, const Case& c, Day start, bool first_allocation, Day day,
                                 Grade holder_grade, std::optional<Day> next_review_due) {
  if (!rules_.enabled) return;
  if (!first_allocation && slot < store_.case_slots() && store_.case_at(slot).active &&
      store_.case_at(slot).id == c.id) {
    store_.move_case_tasks(slot, c.practitioner);
    return;
  }
  CaseTasks& ct = store_.start_case(slot);
  ct.id = c.id;
  ct.active = true;
  ct.domestic_abuse = c.domestic_abuse_flag;
  ct.licence = c.sentence_type == SentenceType::licence;
  ct.rosh = c.rosh;
  ct.exemptions = c.rag_exemptions;
  if (is_high_rosh(c.rosh)) ct.exemptions |= exemption_bit(RagExemption::high_rosh);
  if (c.domestic_abuse_flag) ct.exemptions |= exemption_bit(RagExemption::domestic_abuse);
  ct.start = start;
  ct.case_holder = c.practitioner;
  start_enforcement(slot, c, start, day);
  for (const PlannedTask& planned : schedule_.one_off_tasks(c.rosh, c.domestic_abuse_flag, start))
    if (planned.due_day >= day)
      create_case_task(slot, planned.kind, planned.hours, day, planned.due_day, holder_grade == Grade::pqip);
  if (rules_.contacts.hours_face_to_face > 0.0 || rules_.contacts.hours_remote > 0.0)
    open_contact_window(slot, day, holder_grade == Grade::pqip);
  if (rules_.periodic_review.hours > 0.0) start_periodic_reviews(slot, start, day, next_review_due);
  if (rules_.event_review.hours > 0.0 || schedule_.home_visit_after_events(ct.domestic_abuse))
    schedule_next_event(slot, day);
}

void PduCasework::case_unallocated(std::uint32_t slot) {
  if (!rules_.enabled || slot >= store_.case_slots()) return;
  if (!store_.case_at(slot).active) return;
  store_.move_case_tasks(slot, kUnallocated);
}

void PduCasework::case_closed(std::uint32_t slot, const Case& c, Day day) {
  if (!rules_.enabled || slot >= store_.case_slots()) return;
  CaseTasks& ct = store_.case_at(slot);
  if (!ct.active || ct.id != c.id) return;
  while (ct.head != kNoTask) cancel(ct.head, day);
  if (ct.open) cancel(contact_index(slot), day);
  ct.active = false;
  if (ct.case_holder != kUnallocated && rules_.termination.hours > 0.0) {
    Task t;
    t.kind = TaskKind::termination;
    t.rosh = c.rosh;
    t.domestic_abuse = c.domestic_abuse_flag;
    t.case_id = c.id;
    t.seconds = seconds_of_hours(rules_.termination.hours);
    t.available_from = day;
    t.due_day = schedule_.termination_due(day);
    store_.give(new_task(t), ct.case_holder);
  }
}

void PduCasework::run_agenda(Day day, std::span<const Practitioner> staff) {
  const std::vector<CaseworkAgenda::Item>& items = agenda_.items_on(day);
  store_.warm_cases_of(items);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const CaseworkAgenda::Item item = items[k];
    if (item.slot >= store_.case_slots()) continue;
    CaseTasks& ct = store_.case_at(item.slot);
    if (!ct.active || ct.id != item.case_id) continue;  // the case has ended
    switch (item.kind) {
      case AgendaKind::contact_window:
        if (ct.open) {
          // The window closed without the contact: missed, never late (the rule).
          const std::uint32_t missed = contact_index(item.slot);
          store_.take_back(missed);
          TaskCounters& n = outcomes_.counters;
          n.contacts_missed += 1;
          n.missed_seconds += ct.seconds_remaining;
          store_.free_task(missed);
        }
        open_contact_window(item.slot, day, is_trainee(staff, ct.case_holder));
        break;
      case AgendaKind::periodic_review:
        create_case_task(item.slot, TaskKind::periodic_review,
                         schedule_.review_hours(rules_.periodic_review.hours, ct.domestic_abuse), day,
                         schedule_.periodic_review_due(day));
        schedule_periodic_review(item.slot, schedule_.next_periodic_review(day));
        break;
      case AgendaKind::event:
        event_falls(item.slot, day, is_trainee(staff, ct.case_holder));
        break;
      case AgendaKind::first_weeks_end:
        enforcement_.first_weeks_ended(item.slot);
        break;
    }
  }
  agenda_.release(day);  // the day is past: give its memory back
}

void PduCasework::request_court_reports(Day day, std::span<const Practitioner> staff, std::int64_t caseload) {
  const double mean = rules_.court_reports.per_week_per_100_cases * static_cast<double>(caseload) / 100.0 /
                      kWorkingDaysPerWeek;
  if (mean <= 0.0) return;
  RandomStream draw(replication_seed_, stream::kCourtReports, make_case_id(stream_index_, day, 0));
  boost::random::poisson_distribution<std::uint32_t, double> count(mean);
  const std::uint32_t reports = count(draw);
  for (std::uint32_t k = 0; k < reports; ++k) {
    Task t;
    t.kind = TaskKind::court_report;
    t.case_id = kLooseTaskIdBase + loose_task_sequence_++;
    t.seconds = seconds_of_hours(rules_.court_reports.hours);
    t.available_from = day;
    t.due_day = schedule_.court_report_due(day);
    const std::uint32_t index = new_task(t);
    const PractitionerIndex writer = least_backlogged(staff, TaskKind::court_report);
    store_.give(index, writer);
    // Nobody in post may write it: the court goes without (counted as cancelled, and never due).
    if (writer == kUnallocated) cancel(index, day);
  }
}

void PduCasework::practitioner_left(PractitionerIndex who, std::span<const Practitioner> staff, Day day) {
  if (!rules_.enabled || static_cast<std::size_t>(who) >= store_.queues().size()) return;
  std::vector<std::uint32_t> loose;
  store_.queue_of(who).for_each_entry([&](const QueuedTask& e) {
    if (store_.is_live(e, who)) loose.push_back(e.task);
  });
  std::sort(loose.begin(), loose.end(), [&](std::uint32_t a, std::uint32_t b) {
    // By case, then by task: an order that does not depend on where the queue kept them.
    return store_.case_id_at(a) != store_.case_id_at(b) ? store_.case_id_at(a) < store_.case_id_at(b) : a < b;
  });
  for (std::uint32_t index : loose) {
    const PractitionerIndex next = least_backlogged(staff, store_.kind_at(index));
    if (next == kUnallocated || next == who) {
      cancel(index, day);
    } else {
      store_.take_back(index);
      store_.give(index, next);
    }
  }
  store_.queue_of(who).clear();
}

double PduCasework::run_day(Day day, std::span<const Practitioner> staff, std::int64_t caseload) {
  if (!rules_.enabled) return 0.0;
  if (rules_.overload_triage.enabled) {
    // The holders' WMT % as the day begins: what an overloaded practitioner lets slip today.
    holder_workload_pct_.resize(staff.size());
    for (std::size_t i = 0; i < staff.size(); ++i) holder_workload_pct_[i] = staff[i].rules_workload_pct();
  }
  if (agenda_.covers(day)) run_agenda(day, staff);
  if (!calendar_.is_working_day(day)) return 0.0;
  request_court_reports(day, staff, caseload);
  // RAG-10: under red only statutory partnership meetings are attended, which frees casework hours.
  const double task_share = 1.0 - (contact_measures_ != nullptr ? contact_measures_->non_task_time_share
                                                                : rules_.non_task_time_share);
  store_.warm_work_queues();
  for (std::size_t i = 0; i < staff.size(); ++i) {
    const Practitioner& p = staff[i];
    if (!p.in_post || !holds_cases(p.grade)) continue;
    const double hours = p.available_hours_on_working_day(day);
    work(static_cast<PractitionerIndex>(i), seconds_of_hours(hours * task_share), day);
    if (const double extra = rules_.hours_beyond_contract.extra_hours(hours, p.rules_workload_pct());
        extra > 0.0)
      work_beyond_contract(static_cast<PractitionerIndex>(i), seconds_of_hours(extra), day);
  }
  if (redeployed_per_working_day_ == 0) return 0.0;
  work_redeployed_hours(staff, day);
  return hours_of(redeployed_per_working_day_);
}

}  // namespace probsim
