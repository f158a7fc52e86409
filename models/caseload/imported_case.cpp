#include "caseload/imported_case.hpp"

#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"

namespace probsim {

Case make_imported_case(const ImportedCaseRow& row, CaseId id, CaseId draw_key, Day first_day,
                        const CaseMix& mix, const EarlyTerminationHazards& hazards,
                        std::uint64_t replication_seed) {
  Case c;
  c.id = id;
  c.referral_day = row.sentence_start_day;
  c.sentence_type = row.sentence_type;
  c.sentence_length_days = std::max<Day>(1, row.expected_end_day - row.sentence_start_day);
  c.rosh = row.rosh;
  c.tier = row.tier;
  c.domestic_abuse_flag = row.domestic_abuse_flag;
  c.sex = row.sex;
  c.end_day = row.expected_end_day;
  c.end_reason = TerminationReason::sentence_end;

  // As CaseFactory does, one draw per reason whatever its hazard, so each keeps its stream position.
  RandomStream termination(replication_seed, stream::kEarlyTermination, draw_key);
  double earliest_days = static_cast<double>(row.expected_end_day - first_day);
  for (std::size_t r = 1; r <= kEarlyTerminationReasonCount; ++r) {
    const auto reason = static_cast<TerminationReason>(r);
    const double rate_per_day = hazards.hazard_per_year(c.sentence_type, reason) / kDaysPerYear;
    const double u = termination.uniform01();
    if (rate_per_day <= 0.0) continue;
    const double after_days = -std::log1p(-u) / rate_per_day;
    if (after_days < earliest_days) {
      earliest_days = after_days;
      c.end_reason = reason;
    }
  }
  if (c.end_reason != TerminationReason::sentence_end)
    c.end_day = first_day + std::max<Day>(1, static_cast<Day>(std::ceil(earliest_days)));

  RandomStream exemptions(replication_seed, stream::kRagExemptions, draw_key);
  for (std::size_t e = 0; e < kDrawnRagExemptions.size(); ++e)
    if (exemptions.uniform01() < mix.rag_exemption_shares[e])
      c.rag_exemptions |= exemption_bit(kDrawnRagExemptions[e]);
  return c;
}

}  // namespace probsim
