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

 private:
  const CaseMix& mix_;
  const EarlyTerminationHazards& hazards_;
  std::uint64_t replication_seed_;
};

}  // namespace probsim
