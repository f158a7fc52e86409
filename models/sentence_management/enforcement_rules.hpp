#pragma once
// Supervision to National Standards (issue 24): what happens at an appointment and after an absence. A
// contact the practitioner delivers is an appointment offered; the person keeps it or misses it,
// acceptably or not. The practitioner judges each absence (hours), warns after an unacceptable one, and
// starts breach action after the number of unacceptable failures the standards set, within a deadline in
// working days (3a.2). The court then continues the order or ends it as the sentence type allows.
// Read from the scenario's `enforcement` block (docs/national_standards.md); absent, none of this is
// simulated and no draw is made.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "caseload/case_attributes.hpp"
#include "core/calendar_date.hpp"
#include "core/rule_problems.hpp"
#include "sentence_management/enforcement_warm_start.hpp"
#include "sentence_management/first_weeks_standard.hpp"

namespace probsim {

// What the court (or, on licence, the recall process) decides on a breach.
enum class CourtOutcome : std::uint8_t {
  order_continued,   // with more requirements: the case stays under supervision
  order_revoked,     // community order revoked and the person resentenced
  sso_activated,     // suspended sentence activated: prison
  licence_recalled,  // recall to custody
};
inline constexpr std::size_t kCourtOutcomeCount = 4;
inline constexpr std::array<std::string_view, kCourtOutcomeCount> kCourtOutcomeNames = {
    "order_continued", "order_revoked", "sso_activated", "licence_recalled"};

// The outcome that ends an order of `type` (how a breach acted on ends each kind of sentence).
[[nodiscard]] constexpr CourtOutcome ending_outcome(SentenceType type) {
  switch (type) {
    case SentenceType::community_order:
      return CourtOutcome::order_revoked;
    case SentenceType::suspended_sentence_order:
      return CourtOutcome::sso_activated;
    case SentenceType::licence:
      return CourtOutcome::licence_recalled;
  }
  return CourtOutcome::order_revoked;
}

// Why the case leaves the caseload after an outcome that ends it (the existing termination reasons).
[[nodiscard]] constexpr TerminationReason termination_reason_of(CourtOutcome outcome) {
  switch (outcome) {
    case CourtOutcome::sso_activated:
      return TerminationReason::activation;
    case CourtOutcome::licence_recalled:
      return TerminationReason::recall;
    case CourtOutcome::order_revoked:
    case CourtOutcome::order_continued:
      break;
  }
  return TerminationReason::breach;
}

struct EnforcementRules {
  bool enabled = false;

  // Per appointment, by SentenceType: the probability the person misses it with an acceptable reason,
  // and without one; kept otherwise. The two sum to at most 1.
  std::array<double, 3> missed_acceptable_share{};
  std::array<double, 3> missed_unacceptable_share{};

  // Attendance by case attributes (issue 24 item 1), [Assume]: the unacceptable share of a sentence type
  // is multiplied by its RoSH level's multiplier, and by `early_stage_unacceptable_multiplier` in the
  // first `early_stage_weeks` of supervision (days [start, start + weeks x 7)). No source gives absence
  // rates by RoSH or by stage (docs/national_standards.md); 1 and 0 weeks leave the draw as it was.
  std::array<double, 4> unacceptable_multiplier_by_rosh{1.0, 1.0, 1.0, 1.0};
  double early_stage_weeks = 0.0;
  double early_stage_unacceptable_multiplier = 1.0;
  // Poor attenders (2c.1: 70% attended all or nearly all appointments): a case is one with probability
  // `share`, drawn once; its unacceptable share is multiplied by `unacceptable_multiplier`, and every
  // other case's by (1 - share x multiplier) / (1 - share), so the mean over cases is unchanged. The
  // multiplier is [Assume], at most 1 / share. A share of 0 draws nothing.
  struct PoorAttenders {
    double share = 0.0;
    double unacceptable_multiplier = 1.0;
    [[nodiscard]] bool enabled() const { return share > 0.0; }
    [[nodiscard]] double multiplier(bool poor) const {
      return poor ? unacceptable_multiplier : (1.0 - share * unacceptable_multiplier) / (1.0 - share);
    }
  } poor_attenders;

  [[nodiscard]] Day early_stage_days() const { return static_cast<Day>(early_stage_weeks * 7.0 + 0.5); }
  // The unacceptable-absence share of an appointment of a case of `type` and `rosh`, in or after the
  // early stage. Multiplying by 1 leaves the share bit for bit as it was.
  // `poor`: the case is a poor attender (ignored unless poor_attenders is enabled).
  [[nodiscard]] double unacceptable_share(SentenceType type, RoshLevel rosh, bool early_stage,
                                          bool poor = false) const {
    double share = missed_unacceptable_share[static_cast<std::size_t>(type)] *
                   unacceptable_multiplier_by_rosh[static_cast<std::size_t>(rosh)];
    if (early_stage) share *= early_stage_unacceptable_multiplier;
    if (poor_attenders.enabled()) share *= poor_attenders.multiplier(poor);
    return share;
  }

