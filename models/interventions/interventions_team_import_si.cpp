// The structured interventions' lists and groups on a snapshot day, rebuilt from the snapshot's rows
// (the si_* columns; issue 21), as interventions_team_import.cpp rebuilds BBR's: who is in readiness or
// waiting for which programme, since when, who awaits a rejoin, and who is in which group after how many
// sessions. What a row cannot give is drawn, each from the stream a generated person or group would use:
// - for a person still in readiness, the rest of it: the readiness draw of the routing stream that
//   case_started makes for a referral;
// - how often an imported group meets and which of its sessions a facilitator's absence cancels: keyed
//   by the programme and the group's serial number, counted down from -1 per programme so that they never
//   share a draw with a group the run starts (those count up from 0).
// Not in the file, and so not carried over: the sessions missed in the current attempt (none) and the
// rejoins used (one, for a person awaiting a rejoin). Imported starts, groups and completions happened
// before the run and are not counted in its KPIs; each requirement counts, as BBR's do.

#include <algorithm>
#include <map>

#include "core/random_stream.hpp"
#include "interventions/interventions_team.hpp"

namespace probsim {

void InterventionsTeam::import_si(std::span<const ImportedSi> records, Day day) {
  // By (programme, snapshot group): the members, in file order.
  std::map<std::pair<std::uint32_t, std::int32_t>, std::vector<std::uint32_t>> group_members;
  for (const ImportedSi& r : records) {
    const SnapshotSiStatus status = r.record.status;
    RandomStream routing(replication_seed_, stream::kInterventionRouting, r.draw_key);
    for (int draw = 0; draw < 5; ++draw) (void)routing.uniform01();  // SARA, requirement, routes: given
    const double u_readiness = routing.uniform01();
    const Day readiness_days =
        status == SnapshotSiStatus::in_readiness
            ? std::max<Day>(1, r.record.requirement_day + rules_.readiness.days_at(u_readiness) - day)
            : 0;
    refer(r.office, r.case_slot, *r.c, r.draw_key, r.record.programme, r.record.requirement_day, day, false,
          readiness_days);
    const auto index = static_cast<std::uint32_t>(participants_.size() - 1);
    Participant& p = participants_[index];
    if (status == SnapshotSiStatus::in_readiness || status == SnapshotSiStatus::waiting) continue;
    // Started before the snapshot day, on a day the file does not give.
    p.started = true;
    p.start_day = day - 1;
    p.sessions_credited = r.record.sessions_attended;
    switch (status) {
      case SnapshotSiStatus::awaiting_rejoin:
        p.rejoins = 1;
        set_state(p, ParticipantState::awaiting_rejoin);  // refer() put him on the ready list
        break;
      case SnapshotSiStatus::attending:
        group_members[{r.record.programme, r.record.group}].push_back(index);
        break;
      case SnapshotSiStatus::completed:
        p.sessions_credited = programme(r.record.programme).group_sessions;
        p.completion_recorded_day = day - 1;
        set_state(p, ParticipantState::completed);
        break;
      case SnapshotSiStatus::removed:
        set_state(p, ParticipantState::removed);
        break;
      default:
        break;
    }
  }
  std::map<std::uint32_t, std::int64_t> serial;  // by programme
  for (const auto& [key, members] : group_members) {
    auto [it, fresh] = serial.emplace(key.first, -1);
    open_imported_group(key.first, false, members, it->second--, day);
  }
}

}  // namespace probsim
