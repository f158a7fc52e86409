#pragma once
// The Workload Measurement Tool (WMT-1..4): weekly points per case by case type and tier, and a
// practitioner's available points from contracted hours (WMT-3). Workload % = case points ÷ available.
// The numbers themselves come from the scenario (`workload` block), defaulting there to WMT-1/WMT-2.

#include <array>
#include <optional>

#include "caseload/case.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

enum class WmtCaseType : std::uint8_t { community, licence };

[[nodiscard]] inline WmtCaseType wmt_case_type(SentenceType type) {
  return type == SentenceType::licence ? WmtCaseType::licence : WmtCaseType::community;
}

struct WorkloadPointsTable {
  // Points per case per week, [case type][tier index A3..D0].
  std::array<std::array<double, 16>, 2> points_per_case_week{};
  // WMT-1's custody row, by tier index: a licence case held before release
  // (caseload/pre_release_custody.hpp).
  std::array<double, 16> custody_points_per_case_week{};
  bool has_custody_points = false;                  // the scenario gave the custody row
  double nominal_points_per_week = 2176;            // WMT-2: a full-time PO or PSO at 100%
  double default_contracted_hours_per_week = 37.0;  // WMT-2
  // WMT-2/WMT-4: a court report (SDR) adds its points to its writer's total for the days after it is
  // written (the WMT counts "SDRs in the last 30 days"). 0: reports add no points.
  double court_report_points = 0.0;
  int report_points_counted_days = 30;

  // The November 2022 refresh of the WMT (WMT-7, G-30) added a "responsive activity" weighting of up
  // to 30% for non-routine work: from `from`, every case's points count `factor` times. Only the
  // measure changes, not the work, so it is applied to the WMT % (case points ÷ available points) by
  // dividing each practitioner's available points by `factor`: every reported WMT ratio is then case
  // points × factor ÷ available. No date: the weighting never applies. The rules that compare a WMT %
  // with a threshold (RAG, overload triage, hours beyond contract, allocation) read it without the
  // weighting unless `rules_read_weighted` (Practitioner::rules_workload_pct): their thresholds were
  // stated on the measure before the refresh (docs/validation/10-workload.md §10.14).
  struct ResponsiveWeighting {
    std::optional<CalendarDate> from;
    double factor = 1.0;
    bool rules_read_weighted = false;
  } responsive_weighting;

  [[nodiscard]] double custody_points(const Case& c) const {
    return custody_points_per_case_week[c.tier.index];
  }

  [[nodiscard]] double case_points(const Case& c) const {
    return points_per_case_week[static_cast<std::size_t>(wmt_case_type(c.sentence_type))][c.tier.index];
  }

  // WMT-3: nominal × (contracted / default hours) × (1 − reduction share). Issue-2 staff have no
  // reductions; the workforce model passes them in.
  // `weighted`: the responsive weighting is in force (see above).
  [[nodiscard]] double available_points(double contracted_hours_per_week, double reduction_share = 0.0,
                                        bool weighted = false) const {
    return nominal_points_per_week * (contracted_hours_per_week / default_contracted_hours_per_week) *
           (1.0 - reduction_share) / (weighted ? responsive_weighting.factor : 1.0);
  }
};

}  // namespace probsim
