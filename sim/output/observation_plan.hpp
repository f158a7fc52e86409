#pragma once
// The instants a run is observed at, each at the end of a simulated day (the day's observation phase,
// service/day_phase.hpp): week ends and month ends from the first report day, the cohorts' status days
// and the workload snapshot day. The engine stops at each (engine/replication.cpp); the unit tests'
// driver follows the same plan to check that it reproduces the engine's outputs.

#include <vector>

#include "core/calendar_date.hpp"
#include "core/simulation_window.hpp"
#include "output/run_recorder.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

struct Observation {
  Day after_day;
  bool week_end = false;
  bool period_end = false;
  bool cohort_status = false;      // the day the BBR cohort's status is taken
  bool si_cohort_status = false;   // the day the structured interventions' cohort status is taken
  bool workload_snapshot = false;  // simulation.workload_snapshot_on (CT-17's week)
};

[[nodiscard]] std::vector<Observation> observation_plan(const Scenario& scenario);

// Opens the recorder's window for the plan's weeks and periods (just before the first report day).
void open_recorder_window(RunRecorder& recorder, const std::vector<Observation>& plan);

// Records what `o` asks for, in a fixed order: cohort status days, the workload snapshot, the week,
// then the period.
void record_observation(RunRecorder& recorder, const Observation& o, const SimulationWindow& window);

}  // namespace probsim
