#pragma once
// Warnings about points of a sweep that resolve to one scenario: a point's values all equal to what its
// scenario file already says (`points: [{}, {staff.0.headcount: 5}]` over a file whose headcount is 5)
// differ in name only. Under common random numbers each runs the same replications as the other, the same
// results twice; under independent seeds they are the same scenario twice, read as two. The check compares
// the points' merged trees (LoadedPoint::resolved), so a value spelt another way (5 and 5.0) is a
// difference, as it is to the loader's reading of the text; and a key a point adds whose value equals a
// default the file leaves out is one too. Both are the safe side: no points are merged, only named.

#include <string>
#include <vector>

#include "config/sweep_loader.hpp"

namespace probsim {

[[nodiscard]] std::vector<std::string> identical_point_warnings(const SweepSpec& sweep,
                                                                const std::vector<LoadedPoint>& points);

}  // namespace probsim
