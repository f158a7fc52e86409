#pragma once
// Reviews every PDU's RAG status on the scenario's cadence and sets the status, and with it the measures
// in force, on each office (the prioritisation actor's model). Each day, before the offices
// work: on sample days (every 7th day from day 0) it samples each PDU's WMT workload; on review days
// (the first of each month, or every sample day under a weekly cadence, and day 0) it rates each PDU
// (RagPolicy) through its hysteresis; and every day it applies any override in force.

#include <vector>

#include "office/pdu_office.hpp"
#include "prioritisation/rag_policy.hpp"

namespace probsim {

class RagReviewer {
 public:
  // `offices` in scenario order (the index overrides name); `day_zero` is the date of day 0;
  // `replication_seed` keys the PDUs' draws on whether they follow a suggested measure.
  RagReviewer(const PrioritisationRules& rules, std::vector<PduOffice*> offices, CalendarDate day_zero,
              std::uint64_t replication_seed);

  // The day's sample, review and overrides; call at the start of `day`, after staff changes and before
  // the offices' work. Days must come in increasing order.
  void run_day(Day day);

  // What the rule says for PDU `i` now, ignoring overrides (tests).
  [[nodiscard]] RagStatus rule_status(std::size_t i) const { return pdus_[i].hysteresis.status(); }
  // The inputs of PDU `i` at its last review (tests).
  [[nodiscard]] const RagRatingInputs& last_inputs(std::size_t i) const { return pdus_[i].inputs; }

  [[nodiscard]] static double staffing_fill_pct(const PduOffice& office, double trainee_weight = 1.0);
  [[nodiscard]] static double workload_pct(const PduOffice& office);

 private:
  struct PduState {
    RagHysteresis hysteresis;
    RagRatingInputs inputs;
  };
  [[nodiscard]] bool is_review_day(Day day) const;
  [[nodiscard]] const RagOverride* override_on(std::size_t pdu, Day day) const;
  // The measures PDU `pdu` takes on entering `status` on `day`: the status's, less the BBR suspension
  // when the PDU does not follow it (bbr_suspension_followed_probability).
  [[nodiscard]] RagMeasures measures_taken(std::size_t pdu, RagStatus status, Day day) const;

  const PrioritisationRules& rules_;
  std::vector<PduOffice*> offices_;
  CalendarDate day_zero_;
  std::uint64_t replication_seed_;
  std::vector<PduState> pdus_;
};

}  // namespace probsim
