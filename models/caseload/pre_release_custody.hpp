#pragma once
// Licence cases held before release (WMT-1, issue 19). The case lifecycle runs "CUSTODY → PRE-RELEASE
// (community practitioner allocated)" before the licence starts, and the WMT counts the custody cases a
// practitioner holds at the custody points of WMT-1 (A3 75 … D1 13). With
// `allocation.licence_allocated_before_release_weeks: L`, a licence case that starts (is referred) on day
// d is allocated on day d − L to a practitioner who holds it at its custody points until d; on d the
// licence case goes to the same practitioner if they can still take it (continuity), otherwise by the
// allocation rule. Tasks start at release, as before: only the WMT measure and allocation see the hold.
//
// L is [Assume]: TS-8 says only that reallocation 3 months before release was "later than ideal", and
// 4.21/4.22 that some licence cases were allocated just before release. The ledger below is the holds;
// PduOffice adds and removes their points on the holders.

#include <optional>
#include <unordered_map>
#include <vector>

#include "caseload/case.hpp"

namespace probsim {

struct CustodyHold {
  Case c;  // the licence case as it will be referred on its release day (c.referral_day)
  PractitionerIndex holder = kUnallocated;
  double points_per_week = 0.0;  // WMT-1 custody points of the case's tier
};

class PreReleaseCustody {
 public:
  explicit PreReleaseCustody(Day lead_days = 0) : lead_days_(lead_days) {}

  [[nodiscard]] Day lead_days() const { return lead_days_; }
  [[nodiscard]] bool enabled() const { return lead_days_ > 0; }
  [[nodiscard]] std::size_t size() const { return holds_.size(); }

  void add(const CustodyHold& hold) { holds_[hold.c.id] = hold; }
  [[nodiscard]] const CustodyHold* find(CaseId id) const {
    const auto it = holds_.find(id);
    return it == holds_.end() ? nullptr : &it->second;
  }
  template <typename Visit>
  void for_each(Visit visit) const {
    for (const auto& entry : holds_) visit(entry.second);
  }

  // The hold of case `id`, removed from the ledger; none if the case was not held before release.
  [[nodiscard]] std::optional<CustodyHold> release(CaseId id);

  // Every hold of `who`, removed from the ledger, in case-id order (so reallocating them never depends
  // on the hash table's order).
  [[nodiscard]] std::vector<CustodyHold> take_holds_of(PractitionerIndex who);

  // Σ points of the holds of `who` (for the tests' conservation check).
  [[nodiscard]] double points_held_by(PractitionerIndex who) const;
  [[nodiscard]] std::size_t holds_of(PractitionerIndex who) const;

 private:
  Day lead_days_;
  std::unordered_map<CaseId, CustodyHold> holds_;
};

}  // namespace probsim
