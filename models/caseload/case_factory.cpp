#include "caseload/case_factory.hpp"

#include <algorithm>
#include <cmath>

namespace probsim {

bool CaseFactory::make_if_alive_on(CaseId id, CaseId draw_key, Day day, Day alive_on, Case& out) const {
  RandomStream attributes(replication_seed_, stream::kReferralAttributes, draw_key);
  out = Case{};
  out.id = id;
  out.referral_day = day;
  out.sentence_type = static_cast<SentenceType>(mix_.sentence_type(attributes));
  out.sentence_length_days = std::max<Day>(
      1, months_to_days(
             mix_.sentence_length_months[static_cast<std::size_t>(out.sentence_type)].sample(attributes)));

  // Competing exponential hazards: the earliest early exit wins if it comes before the sentence ends.
  RandomStream termination(replication_seed_, stream::kEarlyTermination, draw_key);
  out.end_day = day + out.sentence_length_days;
  out.end_reason = TerminationReason::sentence_end;
  double earliest_days = static_cast<double>(out.sentence_length_days);
  for (std::size_t r = 1; r <= kEarlyTerminationReasonCount; ++r) {
    const auto reason = static_cast<TerminationReason>(r);
    const double rate_per_day = hazards_.hazard_per_year(out.sentence_type, reason) / kDaysPerYear;
    // Draw for every reason, even zero-hazard ones, so each reason's draw stays on the same position of
    // the stream whatever the other hazards are.
    const double u = termination.uniform01();
    if (rate_per_day <= 0.0) continue;
    const double after_days = -std::log1p(-u) / rate_per_day;
    if (after_days < earliest_days) {
      earliest_days = after_days;
      out.end_reason = reason;
    }
  }
  if (out.end_reason != TerminationReason::sentence_end)
    out.end_day = day + std::max<Day>(1, static_cast<Day>(std::ceil(earliest_days)));
  if (out.end_day <= alive_on) return false;
  if (alive_on > day && !survived_stock_breach_endings(draw_key, out.sentence_type, alive_on - day))
    return false;

  out.rosh = static_cast<RoshLevel>(mix_.rosh(attributes));
  const int protect =
      static_cast<int>(mix_.tier_protect_level_by_rosh[static_cast<std::size_t>(out.rosh)](attributes));
  const int change = 3 - static_cast<int>(mix_.tier_change_level(attributes));
  out.tier = Tier::from_levels(protect, change);
  out.domestic_abuse_flag = attributes.uniform01() < mix_.domestic_abuse_share;
  out.sex = attributes.uniform01() < mix_.male_share ? Sex::male : Sex::female;

  // RAG-7 exemptions from a stream of their own: the attribute draws above are what they were before
  // these existed, and a change of exemption shares changes nothing else about the person.
  RandomStream exemptions(replication_seed_, stream::kRagExemptions, draw_key);
  for (std::size_t e = 0; e < kDrawnRagExemptions.size(); ++e)
    if (exemptions.uniform01() < mix_.rag_exemption_shares[e])
      out.rag_exemptions |= exemption_bit(kDrawnRagExemptions[e]);
  return true;
}

bool CaseFactory::survived_stock_breach_endings(CaseId draw_key, SentenceType type, Day age_days) const {
  const double rate_per_day = stock_breach_endings_[static_cast<std::size_t>(type)] / kDaysPerYear;
  if (rate_per_day <= 0.0) return true;
  // One more competing exponential ending, rounded up to a day as the hazards' are, from a stream of its
  // own: the case's other draws are what they were. Survival to `age_days` is then
  // exp(-(hazards + rate) × age), the same as with the breach-driven hazard still among the hazards.
  RandomStream ending(replication_seed_, stream::kWarmStartBreachEnding, draw_key);
  const double after_days = -std::log1p(-ending.uniform01()) / rate_per_day;
  return std::max<Day>(1, static_cast<Day>(std::ceil(after_days))) > age_days;
}

Case CaseFactory::make(CaseId id, CaseId draw_key, Day day) const {
  Case c;
  make_if_alive_on(id, draw_key, day, day, c);  // a case always lives past its referral day
  return c;
}

}  // namespace probsim
