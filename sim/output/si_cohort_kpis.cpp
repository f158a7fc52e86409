#include "output/si_cohort_kpis.hpp"

#include "output/metric_names.hpp"

namespace probsim {

SiCohortCounts si_cohort_counts(const InterventionsTeam& team, const BbrCohortReport& report,
                                const SimulationWindow& window) {
  auto day_of = [&](const CalendarDate& date) {
    return static_cast<Day>(date.days_since_epoch() - window.day_zero().days_since_epoch());
  };
  const Day first = day_of(report.requirements_from), last = day_of(report.requirements_to),
            status = day_of(report.status_on);
  const std::size_t n = team.programme_count() - 1;
  SiCohortCounts c{std::vector<std::int64_t>(n), std::vector<std::int64_t>(n), std::vector<std::int64_t>(n)};
  for (const Participant& p : team.participants()) {
    if (p.programme == 0) continue;  // BBR: the BBR cohort report
    const std::size_t i = p.programme - 1;
    // An SI completion is recorded on its last session (completion_recorded_day is that day).
    const bool completed = p.state == ParticipantState::completed && p.completion_recorded_day <= status;
    if (completed && p.completion_recorded_day >= first) c.period_completions[i] += 1;
    if (p.requirement_day < first || p.requirement_day > last) continue;
    c.requirements[i] += 1;
    if (completed) c.completed[i] += 1;
  }
  return c;
}

void add_si_cohort_kpis(const std::optional<std::vector<SiCohortCounts>>& by_team,
                        const std::vector<std::size_t>& units, const std::vector<ProgrammeRules>& programmes,
                        const std::string& level, const std::string& unit, std::vector<Kpi>& kpis) {
  const std::size_t n = programmes.size();
  SiCohortCounts sum{std::vector<std::int64_t>(n), std::vector<std::int64_t>(n),
                     std::vector<std::int64_t>(n)};
  if (by_team)  // taken: the status day is in the window (the loader checks)
    for (const std::size_t t : units)
      for (std::size_t i = 0; i < n; ++i) {
        sum.requirements[i] += (*by_team)[t].requirements[i];
        sum.completed[i] += (*by_team)[t].completed[i];
        sum.period_completions[i] += (*by_team)[t].period_completions[i];
      }
  auto kpi = [&](const std::string& name, double value) { kpis.push_back(Kpi{name, value, level, unit}); };
  auto total = [](const std::vector<std::int64_t>& v) {
    std::int64_t s = 0;
    for (std::int64_t x : v) s += x;
    return static_cast<double>(s);
  };
  const double requirements = total(sum.requirements), completed = total(sum.completed);
  kpi(metric_name::si_cohort_requirements, requirements);
  kpi(metric_name::si_cohort_completed, completed);
  kpi(metric_name::si_cohort_completed_share, requirements > 0 ? completed / requirements : 0.0);
  kpi(metric_name::si_period_completions, total(sum.period_completions));
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& name = programmes[i].name;
    kpi(metric_name::si_cohort_requirements_by_programme(name), static_cast<double>(sum.requirements[i]));
    kpi(metric_name::si_cohort_completed_by_programme(name), static_cast<double>(sum.completed[i]));
    kpi(metric_name::si_period_completions_by_programme(name),
        static_cast<double>(sum.period_completions[i]));
  }
}

}  // namespace probsim
