// The team's rows of events.csv and the tests' event log: each step of a man through a programme and
// (issue 18, part 4) every group session he attended or missed, not just his start and his end. Kept
// apart from the team's delivery logic: it observes, it changes nothing.
#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

namespace {

// The step's name in events.csv, after the programme's name ("bbr_start"). An order that ended the
// requirement is named by when it ended: before or after a start.
std::string_view step_name(InterventionEvent::Kind kind, ParticipantState state) {
  switch (kind) {
    case InterventionEvent::Kind::requirement:
      return "requirement";
    case InterventionEvent::Kind::ready:
      return "ready";
    case InterventionEvent::Kind::start:
      return "start";
    case InterventionEvent::Kind::session:
      return "session";
    case InterventionEvent::Kind::completion:
      return "completion";
    case InterventionEvent::Kind::removal:
      return "removed_non_attendance";
    case InterventionEvent::Kind::removal_breached:
      return "removal_breached";
    case InterventionEvent::Kind::exit:
      return kParticipantStateNames[static_cast<std::size_t>(state)];
    case InterventionEvent::Kind::diversion:
      return "diverted";
  }
  return "unknown";
}

}  // namespace

void InterventionsTeam::log(Day day, InterventionEvent::Kind kind, const Participant& p, const Case* c) {
  if (event_log_) event_log_->push_back(InterventionEvent{day, kind, p.case_id, p.programme});
  const PduOffice& office = *offices_[p.office];
  if (!office.logs_events()) return;
  if (c == nullptr) c = office.case_in_slot(p.case_slot, p.case_id);
  if (c == nullptr) return;  // not reached: a participant's case is live until its exit, which passes it
  const std::string event = programme(p.programme).name + "_" + std::string(step_name(kind, p.state));
  const std::string_view reason = kind == InterventionEvent::Kind::exit ? to_string(p.end_reason) : "";
  office.record_intervention_event(day, event, *c, reason, p.requirement_day);
}

void InterventionsTeam::log_session(Day day, const Participant& p, bool attended) {
  // The tests' schedules (bbr_delivery_test and others) list the days a man attended.
  if (event_log_ != nullptr && attended)
    event_log_->push_back(InterventionEvent{day, InterventionEvent::Kind::session, p.case_id, p.programme});
  const PduOffice& office = *offices_[p.office];
  if (!office.logs_sessions()) return;  // a row per member per session: only when asked for
  const Case* c = office.case_in_slot(p.case_slot, p.case_id);
  if (c == nullptr) return;  // not reached: a member's order is live (its end takes him out of the group)
  const std::string event =
      programme(p.programme).name + (attended ? "_session_attended" : "_session_missed");
  office.record_intervention_event(day, event, *c, {}, p.requirement_day);
}

}  // namespace probsim
