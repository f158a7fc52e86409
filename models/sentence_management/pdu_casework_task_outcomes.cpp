// PduCasework's accounting of a task's life (docs/model.md): a task created, cancelled or completed is
// counted in TaskOutcomes, with the hours conserved, and a completed contact or breach action leads to
// what enforcement makes of it (whose record of a case starts with its supervision). Where the tasks
// are kept is CaseworkTaskStore; the rules that create them, pdu_casework.cpp; the practitioners' work,
// pdu_casework_work.cpp.
#include "caseload/case_attributes.hpp"
#include "sentence_management/pdu_casework.hpp"

namespace probsim {

namespace {

// AUD-9's home visits: those of a case with high or very high RoSH (TaskOutcomes counts them apart too).
bool is_high_rosh_home_visit(TaskKind kind, RoshLevel rosh) {
  return kind == TaskKind::home_visit && is_high_rosh(rosh);
}

// A task (a Task, or a case's contact) becomes due (delta +1) or is no longer due (-1): counted among
// every task of its kind and, apart, among the populations the audits count (AUD-9; §11.12).
template <class TaskLike>
void count_due(TaskOutcomes& out, const TaskLike& t, int delta) {
  out.add_due(t.kind, t.due_day, delta);
  if (t.domestic_abuse) out.add_domestic_abuse_due(t.kind, t.due_day, delta);
  if (is_high_rosh_home_visit(t.kind, t.rosh)) out.add_high_rosh_home_visit_due(t.due_day, delta);
}

template <class TaskLike>
void count_on_time(TaskOutcomes& out, const TaskLike& t) {
  out.add_on_time(t.kind, t.due_day);
  if (t.domestic_abuse) out.add_domestic_abuse_on_time(t.kind, t.due_day);
  if (is_high_rosh_home_visit(t.kind, t.rosh)) out.add_high_rosh_home_visit_on_time(t.due_day);
}

}  // namespace

std::uint32_t PduCasework::new_task(const Task& task) {
  const std::uint32_t index = store_.new_task(task);
  count_created(index);
  return index;
}

std::uint32_t PduCasework::new_contact(std::uint32_t slot, WorkSeconds seconds, Day day, Day due_day) {
  const std::uint32_t index = store_.new_contact(slot, seconds, day, due_day);
  count_created(index);
  return index;
}

void PduCasework::count_created(std::uint32_t index) {
  store_.with_task(index, [&](const auto& t) {
    TaskCounters& n = outcomes_.counters;
    n.created[static_cast<std::size_t>(t.kind)] += 1;
    n.demanded += t.seconds;
    count_due(outcomes_, t, +1);
  });
}

void PduCasework::cancel(std::uint32_t index, Day day) {
  store_.take_back(index);
  store_.with_task(index, [&](auto& t) {
    TaskCounters& n = outcomes_.counters;
    n.cancelled[static_cast<std::size_t>(t.kind)] += 1;
    n.cancelled_seconds += t.seconds_remaining;
    // A task cancelled on or before its due day was never due; one already overdue stays due and late.
    if (day <= t.due_day) count_due(outcomes_, t, -1);
  });
  store_.unlink_from_case(index);
  store_.free_task(index);
}

void PduCasework::complete(std::uint32_t index, PractitionerIndex holder, Day day) {
  const TaskKind kind = store_.kind_at(index);
  const std::uint32_t slot = store_.case_slot_at(index);
  bool late = false;
  store_.with_task(index, [&](auto& t) {
    late = day > t.due_day;
    TaskCounters& n = outcomes_.counters;
    const auto kind = static_cast<std::size_t>(t.kind);
    n.completed[kind] += 1;
    if (day <= t.due_day) {
      count_on_time(outcomes_, t);
      if (t.kind == TaskKind::contact && t.face_to_face) outcomes_.add_face_to_face_delivered(t.due_day);
    } else {
      n.completed_late[kind] += 1;
      outcomes_.add_late_completion(t.kind, day, static_cast<std::int32_t>(day - t.due_day));
    }
    const bool to_case_task_log =
        case_task_log_ && slot != kNoCaseSlot && (case_task_log_kinds_ & task_kind_bit(t.kind)) != 0;
    if (completion_log_ || to_case_task_log) {
      const TaskCompletion done{day, t.kind, CaseworkTaskStore::case_id_of(t), holder, t.due_day, slot};
      if (completion_log_) completion_log_->push_back(done);
      if (to_case_task_log) case_task_log_->push_back(done);
    }
  });
  if (kind == TaskKind::court_report) court_reports_written_.push_back(holder);
  store_.unlink_from_case(index);
  store_.free_task(index);
  if (enforcement_.enabled() && slot != kNoCaseSlot) follow_up_enforcement(kind, slot, day, late);
}

void PduCasework::start_enforcement(std::uint32_t slot, const Case& c, Day start, Day day) {
  // A case whose supervision began before the simulation (a warm start) carries the failures of its age.
  if (start < day && rules_.enforcement.enabled && rules_.enforcement.warm_start.enabled)
    enforcement_.case_started_before_simulation(slot, c.id, c.sentence_type,
                                                schedule_.contacts_offered(c.rosh, start, day));
  else
    enforcement_.case_started(slot, c.id, c.sentence_type);
  // 3a.3/SDA-10: an order whose supervision starts now is checked at the end of its first weeks.
  const FirstWeeksStandard& first_weeks = rules_.enforcement.first_weeks_standard;
  if (rules_.enforcement.enabled && start >= day && first_weeks.applies_to(c.sentence_type))
    schedule(start + first_weeks.days(), slot, AgendaKind::first_weeks_end);
}

void PduCasework::follow_up_enforcement(TaskKind kind, std::uint32_t slot, Day day, bool late) {
  if (kind == TaskKind::breach_action) {
    enforcement_.breach_laid(slot, day, late);
    return;
  }
  if (kind != TaskKind::contact) return;
  const CaseTasks& ct = store_.case_at(slot);
  const AppointmentConsequence next = enforcement_.appointment_held(slot, day, ct.rosh, ct.start);
  const EnforcementRules& r = rules_.enforcement;
  const double judgement_hours = r.absence_judgement_hours + (next.warned ? r.warning_hours : 0.0);
  if (next.absence && judgement_hours > 0.0)
    create_case_task(slot, TaskKind::absence_judgement, judgement_hours, day, next.judgement_due_day);
  if (next.breach)
    create_case_task(slot, TaskKind::breach_action, r.breach_action_hours, day, next.breach_due_day);
}

void PduCasework::add_task(Task task, PractitionerIndex holder) {
  task.case_slot = kNoCaseSlot;
  store_.give(new_task(task), holder);
}

}  // namespace probsim
