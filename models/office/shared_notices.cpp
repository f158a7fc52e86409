#include "office/shared_notices.hpp"

#include <utility>

namespace probsim {

void SharedNotices::case_started(std::uint32_t case_slot, const Case& c, CaseId draw_key, Day day,
                                 bool initial) {
  if (team_ == nullptr || !team_->hears_of_case(c)) return;
  Notice n;
  n.kind = Kind::case_started;
  n.initial = initial;
  n.day = day;
  n.case_slot = case_slot;
  n.draw_key = draw_key;
  n.c = c;
  defer_or_deliver(std::move(n));
}

void SharedNotices::case_ended(const Case& c, Day day) {
  if (team_ == nullptr || !team_->hears_of_case(c)) return;
  Notice n;
  n.kind = Kind::case_ended;
  n.day = day;
  n.c = c;
  defer_or_deliver(std::move(n));
}

void SharedNotices::record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
                           std::string_view practitioner_name) {
  if (events_ == nullptr) return;
  Notice n;
  n.kind = Kind::event;
  n.event = event;
  n.day = day;
  n.c = c;
  n.pdu_name = pdu_name;
  n.practitioner_name = practitioner_name;
  defer_or_deliver(std::move(n));
}

void SharedNotices::record_task_done(Day day, TaskKind task, const Case& c, std::string_view pdu_name,
                                     std::string_view practitioner_name) {
  if (events_ == nullptr) return;
  Notice n;
  n.kind = Kind::task_done;
  n.task = task;
  n.day = day;
  n.c = c;
  n.pdu_name = pdu_name;
  n.practitioner_name = practitioner_name;
  defer_or_deliver(std::move(n));
}

void SharedNotices::defer_or_deliver(Notice n) {
  if (deferring_)
    deferred_.push_back(std::move(n));
  else
    deliver(n);
}

void SharedNotices::deliver(const Notice& n) {
  switch (n.kind) {
    case Kind::case_started:
      team_->case_started(index_in_team_, n.case_slot, n.c, n.draw_key, n.day, n.initial);
      break;
    case Kind::case_ended:
      team_->case_ended(n.c.id, n.c.end_reason, n.day, &n.c);
      break;
    case Kind::event:
      events_->record(n.day, n.event, n.c, n.pdu_name, n.practitioner_name);
      break;
    case Kind::task_done:
      events_->record_task_done(n.day, n.task, n.c, n.pdu_name, n.practitioner_name);
      break;
  }
}

void SharedNotices::deliver_deferred() {
  for (const Notice& n : deferred_) deliver(n);
  deferred_.clear();
}

}  // namespace probsim
