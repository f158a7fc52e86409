#include "engine/offices_actor.hpp"

#include <algorithm>
#include <simgrid/s4u/Actor.hpp>

#include "engine/parallel_day.hpp"

namespace probsim {

void OfficesActor::operator()() const {
  ParallelDay pool(std::min(threads_, std::max<std::size_t>(1, offices_.size())));
  const bool parallel = pool.threads() > 1;
  // The threads take the offices largest caseload first (fixed at the start), so that the day does
  // not end with one thread on a big office while the others wait. Only the order of work changes:
  // notices are still delivered in office order.
  std::vector<PduOffice*> largest_first = offices_;
  std::stable_sort(largest_first.begin(), largest_first.end(),
                   [](const PduOffice* a, const PduOffice* b) { return a->caseload() > b->caseload(); });
  // Within day d: the workforce actors change staff at time d, the offices work at d + 0.25, and
  // observers look at d + 0.5, so nobody ever sees a day half done.
  for (Day day = 0; day <= last_day_; ++day) {
    simgrid::s4u::this_actor::sleep_until(static_cast<double>(day) + 0.25);
    if (!parallel) {
      for (PduOffice* office : offices_) office->run_day(day);
      continue;
    }
    // Only the offices' own day is deferred: the workforce actors' staff changes (which allocate
    // cases and log events too) run at d, on SimGrid's thread, and deliver at once.
    for (PduOffice* office : offices_) office->set_deferring_notices(true);
    pool.run(largest_first.size(), [&](std::size_t i) { largest_first[i]->run_day(day); });
    for (PduOffice* office : offices_) {
      office->set_deferring_notices(false);
      office->deliver_deferred_notices();
    }
  }
}

}  // namespace probsim
