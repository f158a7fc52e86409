#include "runner/defeated_setting_warnings.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "output/csv.hpp"

namespace probsim {

namespace {

// The longest order any case can be given: the top of each drawn sentence type's length, over the
// national case mix and every PDU's own.
Day longest_order_days(const Scenario& s) {
  Day longest = 0;
  const auto consider = [&](const CaseMix& mix) {
    for (std::size_t t = 0; t < mix.sentence_length_months.size(); ++t)
      if (t < mix.sentence_type.size() && mix.sentence_type.weights()[t] > 0.0)
        longest = std::max(longest, months_to_days(mix.sentence_length_months[t].max()));
  };
  consider(s.caseload.case_mix);
  for (const RegionSpec& region : s.regions)
    for (const PduSpec& pdu : region.pdus)
      if (pdu.case_mix) consider(*pdu.case_mix);
  return longest;
}

// "1096 days (156 whole weeks)".
std::string in_weeks(Day days) {
  return std::to_string(days) + " days (" + std::to_string(days / 7) + " whole weeks)";
}

// A PDU drawing from its twin's streams with another referral rate: the arrival days, and so the people,
// part after the first referral, and the pair no longer differs only by what the user set apart.
void pairing_warnings(const Scenario& s, std::vector<std::string>& warnings) {
  for (std::size_t pdu = 0; pdu < s.pdu_count(); ++pdu) {
    const PduSpec& spec = s.pdu_at(pdu);
    if (!spec.paired_with) continue;
    const PduSpec& twin = s.pdu_at(*spec.paired_with);
    const ReferralRate &a = spec.referrals, &b = twin.referrals;
    if (a.per_week == b.per_week && a.trend_fraction_per_year == b.trend_fraction_per_year &&
        a.seasonality_multiplier == b.seasonality_multiplier)
      continue;
    warnings.push_back("PDU " + spec.name + " is paired_with " + twin.name +
                       ", but their referrals differ (" +
                       (a.per_week != b.per_week
                            ? format_number(a.per_week) + " and " + format_number(b.per_week) + " a week"
                            : std::string("in trend or seasonality")) +
                       "): the two are not referred the same people on the same days, so the pair is not the "
                       "like-for-like comparison paired_with is for. Give both the same referrals, or remove "
                       "paired_with.");
  }
}

// A sentence type whose every appointment is missed: nobody of it attends, and if every miss is
// acceptable nobody is warned or breached either. Judged at the least-missing case the multipliers make
// (a RoSH level the case mix draws, the early stage if it lasts a day, a poor attender or not): a base
// sum of 1 that a multiplier below 1 lowers for some cases leaves them attending.
void attendance_warnings(const Scenario& s, std::vector<std::string>& warnings) {
  const EnforcementRules& r = s.caseload.sentence_management.enforcement;
  if (!r.enabled) return;
  // The RoSH levels a case can be drawn at, over the national case mix and every PDU's own. (A snapshot's
  // cases may carry any level; their attendance is the same rule.)
  std::array<bool, kRoshLevelNames.size()> rosh_drawn{};
  const auto consider = [&](const CaseMix& mix) {
    for (std::size_t level = 0; level < rosh_drawn.size() && level < mix.rosh.size(); ++level)
      rosh_drawn[level] = rosh_drawn[level] || mix.rosh.weights()[level] > 0.0;
  };
  consider(s.caseload.case_mix);
  for (const RegionSpec& region : s.regions)
    for (const PduSpec& pdu : region.pdus)
      if (pdu.case_mix) consider(*pdu.case_mix);
  if (s.snapshot) rosh_drawn.fill(true);
  for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
    const auto type = static_cast<SentenceType>(t);
    double least = 1.0;  // the smallest unacceptable share any case of the type meets
    for (std::size_t rosh = 0; rosh < kRoshLevelNames.size(); ++rosh)
      for (const bool early : {false, true})
        for (const bool poor : {false, true}) {
          if (!rosh_drawn[rosh] || (early && r.early_stage_days() <= 0) ||
              (poor && !r.poor_attenders.enabled()))
            continue;
          least = std::min(least, r.unacceptable_share(type, static_cast<RoshLevel>(rosh), early, poor));
        }
    if (r.missed_acceptable_share[t] + least < 1.0 - 1e-9) continue;
    const std::string name(kSentenceTypeNames[t]);
    warnings.push_back(
        "enforcement.appointments: missed_acceptable_share." + name + " (" +
        format_number(r.missed_acceptable_share[t]) + ") and missed_unacceptable_share." + name + " (" +
        format_number(r.missed_unacceptable_share[t]) + "), with the multipliers of every RoSH level and " +
        "stage, leave no appointment kept: nobody on a " + name + " attends one" +
        (r.missed_acceptable_share[t] >= 1.0 - 1e-9 ? ", and nobody is warned or breached for missing one"
                                                    : "") +
        ". Check the shares (each is per appointment, from 0 to 1).");
  }
}

// Order lengths no order the case mix draws can meet.
void order_length_warnings(const Scenario& s, std::vector<std::string>& warnings) {
  const Day longest = longest_order_days(s);
  if (longest <= 0) return;
  if (s.interventions.enabled) {
    const double months = s.interventions.routing.bbr_minimum_order_months;
    if (months > 0.0 && s.interventions.routing.bbr_requirement_share > 0.0 &&
        months_to_days(months) > longest)
      warnings.push_back("interventions.routing.bbr_minimum_order_months is " + format_number(months) +
                         ", but the longest order the case mix gives is " + in_weeks(longest) +
                         ": no BBR requirement is made in the simulation. Check the units (months), or set "
                         "it to 0 to switch the rule off.");
    // G-13's renege at or above the longest order: nobody on the list can ever start the programme.
    std::vector<std::pair<std::string, const ProgrammeRules*>> programmes = {
        {"interventions.bbr", &s.interventions.bbr}};
    const auto& sis = s.interventions.structured_interventions;
    for (std::size_t i = 0; i < sis.size(); ++i)
      programmes.emplace_back("interventions.structured_interventions." + std::to_string(i), &sis[i]);
    for (const auto& [key, rules] : programmes) {
      const double weeks = rules->min_order_weeks_left_to_start;
      if (weeks > 0.0 && weeks * 7.0 >= static_cast<double>(longest))
        warnings.push_back(key + ".min_order_weeks_left_to_start is " + format_number(weeks) +
                           " weeks, but the longest order the case mix gives is " + std::to_string(longest) +
                           " days (" + std::to_string(longest / 7) +
                           " whole weeks): no man made a requirement in the simulation can ever start " +
                           rules->name + ". Check the units (weeks), or set it to 0 to switch the rule off.");
    }
  }
  // A warm-up far longer than any order: nothing referred before report_start minus the longest order is
  // still open at report_start, so the extra weeks only lengthen the run (a warm-up given in days?).
  if (s.window.first_report_day() > 2 * longest)
    warnings.push_back("simulation.warm_up_weeks is " + std::to_string(s.window.warm_up_weeks) +
                       " (the simulation starts on " + s.window.day_zero().iso() +
                       "), more than twice the longest order the case mix gives, " + in_weeks(longest) +
                       ": the weeks before that shape nothing at simulation.report_start and "
                       "only lengthen the run. Check the units (weeks).");
}

}  // namespace

std::vector<std::string> defeated_setting_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  pairing_warnings(s, warnings);
  attendance_warnings(s, warnings);
  order_length_warnings(s, warnings);
  return warnings;
}

}  // namespace probsim
