#pragma once
// The workforce actor: one long-lived SimGrid actor per region that sleeps until the next staff event
// on its agenda (a leaver, a recruit arriving, a trainee qualifying, a sickness episode) and applies
// every event of that day. It acts at the very start of day d (time d), before the region's offices do
// the day's casework (time d + 0.25), so a leaver's cases are reallocated before new referrals arrive.

#include "core/calendar_date.hpp"
#include "workforce/region_workforce.hpp"

namespace probsim {

class WorkforceActor {
 public:
  WorkforceActor(RegionWorkforce& workforce, Day last_day) : workforce_(workforce), last_day_(last_day) {}
  void operator()() const;

 private:
  RegionWorkforce& workforce_;
  Day last_day_;
};

}  // namespace probsim