  // The two missed shares of each sentence type sum to at most 1, for every RoSH level and stage (keys
  // of `enforcement`); one problem per sentence type.
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
      if (missed_acceptable_share[t] + missed_unacceptable_share[t] > 1.0 + 1e-9)
        problems.push_back({"appointments.missed_unacceptable_share",
                            "missed_acceptable_share + missed_unacceptable_share of " +
                                std::string(kSentenceTypeNames[t]) + " exceeds 1"});
      else if (auto problem = attendance_problem(static_cast<SentenceType>(t)))
        problems.push_back(*std::move(problem));
    }
    if (poor_attenders.enabled() &&
        poor_attenders.share * poor_attenders.unacceptable_multiplier > 1.0 + 1e-9)
      problems.push_back({"appointments.poor_attenders.unacceptable_multiplier",
                          "share x unacceptable_multiplier exceeds 1: the other cases' unacceptable share "
                          "would be negative"});
    add_problems(problems, "warm_start", warm_start.check());
    return problems;
  }
  // The practitioner records each absence and judges it (hours, due within a few working days).
  double absence_judgement_hours = 0.0;
  int absence_judgement_due_working_days = 2;
  // Share of unacceptable absences the practitioner judges unacceptable and acts on (8.2; AR-15); the
  // rest are accepted and never counted towards breach.
  double unacceptable_judged_share = 1.0;
  // The unacceptable failure that starts breach action (the 2nd: one warning first); each earlier one
  // gets a warning of `warning_hours`.
  int unacceptable_failures_to_breach = 2;
  double warning_hours = 0.0;
  // Breach action: laying the information, due within this many working days of the failure (3a.2).
  double breach_action_hours = 0.0;
  int breach_action_due_working_days = 10;

  // The court's decision, by SentenceType: the share of breaches that end the order (revocation,
  // activation or recall; the rest continue, with more requirements), and the weeks from breach action
  // to the decision. After an order continues, failures count again from zero.
  std::array<double, 3> order_ended_share{};
  std::array<double, 3> decision_lag_weeks{};
  // A continued order is continued "with more requirements" (issue 24): the court lengthens it by this
  // many weeks from its decision day on, by SentenceType (0: the order keeps its end day).
  std::array<double, 3> continued_extension_weeks{};
  // ... and, by SentenceType [Assume], supervised more closely for the rest of the order: every contact
  // window opening on or after the decision day is this many times shorter (a contact-frequency uplift;
  // 1 = no change). A second continuation does not compound it.
  std::array<double, 3> continued_contact_frequency_multiplier{1.0, 1.0, 1.0};

  // Feedback [Assume]: after breach action completed late, the person's later unacceptable-absence
  // probability is multiplied by this (1 = no effect): slow enforcement weakens compliance.
  double late_breach_unacceptable_multiplier = 1.0;

  // A warm start that carries enforcement state (enforcement_warm_start.hpp); off unless configured.
  EnforcementWarmStart warm_start;
  // Appointments offered in the first weeks of an order (3a.3, SDA-10); off unless configured.
  FirstWeeksStandard first_weeks_standard;

 private:
  // The first RoSH level and stage at which the multiplied unacceptable share of `type` leaves no room
  // for its acceptable share, named by the key that made it so.
  [[nodiscard]] std::optional<RuleProblem> attendance_problem(SentenceType type) const {
    const double acceptable = missed_acceptable_share[static_cast<std::size_t>(type)];
    for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r)
      for (const bool early : {false, true}) {
        const double share = unacceptable_share(type, static_cast<RoshLevel>(r), early, true);
        if (acceptable + share <= 1.0 + 1e-9) continue;
        const bool by_stage = early && early_stage_unacceptable_multiplier > 1.0;
        // The class multiplier is to blame when the share would fit without it.
        const bool by_class =
            poor_attenders.enabled() && acceptable + share / poor_attenders.multiplier(true) <= 1.0 + 1e-9;
        return RuleProblem{by_stage   ? "appointments.early_stage_unacceptable_multiplier"
                           : by_class ? "appointments.poor_attenders.unacceptable_multiplier"
                                      : "appointments.unacceptable_multiplier_by_rosh",
                           "the unacceptable share of " +
                               std::string(kSentenceTypeNames[static_cast<std::size_t>(type)]) + " at RoSH " +
                               std::string(kRoshLevelNames[r]) + (early ? " in the early stage" : "") +
                               (poor_attenders.enabled() ? " for a poor attender" : "") + " is " +
                               describe_number(share) + ", above 1 - missed_acceptable_share"};
      }
    return std::nullopt;
  }
};

}  // namespace probsim
