#pragma once
// Sickness absence as episodes (G-23, SDA-8): each person falls sick at a rate, each episode
// lasts a drawn number of working days, and while it lasts the person gives no hours. Long episodes
// are long-term sickness, a 100% WMT reduction (WMT-5), so the allocation rule passes the person by.

#include <string>

#include "core/bounded_distribution.hpp"
#include "core/rule_problems.hpp"
#include "core/working_calendar.hpp"

namespace probsim {

struct SicknessRules {
  // Working days lost per FTE-year (the published measure, SDA-8). 0 switches sickness off.
  double days_per_fte_year = 0.0;
  BoundedDistribution episode_working_days = BoundedDistribution::fixed_at(1.0);
  // Episodes of at least this many working days are long-term sickness (WMT-5).
  int long_term_from_working_days = 20;
  // Whether a long-term sick practitioner's cases go to colleagues (by the allocation rule) when the
  // episode begins. If not, they stay, and their tasks wait for the person's return.
  bool reallocate_cases_when_long_term = true;

  [[nodiscard]] double mean_episode_working_days() const { return episode_working_days.mean(); }
  // Episodes a person starts per year of time in post.
  [[nodiscard]] double episodes_per_year() const { return days_per_fte_year / mean_episode_working_days(); }

  // The rate of onsets per day of *well* time. A person cannot fall sick while off sick, so to average
  // `episodes_per_year` over all time the rate while well must be higher: with a mean episode of L
  // calendar days, 1 / rate_well = 1 / rate_all − L. Returns 0 when sickness is off, and a negative
  // number when the settings are impossible (people would be off sick more than all the time).
  [[nodiscard]] double onsets_per_well_day() const {
    if (days_per_fte_year <= 0.0) return 0.0;
    const double rate_all_per_day = episodes_per_year() / kDaysPerYear;
    const double mean_episode_calendar_days =
        mean_episode_working_days() * kDaysPerWeek / kWorkingDaysPerWeek;
    const double well_days_between = 1.0 / rate_all_per_day - mean_episode_calendar_days;
    return well_days_between > 0.0 ? 1.0 / well_days_between : -1.0;
  }

  // Days lost that episodes of this length cannot fit into a year of well time (keys of `sickness`).
  [[nodiscard]] RuleProblems check() const {
    if (onsets_per_well_day() >= 0.0) return {};
    return {{"days_per_fte_year", "with episodes of " + std::to_string(mean_episode_working_days()) +
                                      " working days on average, people would be off sick all the time"}};
  }
};

}  // namespace probsim
