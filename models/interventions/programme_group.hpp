#pragma once
// A running group (or a one-to-one course, a group of one): its members, where it is in its sessions,
// and the facilitator hours a week it has reserved from its team (G-9..G-11).

#include <array>
#include <cstdint>
#include <vector>

namespace probsim {

struct ProgrammeGroup {
  std::uint32_t programme = 0;
  bool one_to_one = false;
  bool rolling = false;
  bool open = true;
  std::vector<std::uint32_t> members;  // participant indices, in joining order
  std::int32_t sessions_held = 0;      // since it started
  std::int32_t cycle_position = 0;     // rolling: the next session's place in the programme, 0..sessions-1
  std::int32_t facilitators = 2;       // per session
  double hours_per_session = 2.5;      // per facilitator
  double reserved_hours_per_week = 0;  // taken from the team's weekly capacity while it runs
  std::array<int, 2> session_weekdays{1, 3};  // 0 = Monday; sessions_per_week of them are used
  std::int32_t sessions_per_week = 2;
  std::int64_t serial = 0;           // the programme's groups_started when it opened: keys its draws
  std::int64_t slots_scheduled = 0;  // session slots reached, held or cancelled for absence
};

}  // namespace probsim
