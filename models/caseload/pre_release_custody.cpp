#include "caseload/pre_release_custody.hpp"

#include <algorithm>

namespace probsim {

std::optional<CustodyHold> PreReleaseCustody::release(CaseId id) {
  const auto it = holds_.find(id);
  if (it == holds_.end()) return std::nullopt;
  const CustodyHold hold = it->second;
  holds_.erase(it);
  return hold;
}

std::vector<CustodyHold> PreReleaseCustody::take_holds_of(PractitionerIndex who) {
  std::vector<CustodyHold> taken;
  for (const auto& [id, hold] : holds_)
    if (hold.holder == who) taken.push_back(hold);
  std::sort(taken.begin(), taken.end(),
            [](const CustodyHold& a, const CustodyHold& b) { return a.c.id < b.c.id; });
  for (const CustodyHold& hold : taken) holds_.erase(hold.c.id);
  return taken;
}

double PreReleaseCustody::points_held_by(PractitionerIndex who) const {
  double points = 0.0;
  for (const auto& [id, hold] : holds_)
    if (hold.holder == who) points += hold.points_per_week;
  return points;
}

std::size_t PreReleaseCustody::holds_of(PractitionerIndex who) const {
  return static_cast<std::size_t>(std::count_if(
      holds_.begin(), holds_.end(), [&](const auto& entry) { return entry.second.holder == who; }));
}

}  // namespace probsim
