#pragma once
// The probation service of a scenario: every PDU office, every region's workforce, the interventions
// teams and the RAG reviewer, built from a Scenario and a replication seed in one place, and a day's
// work run phase by phase (service/day_phase.hpp). The engine's actors (sim/engine) wake at each
// phase's time and call the phase by name; the unit tests' driver (tests/unit/model_run.hpp) calls the
// same phases one after another. Nothing here knows about SimGrid.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/calendar_date.hpp"
#include "interventions/interventions_team.hpp"
#include "office/case_event_sink.hpp"
#include "office/pdu_office.hpp"
#include "office/rag_reviewer.hpp"
#include "scenario/scenario.hpp"
#include "service/day_phase.hpp"
#include "service/independent_units.hpp"
#include "workforce/region_workforce.hpp"

namespace probsim {

class ProbationService {
 public:
  // Builds the model and places its starting caseload (warm_start: snapshot or steady_state), running
  // the offices' warm starts on `warm_start_units`. `scenario` must outlive the service. `events`, if
  // any, receives every office's case events. A scenario whose check() finds problems (rules built in
  // C++ that the loader never saw) is refused with std::invalid_argument naming each.
  ProbationService(const Scenario& scenario, std::uint64_t replication_seed, CaseEventSink* events,
                   IndependentUnits& warm_start_units);
  ProbationService(const Scenario& scenario, std::uint64_t replication_seed, CaseEventSink* events = nullptr);
  ProbationService(const ProbationService&) = delete;
  ProbationService& operator=(const ProbationService&) = delete;

  // --- A day's phases, by name, in the order kDayPhases gives. ---
  // The first day on or after which a region has a staff event due, if any.
  [[nodiscard]] std::optional<Day> next_staff_change_day() const;
  // Staff changes: every region's staff events due on `day` (leavers, backfill, intakes, the trainee
  // pipeline, progression, sickness). The regions share no office.
  void run_staff_changes(Day day, IndependentUnits& units);
  // RAG review: each PDU's status and the measures it switches on (no-op without prioritisation).
  void run_rag_review(Day day);
  // Casework: each office's referrals, allocation and tasks.
  void run_casework(Day day, IndependentUnits& units);
  // Interventions: each team's waiting lists, groups, sessions and DASO work.
  void run_interventions(Day day, IndependentUnits& units);
  // Runs `phase` of `day`; observation is done by whoever observes the model, so is a no-op here.
  void run_phase(DayPhase phase, Day day, IndependentUnits& units);

  // How many independent units `phase` has: regions, offices or teams (a pool needs no more threads).
  [[nodiscard]] std::size_t units_in(DayPhase phase) const;
  [[nodiscard]] bool has_rag_review() const { return rag_reviewer_ != nullptr; }
  [[nodiscard]] bool has_interventions() const { return !teams_.empty(); }

  // In scenario order.
  [[nodiscard]] std::span<PduOffice* const> offices() const { return office_pointers_; }
  [[nodiscard]] std::vector<const PduOffice*> observed_offices() const;
  [[nodiscard]] const std::vector<std::size_t>& region_of_office() const { return region_of_office_; }
  [[nodiscard]] std::vector<const InterventionsTeam*> observed_teams() const;
  [[nodiscard]] const Scenario& scenario() const { return scenario_; }

 private:
  // `scenario`, or std::invalid_argument naming every problem its check() finds.
  static const Scenario& checked(const Scenario& scenario);
  void build_offices_and_workforces(CaseEventSink* events);
  void build_interventions_teams();
  void place_starting_caseload(IndependentUnits& units);

  const Scenario& scenario_;
  std::uint64_t seed_;
  WorkingCalendar calendar_;
  std::vector<std::unique_ptr<PduOffice>> offices_;
  std::vector<PduOffice*> office_pointers_;
  std::vector<std::size_t> region_of_office_;
  std::vector<std::unique_ptr<RegionWorkforce>> workforces_;
  std::vector<std::unique_ptr<InterventionsTeam>> teams_;
  std::unique_ptr<RagReviewer> rag_reviewer_;
  // Work orders for several threads: the largest units first, so that a day does not end with one
  // thread on a big office or team while the others wait. Only which thread runs what changes.
  std::vector<PduOffice*> offices_largest_first_;  // by caseload once the starting caseload is placed
  std::vector<InterventionsTeam*> teams_in_order_;
  std::vector<InterventionsTeam*> teams_largest_first_;  // by PDUs served
  std::vector<RegionWorkforce*> regions_due_;            // scratch: the regions with staff events on a day
};

}  // namespace probsim
