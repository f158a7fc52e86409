// Periodic reviews: when a case's first one falls, counted from the start of supervision or given by a
// snapshot row (`next_review_due`, issue 21), and what the next one's due day is on any day. Events
// (G-5): when the next falls, and the review and (for a DA case) the home visit each one brings.
#include "core/random_stream.hpp"
#include "sentence_management/pdu_casework.hpp"

namespace probsim {

void PduCasework::start_periodic_reviews(std::uint32_t slot, Day start, Day day,
                                         std::optional<Day> next_review_due) {
  if (!next_review_due) {
    schedule_periodic_review(slot, schedule_.first_periodic_review_from(start, day));
    return;
  }
  const Day review_day = schedule_.periodic_review_day_due_on(*next_review_due);
  if (review_day > day) {
    schedule_periodic_review(slot, review_day);
    return;
  }
  // The review is open on the snapshot day already, due soon or overdue: its task is there from today,
  // due on the day the row gave. Reviews keep their cadence from the day it fell; those that would
  // have fallen while it was outstanding are this one review, not a pile of them.
  create_case_task(slot, TaskKind::periodic_review,
                   schedule_.review_hours(rules_.periodic_review.hours, store_.case_at(slot).domestic_abuse),
                   day, schedule_.periodic_review_due(review_day));
  Day next = schedule_.next_periodic_review(review_day);
  while (next <= day) next = schedule_.next_periodic_review(next);
  schedule_periodic_review(slot, next);
}

void PduCasework::schedule_periodic_review(std::uint32_t slot, Day review_day) {
  store_.case_at(slot).next_review_day = review_day;
  schedule(review_day, slot, AgendaKind::periodic_review);
}

std::optional<Day> PduCasework::next_periodic_review_due(std::uint32_t slot, CaseId id) const {
  if (!rules_.enabled || rules_.periodic_review.hours <= 0.0 || slot >= store_.case_slots())
    return std::nullopt;
  const CaseTasks& ct = store_.case_at(slot);
  if (!ct.active || ct.id != id) return std::nullopt;
  std::optional<Day> open_review;
  for (std::uint32_t t = ct.head; t != kNoTask; t = store_.task(t).next_of_case) {
    const Task& task = store_.task(t);
    if (task.open && task.kind == TaskKind::periodic_review && (!open_review || task.due_day < *open_review))
      open_review = task.due_day;
  }
  if (open_review) return open_review;
  return schedule_.periodic_review_due(ct.next_review_day);
}

void PduCasework::schedule_next_event(std::uint32_t slot, Day from) {
  CaseTasks& ct = store_.case_at(slot);
  RandomStream draw(replication_seed_, stream::kSignificantEvent, combine_seed(ct.id, ct.event_ordinal++));
  const Day next = schedule_.next_event_day(from, draw.uniform01());
  if (next >= 0) schedule(next, slot, AgendaKind::event);
}

void PduCasework::event_falls(std::uint32_t slot, Day day, bool holder_is_trainee) {
  const CaseTasks& ct = store_.case_at(slot);
  if (rules_.event_review.hours > 0.0)
    create_case_task(slot, TaskKind::event_review,
                     schedule_.review_hours(rules_.event_review.hours, ct.domestic_abuse), day,
                     schedule_.event_review_due(day));
  // One visit serves both: a home visit still open keeps its due day (an open task's due day is not moved).
  // One set aside (RAG-13's judgement, or not made under the face-to-face cut) serves nothing: the
  // escalation's visit is a need of its own, with its own draw.
  if (const auto due = schedule_.home_visit_after_event_due(day, ct.domestic_abuse))
    if (!store_.has_open_task(slot, TaskKind::home_visit, /*counting_set_aside=*/false))
      store_
          .task(create_case_task(slot, TaskKind::home_visit, rules_.home_visit.hours, day, *due,
                                 holder_is_trainee))
          .after_event = true;
  schedule_next_event(slot, day);
}

}  // namespace probsim
