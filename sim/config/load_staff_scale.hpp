#pragma once
// `staffing_plan.staff_scale` (issue 20, "policy levers in one key"): scale the staff in post of one
// grade nationally, in a region or in a PDU, for a what-if or a sweep, without rewriting every PDU's
// staff list. Applied by the loader to the staff lists at the report start; the establishment is not
// changed, so a cut leaves vacancies (which recruitment fills only as the staffing plan says) and a
// rise fills them or goes above it. Documented in docs/staff-scale.md.

#include <vector>

#include "config/field_reader.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// The headcounts of one grade's staff groups in one PDU after scaling the PDU's total by `factor`: the
// total is rounded to the nearest person (halves up) and shared over the groups in proportion to
// their headcounts, the people left by rounding down going to the largest remainders (the earlier
// group on a tie). So 10 POs at 0.9 are 9, and 6 full-time + 2 part-time at 0.5 are 3 + 1.
[[nodiscard]] std::vector<int> scaled_headcounts(const std::vector<int>& headcounts, double factor);

// Reads the optional `staff_scale` list of `staffing_plan` and applies it to `s.regions`' staff
// (which must already be read). Entries that cover the same PDU and grade multiply.
void read_staff_scale(FieldReader& plan, Scenario& s);

}  // namespace probsim
