#pragma once
// Drives a scenario's model (models/service: ProbationService, the one builder the engine uses too)
// without SimGrid, one phase of a day at a time, so unit tests can look at the model between any two
// phases. The engine wakes each phase at its time of day (service/day_phase.hpp); here they simply run
// one after another in that order, on one thread, which gives the same result.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "scratch_directory.hpp"
#include "service/day_phase.hpp"
#include "service/probation_service.hpp"

namespace probsim::testing {

// Loads a scenario written inline in a test. `text` is appended to an `extends:` of the shipped
// England and Wales defaults, so a test states only what it changes. Each test process writes its own
// file (ctest runs tests in parallel processes).
inline Scenario load_scenario_text(const std::string& name, const std::string& text,
                                   const std::vector<std::string>& overrides = {}) {
  const auto path = scratch_directory("probsim-unit", name) / (name + ".yaml");
  std::ofstream(path) << "extends: " << PROBSIM_SOURCE_DIR << "/scenarios/base/england_wales_defaults.yaml\n"
                      << "name: " << name << "\n"
                      << text;
  Diagnostics diagnostics;
  auto loaded = load_scenario(path.string(), overrides, diagnostics);
  if (!loaded)
    throw std::runtime_error("test scenario " + name + " does not load:\n" + diagnostics.describe());
  return loaded->scenario;
}

// Loads a scenario file from the source tree, e.g. "tests/scenarios/workforce_flows.yaml".
inline Scenario load_scenario_file(const std::string& relative,
                                   const std::vector<std::string>& overrides = {}) {
  Diagnostics diagnostics;
  auto loaded = load_scenario(std::string(PROBSIM_SOURCE_DIR) + "/" + relative, overrides, diagnostics);
  if (!loaded) throw std::runtime_error(relative + " does not load:\n" + diagnostics.describe());
  return loaded->scenario;
}

class ModelRun {
 public:
  // `events`, if any, hears every office's case events, as the engine's event log does.
  explicit ModelRun(Scenario scenario, std::uint64_t seed = replication_seed(1, 1),
                    CaseEventSink* events = nullptr)
      : scenario_(std::move(scenario)),
        service_(std::make_unique<ProbationService>(scenario_, seed, events)) {}
  ModelRun(const ModelRun&) = delete;
  ModelRun& operator=(const ModelRun&) = delete;

  // Runs the next day's phases, in kDayPhases' order, up to and including `last`; once the day's
  // observation phase is reached the day is done.
  void run_phases_through(DayPhase last) {
    while (next_phase_ <= last) {
      service_->run_phase(next_phase_, next_day_, one_after_another_);
      if (next_phase_ == DayPhase::observation) {
        next_phase_ = DayPhase::staff_changes;
        ++next_day_;
        return;
      }
      next_phase_ = static_cast<DayPhase>(static_cast<std::size_t>(next_phase_) + 1);
    }
  }
  // The two halves of the next day, for tests that look in between: the staff changes (and the RAG
  // review, which sees them), then casework, interventions and the end of the day.
  void run_staff_events() { run_phases_through(DayPhase::rag_review); }
  void run_casework() { run_phases_through(DayPhase::observation); }
  void run_day() { run_phases_through(DayPhase::observation); }
  // Runs every day up to and including `last`.
  void run_through(Day last) {
    while (next_day_ <= last) run_day();
  }

  [[nodiscard]] Day next_day() const { return next_day_; }
  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  [[nodiscard]] ProbationService& service() { return *service_; }
  [[nodiscard]] std::size_t office_count() const { return service_->offices().size(); }
  [[nodiscard]] PduOffice& office(std::size_t i) {
    if (i >= office_count()) throw std::out_of_range("no office " + std::to_string(i));
    return *service_->offices()[i];
  }
  [[nodiscard]] PduOffice& office(const std::string& name) {
    for (PduOffice* office : service_->offices())
      if (office->name() == name) return *office;
    throw std::out_of_range("no office " + name);
  }
  [[nodiscard]] Day day_of(const CalendarDate& date) const {
    return static_cast<Day>(date.days_since_epoch() - scenario_.window.day_zero().days_since_epoch());
  }
  [[nodiscard]] CalendarDate date_of(Day day) const { return scenario_.window.date_of(day); }

 private:
  Scenario scenario_;  // the service keeps references into it: never moves after construction
  std::unique_ptr<ProbationService> service_;
  OneAfterAnother one_after_another_;
  Day next_day_ = 0;
  DayPhase next_phase_ = DayPhase::staff_changes;  // the next phase of next_day_ to run
};

}  // namespace probsim::testing
