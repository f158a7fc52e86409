#pragma once
// A long-lived SimGrid actor (docs/architecture.md: a few long-lived actors, never one per case) that
// wakes at one phase's time every simulated day (service/day_phase.hpp) and runs that phase of the
// ProbationService: the RAG review, the offices' casework or the interventions teams' day. The phases'
// order within a day is kDayPhases', stated there once.
//
// A phase's units (offices, teams) are independent within the day, so the actor runs them on a pool of
// threads (ParallelDay) when it has several, while SimGrid itself stays on one; the service keeps the
// outputs the same bytes whatever the number of threads.

#include <cstddef>

#include "core/calendar_date.hpp"
#include "service/day_phase.hpp"
#include "service/probation_service.hpp"

namespace probsim {

class DailyPhaseActor {
 public:
  // `threads` (at least 1): how many threads may run the phase's units; the pool has no more threads
  // than units.
  DailyPhaseActor(ProbationService& service, DayPhase phase, Day last_day, std::size_t threads)
      : service_(service), phase_(phase), last_day_(last_day), threads_(threads) {}
  void operator()() const;

 private:
  ProbationService& service_;
  DayPhase phase_;
  Day last_day_;
  std::size_t threads_;
};

}  // namespace probsim
