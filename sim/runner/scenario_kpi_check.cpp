#include "runner/scenario_kpi_check.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "config/diagnostics.hpp"
#include "output/metric_catalogue.hpp"
#include "output/metric_catalogue_tables.hpp"
#include "output/metric_names.hpp"
#include "runner/kpi_pattern_check.hpp"

namespace probsim {

namespace {

constexpr std::string_view kProgrammePlaceholder = "<programme>";
constexpr std::string_view kReasonPlaceholder = "<reason>";

// The KPIs read at simulation.workload_snapshot_on, by the stems their writers give them
// (output/workload_snapshot.cpp, da_task_snapshot.cpp, da_intervention_snapshot.cpp,
// started_intervention_snapshot.cpp); tests/e2e/scenario_kpi_check_test.cpp holds the stems to what runs
// write.
constexpr std::string_view kSnapshotStems[] = {"workload_snapshot_", "sara_snapshot_", "home_visit_snapshot_",
                                               "intervention_sample_", "intervention_started_sample_"};

bool in_table(const std::vector<MetricSpec>& table, std::string_view name) {
  for (const MetricSpec& spec : table)
    if (spec.name == name) return true;
  return false;
}

// Why `spec` is not written under `scenario` for want of a setting, with the key that turns it on; "" when
// nothing it needs is off. Each rule is a recorder's condition (output/run_recorder*.cpp).
std::string setting_it_needs(const MetricSpec& spec, const Scenario& scenario) {
  const auto& management = scenario.caseload.sentence_management;
  for (const std::string_view stem : kSnapshotStems)
    if (spec.name.rfind(stem, 0) == 0 && !scenario.window.workload_snapshot_on)
      return "is read on the day simulation.workload_snapshot_on names, and this scenario does not set it";
  const bool intervention_sample = spec.name.rfind("intervention_sample_", 0) == 0 ||
                                   spec.name.rfind("intervention_started_sample_", 0) == 0;
  if ((intervention_sample || in_table(intervention_kpi_catalogue(), spec.name)) &&
      !scenario.interventions.enabled)
    return "is an intervention KPI, and this scenario's interventions are off (interventions.enabled)";
  if (spec.chart_group == "enforcement" && !management.enforcement.enabled)
    return "is written only with an enforcement block enabled, and this scenario has none";
  if (spec.name == metric_name::hours_beyond_contract && !management.hours_beyond_contract.enabled())
    return "is written only with sentence_management.hours_beyond_contract.share_of_available_hours above 0";
  return "";
}

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

// Why a family member's name is none of the scenario's (`names the programme 'hepl', ...`), or "".
std::string member_it_names(const MetricSpec& spec, const std::string& kpi, const Scenario& scenario) {
  if (spec.name.find(kReasonPlaceholder) != std::string_view::npos) {
    const std::string member = member_of(spec.name, kpi);
    std::vector<std::string> reasons(kTerminationReasonNames.begin(), kTerminationReasonNames.end());
    if (std::find(reasons.begin(), reasons.end(), member) != reasons.end()) return "";
    const std::string suggestion = did_you_mean(member, reasons);
    return "names the reason '" + member + "', which is none of " + first_items(reasons, 5) +
           (suggestion.empty() ? std::string() : " (did you mean '" + suggestion + "'?)");
  }
  if (spec.name.find(kProgrammePlaceholder) == std::string_view::npos) return "";
  const std::string member = member_of(spec.name, kpi);
  std::vector<std::string> names;
  for (const ProgrammeRules& programme : scenario.interventions.structured_interventions) {
    if (programme.name == member) return "";
    names.push_back(programme.name);
  }
  if (names.empty())
    return "names the programme '" + member + "', and this scenario has no structured interventions";
  std::string message = "names the programme '" + member + "', which is not one of this scenario's";
  const std::string suggestion = did_you_mean(member, names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  message += "; its programmes are ";
  for (std::size_t i = 0; i < names.size(); ++i) message += (i == 0 ? "'" : ", '") + names[i] + "'";
  return message;
}

}  // namespace

std::string kpi_the_scenario_does_not_write(const std::string& kpi, const Scenario& scenario) {
  const MetricSpec* spec = find_metric(MetricFile::kpis, kpi);
  if (spec == nullptr) return "";  // the catalogue's check says why
  std::string setting = setting_it_needs(*spec, scenario);
  if (const auto cohort = cohort_report_of(*spec, scenario);
      setting.empty() && cohort && !cohort->report->enabled)
    setting = std::string("is written only with ") + cohort->key + " set, and this scenario does not set it";
  // The name is said first, and with the setting when both are wrong: told only of the setting, a user
  // turned the report on and learnt on the next try that 'si_cohort_requirements_bbr' names no programme.
  const std::string member = member_it_names(*spec, kpi, scenario);
  if (member.empty()) return setting.empty() ? "" : "'" + kpi + "' " + setting;
  return "'" + kpi + "' " + member + (setting.empty() ? std::string() : "; and it " + setting);
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
        if (std::string problem = kpi_the_scenario_does_not_write(kpis[i], p.scenario);
            !problem.empty() && lacking++ == 0) {
          first = std::move(problem);
          first_id = p.point.id;
        }
      if (lacking == 0 || (!every_point && lacking < points.size())) continue;
      const std::string n = std::to_string(points.size());
      const std::string which =
          points.size() == 1 ? ""
          : lacking == points.size()
              ? (points.size() == 2 ? std::string("in both points") : "in every point") + " (the first " +
                    first_id + "): "
              : "in " + std::to_string(lacking) + " of the " + n + " points (the first " + first_id + "): ";
      diagnostics.error(i < where.size() ? where[i] : SourceLocation{sweep.path, 0, 0}, key, which + first);
    }
  };
  if (sweep.precision) check(sweep.precision->kpis, sweep.precision->kpi_where, "precision.kpis", true);
  check(sweep.headline_kpis, sweep.headline_kpi_where, "headline_kpis", false);
}

}  // namespace probsim
