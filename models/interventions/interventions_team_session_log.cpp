// The session rows of events.csv (issue 18, part 4): researchers following a man through his programme
// see every group session he attended or missed, not just his start and his end. Kept apart from the
// team's delivery logic: it observes a session, it changes nothing.
#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

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
