#include "office/rag_reviewer.hpp"

#include <limits>

#include "core/random_stream.hpp"

namespace probsim {

namespace {
constexpr Day kDaysBetweenSamples = 7;
}

RagReviewer::RagReviewer(const PrioritisationRules& rules, std::vector<PduOffice*> offices,
                         CalendarDate day_zero, std::uint64_t replication_seed)
    : rules_(rules), offices_(std::move(offices)), day_zero_(day_zero), replication_seed_(replication_seed) {
  pdus_.assign(offices_.size(), PduState{RagHysteresis(rules_.hysteresis_reviews), RagRatingInputs{}});
}

double RagReviewer::staffing_fill_pct(const PduOffice& office, double trainee_weight) {
  double in_post = 0.0, establishment = 0.0;
  for (Grade g : kCaseHoldingGrades) {
    in_post += office.in_post_fte(g) * (g == Grade::pqip ? trainee_weight : 1.0);
    establishment += office.establishment_fte(g);
  }
  return establishment > 0.0 ? 100.0 * in_post / establishment : 100.0;
}

double RagReviewer::workload_pct(const PduOffice& office) {
  // Staff off long-term sick keep their points (if their cases were not reallocated) but give none. The
  // rules' measure: without the WMT refresh's weighting unless the scenario says otherwise (§10.14).
  double points = 0.0, available = 0.0;
  for (const Practitioner& p : office.staff()) {
    if (!p.in_post || !holds_cases(p.grade)) continue;
    points += p.workload_points();
    available += p.available_points_per_week * p.weighting_not_in_rules;
  }
  if (available > 0.0) return 100.0 * points / available;
  return points > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

bool RagReviewer::is_review_day(Day day) const {
  if (day == 0) return true;
  if (rules_.review_cadence == RagReviewCadence::weekly) return day % kDaysBetweenSamples == 0;
  return day_zero_.plus_days(day).day == 1;
}

const RagOverride* RagReviewer::override_on(std::size_t pdu, Day day) const {
  const CalendarDate today = day_zero_.plus_days(day);
  for (const RagOverride& o : rules_.overrides)
    if (o.pdu == pdu && !(today < o.from) && !(o.to < today)) return &o;
  return nullptr;
}

RagMeasures RagReviewer::measures_taken(std::size_t pdu, RagStatus status, Day day) const {
  RagMeasures measures = rules_.measures_for(status);
  if (measures.interventions.bbr_new_starts_suspended && rules_.bbr_suspension_followed_probability < 1.0) {
    // Drawn only when the measure is in question, so a scenario at 1 makes no draw at all.
    RandomStream draw(replication_seed_, stream::kRagSuspensionFollowed,
                      (static_cast<std::uint64_t>(pdu) << 32) | static_cast<std::uint32_t>(day));
    if (draw.uniform01() >= rules_.bbr_suspension_followed_probability)
      measures.interventions.bbr_new_starts_suspended = false;
  }
  return measures;
}

void RagReviewer::run_day(Day day) {
  const bool sample_day = day % kDaysBetweenSamples == 0;
  const bool review_day = is_review_day(day);
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    PduOffice& office = *offices_[i];
    PduState& pdu = pdus_[i];
    if (sample_day) {
      pdu.inputs.workload_pct = workload_pct(office);
      pdu.inputs.weeks_workload_above_red = pdu.inputs.workload_pct > rules_.thresholds.workload_pct_red_above
                                                ? pdu.inputs.weeks_workload_above_red + 1
                                                : 0;
    }
    if (review_day) {
      pdu.inputs.staffing_fill_pct =
          staffing_fill_pct(office, rules_.thresholds.staffing_fill_trainee_weight);
      pdu.hysteresis.review(rate(rules_.thresholds, pdu.inputs));
    }
    const RagOverride* held = override_on(i, day);
    const RagStatus status = held != nullptr ? held->status : pdu.hysteresis.status();
    if (status != office.rag_status() || day == 0)
      office.set_rag_status(status, measures_taken(i, status, day));
  }
}

}  // namespace probsim
