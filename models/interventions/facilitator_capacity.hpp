#pragma once
// An interventions team's facilitator capacity (G-9), one part of the team: the hours its facilitators in
// post give sessions each week, less what never becomes sessions and what a RAG measure moves to
// sentence management (RAG-4), measured at the weekly review and when the measures change; and the hours
// each group reserves while it runs. A group starts only if its reservation fits, so starts never outrun
// the facilitators; individual sessions are covered in expectation, not session by session.

#include <span>

#include "interventions/intervention_rules.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

class PduOffice;

class FacilitatorCapacity {
 public:
  explicit FacilitatorCapacity(const FacilitationRules& rules) : rules_(rules) {}

  // Measures the week's hours from the facilitators in post in `offices`, under the measures in force
  // in each (`measures`, by the same index), and lends each office the hours redeployed from its own
  // facilitators.
  void measure(std::span<PduOffice* const> offices, std::span<const InterventionMeasures> measures);
  // The facilitator hours a week a group of `programme` needs while it runs, at full size.
  [[nodiscard]] double weekly_hours_of(const ProgrammeRules& programme, bool one_to_one,
                                       int sessions_per_week) const;
  // Whether a group reserving `hours_per_week` fits beside the groups running.
  [[nodiscard]] bool fits(double hours_per_week) const {
    return reserved_hours_per_week_ + hours_per_week <= capacity_hours_per_week_ + 1e-9;
  }
  void reserve(double hours_per_week) { reserved_hours_per_week_ += hours_per_week; }
  void release(double hours_per_week) {
    reserved_hours_per_week_ -= hours_per_week;
    if (reserved_hours_per_week_ < 1e-9) reserved_hours_per_week_ = 0.0;
  }

  [[nodiscard]] double hours_per_week() const { return capacity_hours_per_week_; }
  [[nodiscard]] double reserved_hours_per_week() const { return reserved_hours_per_week_; }
  [[nodiscard]] double redeployed_hours_per_week() const { return redeployed_hours_per_week_; }

 private:
  const FacilitationRules& rules_;
  double capacity_hours_per_week_ = 0.0;    // for sessions, measured at the weekly review
  double redeployed_hours_per_week_ = 0.0;  // to sentence management (RAG-4)
  double reserved_hours_per_week_ = 0.0;
};

}  // namespace probsim
