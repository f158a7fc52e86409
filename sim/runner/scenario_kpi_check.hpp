#pragma once
// The checks of a precision rule's KPI names against the scenario that is to run, after the catalogue's
// (kpi_pattern_check.hpp) and before any replication, and a sweep's KPI names against both. The
// catalogue accepts any member of a family (`si_period_completions_<programme>`) and any cohort report's
// KPI; only the scenario knows its programmes' names and whether its reports are on. Without this a misspelt
// programme
// (`si_period_completions_hepl`) failed only after the first replications, minutes into a national run.

#include <string>
#include <vector>

#include "config/diagnostics.hpp"
#include "config/sweep_loader.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// Why `scenario` will not write the national KPI `kpi`, or "" if it will. Caught, each with the key that
// turns it on or the nearest name: a KPI whose recorder is off (the interventions', the enforcement
// block's, the snapshot's at simulation.workload_snapshot_on, hours beyond contract), a cohort report's
// KPI (`bbr_cohort_*`, `si_cohort_*`, `si_period_*`) with that report off, and a family member naming no
// programme of the scenario or no termination reason (said first, and with any setting also off, so that
// one correction is not followed by another). tests/e2e/scenario_kpi_check_test.cpp holds these
// rules to what runs write; a KPI they miss fails after the first replications, named there.
[[nodiscard]] std::string kpi_the_scenario_does_not_write(const std::string& kpi, const Scenario& scenario);

// A sweep's `precision.kpis` and `headline_kpis` against the catalogue (unknown_national_kpi), each
// problem at its line in the sweep file, before its points are loaded: a sweep file cannot see the
// catalogue; the runner can.
void check_sweep_kpis_in_catalogue(const SweepSpec& sweep, Diagnostics& diagnostics);

// The same over a sweep's loaded points, each problem at the name's line in the sweep file: a
// `precision.kpis` name that any point would not write (the rule reads every point's), and a
// `headline_kpis` name that no point would write (a headline shows the points that have it).
void check_sweep_kpis_against_points(const SweepSpec& sweep, const std::vector<LoadedPoint>& points,
                                     Diagnostics& diagnostics);

}  // namespace probsim
