#pragma once
// What a PDU office tells an object above it that follows its cases: that a case started or ended, and
// which interventions measures its RAG status puts in force. The interventions team serving the office
// implements it, so the office layer never includes the interventions layer (docs/architecture.md).
//
// The office calls it through SharedNotices, in the order a single thread running the offices one after
// another would, and never during another office's day.

#include <cstdint>

#include "caseload/case.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

class CaseListener {
 public:
  virtual ~CaseListener() = default;
  // Whether the listener needs to hear that `c` started or ended; when false the office sends neither
  // notice (for the interventions team, 70% of cases; their notices were a tenth of the national run's
  // serial time).
  [[nodiscard]] virtual bool hears_of_case(const Case& c) const = 0;
  // Case `c` began on `day` in slot `case_slot` of the listener's office `office` (`initial`: placed by
  // the warm start; its order began on its referral day). `draw_key` keys the draws about the person.
  virtual void case_started(std::uint32_t office, std::uint32_t case_slot, const Case& c, CaseId draw_key,
                            Day day, bool initial) = 0;
  // The case's order ended on `day` for `reason`. `c`, if given, is the case as it ended: by the time a
  // deferred notice arrives its office slot may hold another case.
  virtual void case_ended(CaseId id, TerminationReason reason, Day day, const Case* c) = 0;
  // The interventions measures now in force in the listener's office `office`.
  virtual void set_measures(std::uint32_t office, const InterventionMeasures& measures) = 0;

 protected:
  CaseListener() = default;
  CaseListener(const CaseListener&) = default;
  CaseListener& operator=(const CaseListener&) = default;
  CaseListener(CaseListener&&) = default;
  CaseListener& operator=(CaseListener&&) = default;
};

}  // namespace probsim
