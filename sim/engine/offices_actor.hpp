#pragma once
// The PDU offices' actor: one long-lived SimGrid actor that wakes once per simulated day and lets every
// office do the day's work (docs/architecture.md: few long-lived actors, never one per case).
//
// One actor for all offices rather than one each: within a day the offices are independent (each owns
// its cases, staff and tasks; random draws are keyed by purpose and entity), so the actor may run them
// on several threads (ParallelDay) while SimGrid itself stays on one. What an office tells objects it
// shares with others (the interventions team, the event log) is held back during the parallel part and
// delivered afterwards in office order, which is the order the offices ran in one by one, so outputs are
// the same bytes whatever the number of threads.

#include <cstddef>
#include <vector>

#include "core/calendar_date.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

class OfficesActor {
 public:
  // `threads` (at least 1): how many threads run the day's offices.
  OfficesActor(std::vector<PduOffice*> offices, Day last_day, std::size_t threads)
      : offices_(std::move(offices)), last_day_(last_day), threads_(threads) {}
  void operator()() const;

 private:
  std::vector<PduOffice*> offices_;
  Day last_day_;
  std::size_t threads_;
};

}  // namespace probsim
