// `workload`: the WMT points a case weighs and a practitioner's nominal capacity.

#include "config/loader_blocks.hpp"

namespace probsim::scenario_loading {

void read_workload(FieldReader& root, WorkloadPointsTable& table) {
  FieldReader wl(root.node("workload", true), "workload", root.diagnostics());
  if (!wl.ok()) return;
  if (auto nominal = wl.number("nominal_points_per_week", true, 1.0, 1e6))
    table.nominal_points_per_week = *nominal;
  if (auto hours = wl.number("default_contracted_hours_per_week", true, 1.0, 168.0))
    table.default_contracted_hours_per_week = *hours;
  FieldReader points(wl.node("points_per_case_per_week", true), "workload.points_per_case_per_week",
                     root.diagnostics());
  static constexpr std::array<std::string_view, 2> kCaseTypes = {"community", "licence"};
  for (std::size_t t = 0; t < kCaseTypes.size(); ++t) {
    FieldReader tiers(points.node(kCaseTypes[t], points.ok()), points.child_path(kCaseTypes[t]),
                      root.diagnostics());
    if (!tiers.ok()) continue;
    for (std::size_t i = 0; i < kTierNames.size(); ++i)
      if (auto p = tiers.number(kTierNames[i], true, 0.0, 1e5)) table.points_per_case_week[t][i] = *p;
    tiers.reject_unknown_keys();
  }
  // WMT-1's custody row: optional, for licence cases held before release (allocation.
  // licence_allocated_before_release_weeks); a scenario that holds them without it is refused in validate().
  if (const ConfigNode* custody = points.node("custody", false)) {
    FieldReader tiers(custody, points.child_path("custody"), root.diagnostics());
    for (std::size_t i = 0; i < kTierNames.size(); ++i)
      if (auto p = tiers.number(kTierNames[i], true, 0.0, 1e5)) table.custody_points_per_case_week[i] = *p;
    tiers.reject_unknown_keys();
    table.has_custody_points = true;
  }
  points.reject_unknown_keys();
  if (const ConfigNode* weighting = wl.node("responsive_weighting", false)) {
    FieldReader rw(weighting, wl.child_path("responsive_weighting"), root.diagnostics());
    if (rw.ok()) {
      table.responsive_weighting.from = rw.date("from", true);
      // WMT-7: "up to 30%".
      if (auto factor = rw.number("case_points_factor", true, 1.0, 1.3))
        table.responsive_weighting.factor = *factor;
      // §10.14: whether the rules' thresholds read the weighted measure (false: the pre-refresh one).
      if (auto weighted = rw.boolean("rules_read_weighted_measure", false))
        table.responsive_weighting.rules_read_weighted = *weighted;
      rw.reject_unknown_keys();
    }
  }
  // WMT-2/WMT-4: the points a court report (SDR) adds to its writer's total while it counts.
  if (const ConfigNode* reports = wl.node("report_points", false)) {
    FieldReader rp(reports, wl.child_path("report_points"), root.diagnostics());
    if (rp.ok()) {
      if (auto points = rp.number("court_report", true, 0.0, 1e5)) table.court_report_points = *points;
      if (auto days = rp.integer("counted_days", true, 1, 366)) table.report_points_counted_days = *days;
      rp.reject_unknown_keys();
    }
  }
  wl.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
