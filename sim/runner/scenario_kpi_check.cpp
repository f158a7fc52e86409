#include "runner/scenario_kpi_check.hpp"

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "config/diagnostics.hpp"
#include "output/metric_catalogue.hpp"
#include "runner/kpi_pattern_check.hpp"

namespace probsim {

namespace {

constexpr std::string_view kProgrammePlaceholder = "<programme>";

// The report a cohort KPI is written by: the catalogue's "cohort" chart group, the structured
// interventions' when the name begins `si_`, else BBR's.
struct CohortReport {
  const BbrCohortReport* report;
  const char* key;
};

std::optional<CohortReport> cohort_report_of(const MetricSpec& spec, const Scenario& scenario) {
  if (spec.chart_group != "cohort") return std::nullopt;
  if (spec.name.rfind("si_", 0) == 0)
    return CohortReport{&scenario.interventions.si_cohort_report, "interventions.si_cohort_report"};
  return CohortReport{&scenario.interventions.cohort_report, "interventions.cohort_report"};
}

// The member a family's name holds in place of its placeholder: `si_period_completions_hepl` → `hepl`.
std::string member_of(std::string_view pattern, const std::string& name) {
  const std::size_t open = pattern.find('<'), close = pattern.find('>', open);
  const std::size_t suffix = pattern.size() - close - 1;
  return name.substr(open, name.size() - open - suffix);
}

}  // namespace

std::string kpi_the_scenario_does_not_write(const std::string& kpi, const Scenario& scenario) {
  const MetricSpec* spec = find_metric(MetricFile::kpis, kpi);
  if (spec == nullptr) return "";  // the catalogue's check says why
  if (const auto cohort = cohort_report_of(*spec, scenario)) {
    if (!scenario.interventions.enabled)
      return "'" + kpi + "' is written by " + cohort->key + ", and this scenario has no interventions";
    if (!cohort->report->enabled)
      return "'" + kpi + "' is written only with " + cohort->key + " set, and this scenario does not set it";
  }
  if (spec->name.find(kProgrammePlaceholder) == std::string_view::npos) return "";
  const std::string member = member_of(spec->name, kpi);
  std::vector<std::string> names;
  for (const ProgrammeRules& programme : scenario.interventions.structured_interventions) {
    if (programme.name == member) return "";
    names.push_back(programme.name);
  }
  if (names.empty())
    return "'" + kpi + "' names the programme '" + member +
           "', and this scenario has no structured interventions";
  std::string message =
      "'" + kpi + "' names the programme '" + member + "', which is not one of this scenario's";
  const std::string suggestion = did_you_mean(member, names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  message += "; its programmes are ";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i == 0 ? "'" : ", '") + names[i] + "'";
  return message;
}

void check_sweep_kpis_in_catalogue(const SweepSpec& sweep, Diagnostics& diagnostics) {
  auto check = [&](const std::vector<std::string>& kpis, const std::vector<SourceLocation>& where,
                   const std::string& key, const std::string& reader) {
    for (std::size_t i = 0; i < kpis.size(); ++i)
      if (const std::string problem = unknown_national_kpi(kpis[i], reader); !problem.empty())
        diagnostics.error(i < where.size() ? where[i] : SourceLocation{sweep.path, 0, 0}, key, problem);
  };
  if (sweep.precision)
    check(sweep.precision->kpis, sweep.precision->kpi_where, "precision.kpis", "the rule reads the nation's");
  check(sweep.headline_kpis, sweep.headline_kpi_where, "headline_kpis",
        "a report's headline shows the nation's");
}

void check_sweep_kpis_against_points(const SweepSpec& sweep, const std::vector<LoadedPoint>& points,
                                     Diagnostics& diagnostics) {
  // `every_point`: the precision rule reads each point's, so one point without it is an error; a
  // headline is shown for the points that have it, so only a name no point writes is.
  auto check = [&](const std::vector<std::string>& kpis, const std::vector<SourceLocation>& where,
                   const std::string& key, bool every_point) {
    for (std::size_t i = 0; i < kpis.size(); ++i) {
      std::string first, first_id;
      std::size_t lacking = 0;
      for (const LoadedPoint& p : points)
        if (std::string problem = kpi_the_scenario_does_not_write(kpis[i], p.loaded.scenario);
            !problem.empty() && lacking++ == 0) {
          first = std::move(problem);
          first_id = p.point.id;
        }
      if (lacking == 0 || (!every_point && lacking < points.size())) continue;
      const std::string n = std::to_string(points.size());
      const std::string which =
          points.size() == 1 ? ""
          : lacking == points.size()
              ? "in all " + n + " points (the first " + first_id + "): "
              : "in " + std::to_string(lacking) + " of the " + n + " points (the first " + first_id + "): ";
      diagnostics.error(i < where.size() ? where[i] : SourceLocation{sweep.path, 0, 0}, key, which + first);
    }
  };
  if (sweep.precision) check(sweep.precision->kpis, sweep.precision->kpi_where, "precision.kpis", true);
  check(sweep.headline_kpis, sweep.headline_kpi_where, "headline_kpis", false);
}

}  // namespace probsim
