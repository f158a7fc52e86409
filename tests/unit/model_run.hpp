#pragma once
// A scenario's PDU offices and regional workforces, built and advanced exactly as
// sim/engine/replication.cpp does but without SimGrid, so unit tests can look at the model between any
// two steps. Within day d the engine runs every region's staff events at time d and every office's day
// at d + 0.25; the regions share no office, so running them one after another is the same thing.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "office/pdu_office.hpp"
#include "workforce/region_workforce.hpp"

namespace probsim::testing {

// Loads a scenario written inline in a test. `text` is appended to an `extends:` of the shipped
// England and Wales defaults, so a test states only what it changes. Each test process writes its own
// file (ctest runs tests in parallel processes).
inline Scenario load_scenario_text(const std::string& name, const std::string& text,
                                   const std::vector<std::string>& overrides = {}) {
  const auto dir = std::filesystem::temp_directory_path() / ("probsim-unit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / (name + ".yaml");
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
  explicit ModelRun(Scenario scenario, std::uint64_t seed = replication_seed(1, 1))
      : scenario_(std::move(scenario)), seed_(seed) {
    const SimulationWindow& window = scenario_.window;
    const WorkingCalendar calendar(window.day_zero());
    for (std::size_t r = 0; r < scenario_.regions.size(); ++r) {
      std::vector<StaffRoster*> region_offices;
      std::vector<std::size_t> region_pdu_indices;
      for (const PduSpec& pdu : scenario_.regions[r].pdus) {
        const auto index = static_cast<std::uint32_t>(offices_.size());
        const auto stream_index = static_cast<std::uint32_t>(pdu.paired_with.value_or(index));
        ReferralProcess referrals(pdu.referrals, window.day_zero(), window.first_report_day(), stream_index,
                                  seed_);
        std::vector<Practitioner> staff;
        for (const StaffGroup& group : pdu.staff)
          for (int i = 0; i < group.headcount; ++i)
            staff.push_back(make_staff_member(group.person,
                                              scenario_.caseload.workload.default_contracted_hours_per_week,
                                              scenario_.workforce.trainee_pipeline, window.report_start));
        offices_.push_back(std::make_unique<PduOffice>(PduIdentity{index, stream_index, pdu.name},
                                                       scenario_.caseload, referrals, seed_, std::move(staff),
                                                       calendar));
        offices_.back()->set_establishment_fte(pdu.establishment_fte);
        region_offices.push_back(offices_.back().get());
        region_pdu_indices.push_back(index);
      }
      workforces_.push_back(
          std::make_unique<RegionWorkforce>(scenario_.workforce, scenario_.staffing_plan, scenario_.window,
                                            scenario_.caseload.workload.default_contracted_hours_per_week,
                                            scenario_.caseload.workload.responsive_weighting.from, r,
                                            std::move(region_offices), std::move(region_pdu_indices), seed_));
    }
    if (window.warm_start == WarmStart::steady_state)
      for (auto& office : offices_) office->place_warm_start_caseload(0, scenario_.longest_sentence_days());
    for (auto& workforce : workforces_) workforce->start();
  }
  ModelRun(const ModelRun&) = delete;
  ModelRun& operator=(const ModelRun&) = delete;

  // The two halves of the next day, for tests that look in between; then the day is done.
  void run_staff_events() {
    for (auto& workforce : workforces_) workforce->run_events_on(next_day_);
  }
  void run_casework() {
    for (auto& office : offices_) office->run_day(next_day_);
    ++next_day_;
  }
  void run_day() {
    run_staff_events();
    run_casework();
  }
  // Runs every day up to and including `last`.
  void run_through(Day last) {
    while (next_day_ <= last) run_day();
  }

  [[nodiscard]] Day next_day() const { return next_day_; }
  [[nodiscard]] const Scenario& scenario() const { return scenario_; }
  [[nodiscard]] std::size_t office_count() const { return offices_.size(); }
  [[nodiscard]] PduOffice& office(std::size_t i) { return *offices_.at(i); }
  [[nodiscard]] PduOffice& office(const std::string& name) {
    for (auto& office : offices_)
      if (office->name() == name) return *office;
    throw std::out_of_range("no office " + name);
  }
  [[nodiscard]] Day day_of(const CalendarDate& date) const {
    return static_cast<Day>(date.days_since_epoch() - scenario_.window.day_zero().days_since_epoch());
  }
  [[nodiscard]] CalendarDate date_of(Day day) const { return scenario_.window.date_of(day); }

 private:
  Scenario scenario_;  // offices and workforces keep references into it: never moves after construction
  std::uint64_t seed_;
  std::vector<std::unique_ptr<PduOffice>> offices_;
  std::vector<std::unique_ptr<RegionWorkforce>> workforces_;
  Day next_day_ = 0;
};

}  // namespace probsim::testing
