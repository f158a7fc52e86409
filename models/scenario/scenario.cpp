#include "scenario/scenario.hpp"

#include <algorithm>

namespace probsim {

Day Scenario::longest_sentence_days() const {
  double longest_months = 0.0;
  for (const auto& length : caseload.case_mix.sentence_length_months)
    longest_months = std::max(longest_months, length.max());
  for (const auto& region : regions)
    for (const auto& pdu : region.pdus)
      if (pdu.case_mix)
        for (const auto& length : pdu.case_mix->sentence_length_months)
          longest_months = std::max(longest_months, length.max());
  return months_to_days(longest_months) + 1;
}

}  // namespace probsim
