#pragma once
// A structured intervention (SI: Stepwise, Positive Pathways Plus, Help; SI-2..5) as a snapshot's
// caseload gives it (warm_start: snapshot; the si_* columns of docs/reference/snapshot-csv.md). The
// interventions team rebuilds its SI lists and groups from it (interventions_team_import_si.cpp);
// scenario/snapshot.hpp holds at most one per case.

#include <array>
#include <cstdint>
#include <string_view>

#include "caseload/case.hpp"

namespace probsim {

// Where an SI requirement stands on the snapshot day: the states of interventions/participant.hpp an SI
// can be in while its order runs. SIs have no pre-group start and no one-to-one courses (those are
// BBR's, IS-2 and BBR-7), so BBR's awaiting_group and attending_one_to_one have no counterpart here.
enum class SnapshotSiStatus : std::uint8_t {
  in_readiness,     // requirement made; paperwork and induction not done
  waiting,          // ready, on the programme's waiting list
  awaiting_rejoin,  // removed for missed sessions, waiting for the next module
  attending,        // a member of the group `si_group`
  completed,        // every session delivered; the order runs on
  removed,          // removed for missed sessions, out for good; the order runs on
};
inline constexpr std::array<std::string_view, 6> kSnapshotSiStatusNames = {
    "in_readiness", "waiting", "awaiting_rejoin", "attending", "completed", "removed"};

[[nodiscard]] constexpr bool snapshot_si_has_sessions(SnapshotSiStatus s) {
  return s == SnapshotSiStatus::awaiting_rejoin || s == SnapshotSiStatus::attending ||
         s == SnapshotSiStatus::removed;
}

struct SnapshotSi {
  std::uint32_t programme = 1;  // the team's programme number: 1 + index in structured_interventions
  SnapshotSiStatus status = SnapshotSiStatus::waiting;
  Day requirement_day = 0;             // on or before day 0: the wait is counted from here
  std::int32_t sessions_attended = 0;  // group sessions attended or caught up, towards group_sessions
  std::int32_t group = -1;             // index into RegionSnapshot::si_groups (attending only), else -1
};

}  // namespace probsim
