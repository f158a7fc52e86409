#pragma once
// The rating rule of the prioritisation framework: the status a PDU's staffing and workload call for
// (RAG-1, G-1), the hysteresis that keeps a PDU hovering at a threshold from flipping at every
// review (G-2), and the scenario's settings for both and for the measures each status switches on
// (`prioritisation`; docs/reference/scenario-keys.md). Pure arithmetic, tested without an Engine;
// RagReviewer applies it to the offices on the review cadence.
//
// No public document gives the thresholds (RAG-1, PUB-12): every number here is a scenario setting,
// with the defaults of G-1 and G-2 in scenarios/base/england_wales_defaults.yaml.

#include <array>
#include <cstddef>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "prioritisation/rag_measures.hpp"
#include "prioritisation/rag_override.hpp"
#include "prioritisation/rag_status.hpp"

namespace probsim {

// What the rule looks at on a review day.
struct RagRatingInputs {
  // Case-holding FTE in post ÷ case-holding establishment FTE × 100 (PO, PSO, PQiP; G-1's staffing
  // trigger). 100 when the establishment is 0.
  double staffing_fill_pct = 100.0;
  // The PDU's WMT capacity % at the latest weekly sample: Σ case points ÷ Σ available points of its
  // case-holding staff in post (WMT-3, G-1's c).
  double workload_pct = 0.0;
  // Consecutive weekly samples, up to and including the latest, with workload_pct above the red threshold.
  int weeks_workload_above_red = 0;
};

struct RagThresholds {
  double workload_pct_amber_above = 100.0;      // G-1: amber when c > 100%
  double workload_pct_red_above = 110.0;        // G-1, PUB-10: red when c > 110% ...
  int workload_red_consecutive_weeks = 4;       // ... for 4 consecutive weeks
  double staffing_fill_pct_amber_below = 85.0;  // G-1 [Assume]
  double staffing_fill_pct_red_below = 70.0;    // G-1 [Assume]
  // The FTE a PQiP trainee counts as in post in the staffing trigger. 1: a trainee fills a post like
  // anyone (the default); lower counts the caseload reduction WMT-5 gives trainees. The sources do not say
  // how the service counted them [Assume].
  double staffing_fill_trainee_weight = 1.0;

  // Red is the worse status, so its thresholds must be no better than amber's (keys of `prioritisation`).
  [[nodiscard]] RuleProblems check() const;
};

// The status the inputs call for now, before hysteresis: the worse of the workload and staffing ratings.
[[nodiscard]] RagStatus rate(const RagThresholds& thresholds, const RagRatingInputs& inputs);

// One PDU's status from review to review. Escalation is immediate; de-escalation goes one level at a
// time, each step only after `hysteresis_reviews` consecutive reviews calling for a lower status than the
// current one (G-2). With hysteresis_reviews = 0 the status is whatever the rule calls for at each review.
class RagHysteresis {
 public:
  explicit RagHysteresis(int hysteresis_reviews) : hysteresis_reviews_(hysteresis_reviews) {}

  // The status after a review at which the rule called for `called_for`.
  RagStatus review(RagStatus called_for);
  [[nodiscard]] RagStatus status() const { return status_; }

 private:
  int hysteresis_reviews_;
  RagStatus status_ = RagStatus::green;
  int reviews_calling_for_lower_ = 0;
};

enum class RagReviewCadence : std::uint8_t { monthly, weekly };
inline constexpr std::array<std::string_view, 2> kRagReviewCadenceNames = {"monthly", "weekly"};

struct PrioritisationRules {
  bool enabled = false;  // off: every PDU is green (BAU) throughout
  RagThresholds thresholds;
  RagReviewCadence review_cadence = RagReviewCadence::monthly;  // G-2: monthly review
  int hysteresis_reviews = 2;
  // By RagStatus. Green is BAU (RAG-17); the loader fills it from sentence management.
  std::array<RagMeasures, kRagStatusCount> measures{};
  // Cases that keep BAU contact rules (RAG-7): a set of exemption_bit()s.
  CaseExemptions exempt = 0;
  bool trainee_cases_on_bau = true;         // RAG-12: PQiP trainees' cases stay on BAU rules
  double non_compliance_probability = 0.0;  // G-29: a contact kept on BAU practice under amber/red
  // RAG-6 read with RAG-3 and RAG-7 (§10.25): a home visit is a face-to-face appointment, so under a
  // status that cuts face-to-face contact a non-exempt case's visit is made only with the share of
  // face-to-face contact the status keeps, and otherwise replaced by the remote contact the case has.
  bool home_visits_follow_face_to_face_cut = false;
  // RAG-5 calls suspending BBR starts a "suggested" measure and RAG-13 finds staff using their own
  // judgement: the chance that a PDU taking a status whose measures suspend BBR starts does suspend
  // them, decided once per status episode. 1 = always (G-13 as written).
  double bbr_suspension_followed_probability = 1.0;
  std::vector<RagOverride> overrides;  // checked by check_rag_overrides (prioritisation/rag_override.hpp)

  [[nodiscard]] const RagMeasures& measures_for(RagStatus s) const {
    return measures[static_cast<std::size_t>(s)];
  }
};

}  // namespace probsim
