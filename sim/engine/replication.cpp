#include "engine/replication.hpp"

#include <xbt/log.h>

#include <algorithm>
#include <memory>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/NetZone.hpp>

#include "engine/interventions_actor.hpp"
#include "engine/offices_actor.hpp"
#include "engine/parallel_day.hpp"
#include "engine/prioritisation_actor.hpp"
#include "engine/snapshot_warm_start.hpp"
#include "engine/workforce_actor.hpp"
#include "output/run_recorder.hpp"

namespace probsim {

namespace {

// The staff in post on the report start, as the scenario describes them.
std::vector<Practitioner> initial_staff(const Scenario& scenario, const PduSpec& pdu, std::size_t pdu_index) {
  if (scenario.snapshot) return snapshot_staff(scenario, pdu_index);
  std::vector<Practitioner> staff;
  for (const StaffGroup& group : pdu.staff)
    for (int i = 0; i < group.headcount; ++i)
      staff.push_back(make_staff_member(group.person,
                                        scenario.caseload.workload.default_contracted_hours_per_week,
                                        scenario.workforce.trainee_pipeline, scenario.window.report_start));
  return staff;
}

// The instants main() stops the engine at to observe, each between two simulated days.
struct Observation {
  Day after_day;
  bool week_end = false;
  bool period_end = false;
  bool cohort_status = false;     // the day the BBR cohort's status is taken
  bool si_cohort_status = false;  // the day the structured interventions' cohort status is taken
  bool workload_snapshot = false;  // simulation.workload_snapshot_on (CT-17's week)
};

std::vector<Observation> observation_plan(const SimulationWindow& window, const BbrCohortReport& cohort,
                                          const BbrCohortReport& si_cohort) {
  std::vector<Observation> plan;
  const Day first = window.first_report_day();
  const Day last = window.last_day();
  for (Day day = first; day <= last; ++day) {
    Observation o{day};
    o.week_end = (day - first + 1) % 7 == 0;
    o.period_end = window.date_of(day).is_last_day_of_month() || day == last;
    o.cohort_status = cohort.enabled && window.date_of(day) == cohort.status_on;
    o.si_cohort_status = si_cohort.enabled && window.date_of(day) == si_cohort.status_on;
    o.workload_snapshot = window.workload_snapshot_on == window.date_of(day);
    if (o.week_end || o.period_end || o.cohort_status || o.si_cohort_status || o.workload_snapshot)
      plan.push_back(o);
  }
  return plan;
}

}  // namespace

ReplicationResult run_replication(const Scenario& scenario, const ReplicationSpec& spec,
                                  const ReplicationStop* stop) {
  // Silence SimGrid's own logging before the Engine exists; probsim reports for itself.
  xbt_log_control_set("root.thres:critical");
  char program_name[] = "probsim";
#ifdef PROBSIM_SIMGRID_CONTEXT_FACTORY
  char context_factory[] = "--cfg=contexts/factory:" PROBSIM_SIMGRID_CONTEXT_FACTORY;
  char* argv[] = {program_name, context_factory, nullptr};
  int argc = 2;
#else
  char* argv[] = {program_name, nullptr};
  int argc = 1;
#endif
  simgrid::s4u::Engine engine(&argc, argv);
  simgrid::s4u::NetZone* zone = simgrid::s4u::create_full_zone("probation_service");
  // One host carries every actor: the model has no computation or communication costs to simulate,
  // only the passage of days.
  simgrid::s4u::Host* host = zone->create_host("offices", 1e9);
  zone->seal();

  const SimulationWindow& window = scenario.window;
  const WorkingCalendar calendar(window.day_zero(), scenario.bank_holidays, 0, window.last_day());
  std::vector<std::unique_ptr<PduOffice>> offices;
  std::vector<const PduOffice*> observed;
  std::vector<std::size_t> region_of_office;
  std::vector<std::unique_ptr<RegionWorkforce>> workforces;
  for (std::size_t r = 0; r < scenario.regions.size(); ++r) {
    std::vector<StaffRoster*> region_offices;
    std::vector<std::size_t> region_pdu_indices;
    for (const PduSpec& pdu : scenario.regions[r].pdus) {
      const auto index = static_cast<std::uint32_t>(offices.size());
      const auto stream_index = static_cast<std::uint32_t>(pdu.paired_with.value_or(index));
      ReferralProcess referrals(pdu.referrals, window.day_zero(), window.first_report_day(), stream_index,
                                spec.seed);
      offices.push_back(std::make_unique<PduOffice>(
          PduIdentity{index, stream_index, pdu.name}, scenario.caseload, referrals, spec.seed,
          initial_staff(scenario, pdu, index), calendar, window.last_day()));
      offices.back()->set_establishment_fte(pdu.establishment_fte);
      offices.back()->set_event_sink(spec.events);
      observed.push_back(offices.back().get());
      region_of_office.push_back(r);
      region_offices.push_back(offices.back().get());
      region_pdu_indices.push_back(index);
    }
    workforces.push_back(std::make_unique<RegionWorkforce>(
        scenario.workforce, scenario.staffing_plan, scenario.window,
        scenario.caseload.workload.default_contracted_hours_per_week,
        scenario.caseload.workload.responsive_weighting.from, r, std::move(region_offices),
        std::move(region_pdu_indices), spec.seed));
  }

  // Interventions teams hear of every case from the start, warm-start cases included.
  std::vector<std::unique_ptr<InterventionsTeam>> teams;
  std::vector<const InterventionsTeam*> observed_teams;
  if (scenario.interventions.enabled) {
    for (const InterventionsTeamSpec& spec_of_team : scenario.interventions_teams) {
      std::vector<PduOffice*> served;
      for (std::size_t pdu : spec_of_team.pdus) served.push_back(offices[pdu].get());
      teams.push_back(std::make_unique<InterventionsTeam>(spec_of_team.name, scenario.interventions, served,
                                                          spec_of_team.pdus, calendar, spec.seed));
      for (std::size_t k = 0; k < served.size(); ++k)
        served[k]->set_interventions(teams.back().get(), static_cast<std::uint32_t>(k));
      observed_teams.push_back(teams.back().get());
    }
  }

  const std::size_t threads = std::max<std::size_t>(1, spec.threads);
  if (window.warm_start == WarmStart::snapshot) {
    std::vector<PduOffice*> all;
    for (auto& office : offices) all.push_back(office.get());
    place_snapshot_caseload(scenario, all, spec.seed);
  }
  if (window.warm_start == WarmStart::steady_state) {
    // Like a day's work (OfficesActor): the offices' warm starts are independent but for what they
    // tell the interventions teams and the event log, which is delivered afterwards in office order.
    ParallelDay pool(std::min(threads, std::max<std::size_t>(1, offices.size())));
    const bool parallel = pool.threads() > 1;
    if (parallel)
      for (auto& office : offices) office->set_deferring_notices(true);
    pool.run(offices.size(), [&](std::size_t i) {
      offices[i]->place_warm_start_caseload(0, scenario.longest_sentence_days());
    });
    if (parallel)
      for (auto& office : offices) {
        office->set_deferring_notices(false);
        office->deliver_deferred_notices();
      }
  }

  // Regions and interventions teams share nothing but the event log (engine/workforce_actor.hpp,
  // engine/interventions_actor.hpp): without one, their days run on the replication's threads too.
  const std::size_t independent_threads = spec.events != nullptr ? 1 : threads;
  std::vector<RegionWorkforce*> regions;
  for (auto& workforce : workforces) {
    workforce->start();
    regions.push_back(workforce.get());
  }
  simgrid::s4u::Actor::create("workforce", host,
                              WorkforceActor(std::move(regions), window.last_day(), independent_threads));
  std::unique_ptr<RagReviewer> rag_reviewer;
  if (scenario.caseload.prioritisation.enabled) {
    std::vector<PduOffice*> reviewed;
    for (auto& office : offices) reviewed.push_back(office.get());
    rag_reviewer = std::make_unique<RagReviewer>(scenario.caseload.prioritisation, std::move(reviewed),
                                                 window.day_zero());
    simgrid::s4u::Actor::create("prioritisation", host,
                                PrioritisationActor(*rag_reviewer, window.last_day()));
  }
  std::vector<PduOffice*> stepped;
  for (auto& office : offices) stepped.push_back(office.get());
  simgrid::s4u::Actor::create("offices", host, OfficesActor(std::move(stepped), window.last_day(), threads));

  if (!teams.empty()) {
    std::vector<InterventionsTeam*> all_teams;
    for (auto& team : teams) all_teams.push_back(team.get());
    simgrid::s4u::Actor::create(
        "interventions", host,
        InterventionsActor(std::move(all_teams), window.last_day(), independent_threads));
  }

  if (stop != nullptr) {
    engine.run_until(stop->after_day + 0.5);
    stop->visit(observed);
    return ReplicationResult{};
  }
  RunRecorder recorder(scenario, observed, region_of_office, observed_teams);
  if (window.first_report_day() > 0) engine.run_until(window.first_report_day() - 0.5);
  const std::vector<Observation> plan =
      observation_plan(window, scenario.interventions.cohort_report, scenario.interventions.si_cohort_report);
  const auto weeks = std::count_if(plan.begin(), plan.end(), [](const Observation& o) { return o.week_end; });
  const auto periods =
      std::count_if(plan.begin(), plan.end(), [](const Observation& o) { return o.period_end; });
  recorder.open_window(static_cast<std::size_t>(weeks), static_cast<std::size_t>(periods));
  for (const Observation& o : plan) {
    engine.run_until(o.after_day + 0.5);
    if (o.cohort_status) recorder.take_cohort_status();
    if (o.si_cohort_status) recorder.take_si_cohort_status();
    if (o.workload_snapshot) recorder.take_workload_snapshot();
    if (o.week_end) recorder.sample_week();
    if (o.period_end) recorder.close_period(window.date_of(o.after_day));
  }
  engine.run();
  return recorder.finish();
}

}  // namespace probsim
