#pragma once
// Draws a referral's attributes and its termination, each from the stream keyed by its case id, so the
// person is the same in every scenario that shares the case mix (common random numbers).

#include "caseload/case_mix.hpp"

namespace probsim {

class CaseFactory {
 public:
  CaseFactory(const CaseMix& mix, const EarlyTerminationHazards& hazards, std::uint64_t replication_seed)
      : mix_(mix), hazards_(hazards), replication_seed_(replication_seed) {}

  // A whole case referred on `day`. Its draws are keyed by `draw_key`: normally the case's own id, but
  // a PDU paired with another (`paired_with`) draws with the other PDU's keys, to see the same people.
  [[nodiscard]] Case make(CaseId id, CaseId draw_key, Day day) const;

  // The same case, but stops drawing once it is known to have ended before `alive_on`; returns false
  // then. Building the warm-start caseload uses this to skip the attributes of people long gone.
  bool make_if_alive_on(CaseId id, CaseId draw_key, Day day, Day alive_on, Case& out) const;

  // The replication's seed, for the office's other draws about a case (the allocation rule's).
  [[nodiscard]] std::uint64_t replication_seed() const { return replication_seed_; }

  // Early endings by SentenceType (a case-year) that a case referred before `alive_on` must also have
  // survived to be alive then, though the hazards no longer end it (an enforcement warm start,
  // sentence_management/enforcement_warm_start.hpp: the breach-driven endings the enforcement process
  // now produces). All 0 by default: no draw is made and the stock is the hazards' alone.
  void set_stock_breach_endings_per_year(const std::array<double, 3>& rates) {
    stock_breach_endings_ = rates;
  }

 private:
  // Whether a case of `type` referred `age_days` before the day it must be alive on survived the
  // stock's breach-driven endings (set_stock_breach_endings_per_year).
  [[nodiscard]] bool survived_stock_breach_endings(CaseId draw_key, SentenceType type, Day age_days) const;

  const CaseMix& mix_;
  const EarlyTerminationHazards& hazards_;
  std::uint64_t replication_seed_;
  std::array<double, 3> stock_breach_endings_{};
};

}  // namespace probsim
