#pragma once
// How group programmes are really delivered between a man's recorded start and his recorded completion
// (issue 18, docs/validation.md §3): the `interventions.delivery` block. Every default keeps the model as
// it was before the block existed (the recorded start is the first group session, every group meets
// `sessions_per_week` times a week, no session is cancelled, no holiday break, the completion is recorded
// at the last group session).
//
// Which programmes each setting touches:
//   - recorded_start, pre_group_lead_weeks, weekly_group_share (with its fallback) and
//     completion_recorded_after_weeks: BBR;
//   - cancelled_session_share and holiday_break: every group programme (the same facilitators run them).

#include <array>
#include <cstdint>
#include <string_view>

#include "core/rule_problems.hpp"
#include "interventions/weeks_range.hpp"

namespace probsim {

// What the case record calls a BBR start (IS-2; docs/sources.md "Recording" caveat: nDelius records starts
// that were not real programme starts).
enum class RecordedStart : std::uint8_t {
  first_group_session,  // the man's first group session (the model before issue 18)
  pre_group_session,    // the individual session before the group phase (G-10), given ahead of a place
};
inline constexpr std::array<std::string_view, 2> kRecordedStartNames = {"first_group_session",
                                                                        "pre_group_session"};

// A yearly break in group delivery (Christmas and New Year) [Assume]: no group session is held from
// `month`/`day` for `weeks` weeks. A session that falls in the break is not lost: the group meets again
// after it and its schedule moves.
struct HolidayBreak {
  int month = 12;
  int day = 24;
  double weeks = 0.0;  // 0: no break
};

struct InterventionDelivery {
  RecordedStart recorded_start = RecordedStart::first_group_session;
  // pre_group_session: a man has his pre-group session (and is recorded as started) when his place in a
  // group is expected within this many weeks: the team keeps as many men "started, awaiting a group" as
  // its open groups turn places over in that many weeks [Assume].
  double pre_group_lead_weeks = 0.0;
  // BBR-4 "often twice a week": the share of new BBR groups meeting once a week [Assume]; the others meet
  // `sessions_per_week` times.
  double weekly_group_share = 0.0;
  // With a mix (weekly_group_share above 0): when the next BBR group's drawn pace does not fit the
  // facilitator hours left but a weekly group would, the team opens it weekly, rather than waiting until
  // the drawn pace fits. No source says which teams did [Assume]; off keeps the wait.
  bool weekly_group_when_full_pace_does_not_fit = false;
  // One-to-one BBR (BBR-7): sessions a week; 0 keeps the programme's sessions_per_week [Assume].
  int one_to_one_sessions_per_week = 0;
  // G-23 sickness (5% of capacity), annual leave and other absence of either facilitator: the share of
  // scheduled group sessions cancelled [Assume]. A cancelled session is held at the group's next slot.
  double cancelled_session_share = 0.0;
  HolidayBreak holiday_break;
  // From the last group session to the recorded completion: the individual session after the group
  // phase (G-10) and the paperwork that closes the requirement. No source gives it [Assume].
  WeeksRange completion_recorded_after_weeks{0.0, 0.0};

  [[nodiscard]] bool changes_nothing() const {
    return recorded_start == RecordedStart::first_group_session && weekly_group_share == 0.0 &&
           one_to_one_sessions_per_week == 0 && cancelled_session_share == 0.0 &&
           holiday_break.weeks == 0.0 && completion_recorded_after_weeks.max_weeks == 0.0;
  }

  // Keys of `delivery`: a lead without the pre-group start would silently do nothing; the completion is
  // recorded a non-negative delay after the last session, drawn from a range whose min is not above
  // its max.
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    if (pre_group_lead_weeks > 0.0 && recorded_start != RecordedStart::pre_group_session)
      problems.push_back({"pre_group_lead_weeks",
                          "pre_group_lead_weeks applies only with recorded_start: pre_group_session"});
    const WeeksRange& completion = completion_recorded_after_weeks;
    if (completion.min_weeks < 0.0)
      problems.push_back({"completion_recorded_after_weeks.min", "must not be negative"});
    if (completion.max_weeks < 0.0)
      problems.push_back({"completion_recorded_after_weeks.max", "must not be negative"});
    // Not WeeksRange::check's words: the loader has always said it so for this range.
    if (completion.min_weeks > completion.max_weeks)
      problems.push_back({"completion_recorded_after_weeks.min", "min must not exceed max"});
    return problems;
  }
};

}  // namespace probsim
