#pragma once
// A man's BBR requirement as a snapshot's caseload gives it (warm_start: snapshot; the bbr_* columns of
// docs/reference/snapshot-csv.md). Here, in interventions/, because the interventions team rebuilds its
// list and groups from it (interventions_team_import.cpp); scenario/snapshot.hpp holds one per case.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "caseload/case.hpp"

namespace probsim {

// Where a man's BBR requirement stands on the snapshot day (the caseload's bbr_* columns). The states
// are the model's (interventions/participant.hpp) that a requirement can be in while its order runs.
enum class SnapshotBbrStatus : std::uint8_t {
  in_readiness,          // requirement made; paperwork, suitability, induction not done
  waiting,               // ready, on the waiting list
  awaiting_group,        // started at the pre-group session, waiting for a group place
  awaiting_rejoin,       // removed for missed sessions, waiting for the next module
  attending,             // a member of the group `bbr_group`
  attending_one_to_one,  // on a one-to-one course (BBR-7)
  completed,             // every session delivered; the order runs on
  removed,               // removed for missed sessions, out for good; the order runs on
};
inline constexpr std::array<std::string_view, 8> kSnapshotBbrStatusNames = {
    "in_readiness",         "waiting",   "awaiting_group", "awaiting_rejoin", "attending",
    "attending_one_to_one", "completed", "removed"};

struct SnapshotBbr {
  SnapshotBbrStatus status = SnapshotBbrStatus::waiting;
  Day requirement_day = 0;             // on or before day 0: the wait is counted from here
  std::int32_t sessions_attended = 0;  // group sessions attended or caught up, towards bbr.group_sessions
  std::int32_t group = -1;             // index into RegionSnapshot::bbr_groups (attending only), else -1
  // Sessions missed in the current attempt (attending or attending one-to-one): BBR-5 removes on the
  // (allowed + 1)-th.
  std::int32_t sessions_missed = 0;
  // The recorded start (a started status), if the file gives it: men awaiting a group take places in
  // its order (waiting_list_order.cpp).
  std::optional<Day> start_day;
};

}  // namespace probsim
