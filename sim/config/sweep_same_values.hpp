#pragma once
// When a sweep gives one value twice: a grid parameter's list of values (sweep_loader.cpp), and two points
// that set the same values in the same scenario (sweep_points.cpp). Values are compared as the scenario
// reader reads them: a number by its value, so 6, 6.0, 6.00 and 6e0 (or 10 and 1e1) are one value, since
// they set a setting to one number, and compared as text they made two points that ran the same scenario
// twice; anything that is not a number (a date, a name, true) by its text. A quoted "6" is the number 6
// too: the loader keeps no quotes (ConfigNode holds a scalar's text alone) and the reader reads "6" as 6.
// A map is one value whatever the order of its keys.

#include <map>
#include <optional>
#include <string>

#include "config/config_node.hpp"
#include "config/sweep_loader.hpp"

namespace probsim {

// The value as one line in which each number is written one way: equal for values that set the same.
[[nodiscard]] std::string same_value_key(const ConfigNode& value);

// A point's scenario and values, with same_value_key's values: equal for points that are the same point.
// (SweepPoint::identity keeps the values as written: an independent point's seed is derived from it.)
[[nodiscard]] std::string same_point_key(const SweepPoint& point, const SweepSpec& sweep);

// The values of one list, in order, each told whether it was listed before.
class ValuesSeen {
 public:
  // Nothing the first time a value is seen; after, why it is a repeat: "the value 6.0 is listed twice
  // (first at line 4, as 6)", naming the first's spelling when it differs. `value` must outlive this.
  [[nodiscard]] std::optional<std::string> repeat(const ConfigNode& value);

 private:
  std::map<std::string, const ConfigNode*> first_;  // by same_value_key
};

}  // namespace probsim
