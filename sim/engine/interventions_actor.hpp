#pragma once
// The interventions team actor (DESIGN.md): wakes once per simulated day, after the offices have taken
// the day's referrals and ended the day's cases, and lets its team run the day (readiness, the weekly
// review, sessions, DASO work, toolkit requests).

#include "core/calendar_date.hpp"
#include "interventions/interventions_team.hpp"

namespace probsim {

class InterventionsActor {
 public:
  InterventionsActor(InterventionsTeam& team, Day last_day) : team_(team), last_day_(last_day) {}
  void operator()() const;

 private:
  InterventionsTeam& team_;
  Day last_day_;
};

}  // namespace probsim
