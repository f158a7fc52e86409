#pragma once
// A warm start that carries enforcement state (issue 24 item 2; docs/national_standards.md#warm-start,
// docs/validation/11-national-standards.md §11.5). A steady-state stock built from the hazards alone knows
// nothing of enforcement: with the breach-driven hazards split off it is too large (nobody in it was ever
// breached out), and every case starts with no failures, so breach endings ramp up over a year. With
// `enforcement.warm_start` the stock is drawn with the survival the enforcement path is meant to reproduce
// (the remaining hazards and, per sentence type, the breach-driven rate the split replaced; CaseFactory),
// and each case whose supervision began before the simulation starts with the unacceptable failures a
// case of its age would have counted (this file).

#include <array>
#include <cstdint>
#include <vector>

#include "core/rule_problems.hpp"

namespace probsim {

struct EnforcementWarmStart {
  bool enabled = false;
  // By SentenceType, a case-year: the breach-driven early endings the enforcement path stands for, which
  // the stock of day 0 must have survived as well as the remaining hazards (§11.3's replaced hazards).
  std::array<double, 3> breach_endings_per_year{};
  // Share of the contact schedule's appointments delivered before the simulation (§10.3's measure).
  double contacts_delivered_share = 1.0;

  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    if (enabled && contacts_delivered_share <= 0.0)
      problems.push_back({"contacts_delivered_share", "must be above 0 when the warm start carries state"});
    return problems;
  }
};

// The distribution of the counted unacceptable failures (0 .. failures_to_breach - 1) of a case alive and
// with no breach pending after supervision of `expected_failures` (Λ) counted failures on average.
// Counted failures before the simulation are taken as Poisson(Λ), Λ = appointments offered × delivered
// share × unacceptable share × judged share. Every `failures_to_breach`-th failure is a breach that ends
// the order with probability `order_ended_share` (e) and otherwise restarts the count, so of N failures
// the case keeps N mod k and survived its floor(N/k) breaches with probability (1-e)^floor(N/k):
//   P(state j | alive) ∝ Σ_m Poisson(mk + j; Λ) (1-e)^m.
// For k = 2 and e = 1 this is P(1) = Λ/(1+Λ); for k = 2 in general
//   P(1) = sinh(Λ√q)/√q / (cosh(Λ√q) + sinh(Λ√q)/√q), q = 1-e.
// Approximations: failures Poisson, not binomial over the appointments; the time a breach is pending
// (action and court) is ignored, as are the hazards' dependence on failures (none) and late enforcement.
[[nodiscard]] std::vector<double> warm_start_failure_distribution(double expected_failures,
                                                                  int failures_to_breach,
                                                                  double order_ended_share);

// The counted failures drawn from `uniform01` by inverting the distribution above.
[[nodiscard]] int draw_warm_start_failures(double expected_failures, int failures_to_breach,
                                           double order_ended_share, double uniform01);

}  // namespace probsim
