#pragma once
// The interventions actor (docs/architecture.md): wakes each simulated day, after the offices have taken the
// day's referrals and ended the day's cases, and lets every interventions team run the day (readiness,
// the weekly review, sessions, DASO work, toolkit requests).
//
// The teams are independent of each other: each serves its own PDUs (a PDU has exactly one team) and
// touches only its own state and its offices'. So, like the offices' day, their days run on a pool of
// threads when the replication has several. The one thing they share is the case event log, so with an
// event log attached they run one after another in team order; outputs are the same either way.

#include <cstddef>
#include <vector>

#include "core/calendar_date.hpp"
#include "interventions/interventions_team.hpp"

namespace probsim {

class InterventionsActor {
 public:
  InterventionsActor(std::vector<InterventionsTeam*> teams, Day last_day, std::size_t threads)
      : teams_(std::move(teams)), last_day_(last_day), threads_(threads) {}
  void operator()() const;

 private:
  std::vector<InterventionsTeam*> teams_;  // in scenario order
  Day last_day_;
  std::size_t threads_;  // 1 when an event log is attached
};

}  // namespace probsim
