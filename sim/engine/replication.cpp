#include "engine/replication.hpp"

#include <xbt/log.h>

#include <algorithm>
#include <memory>
#include <simgrid/s4u/Actor.hpp>
#include <simgrid/s4u/Engine.hpp>
#include <simgrid/s4u/NetZone.hpp>
#include <vector>

#include "engine/actor_failure.hpp"
#include "engine/actor_start.hpp"
#include "engine/daily_phase_actor.hpp"
#include "engine/parallel_day.hpp"
#include "engine/workforce_actor.hpp"
#include "output/observation_plan.hpp"
#include "output/run_recorder.hpp"
#include "service/day_phase.hpp"
#include "service/probation_service.hpp"

namespace probsim {

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
  // Declared before the engine, so that it outlives the actors, which keep an exception in it.
  ActorFailure failure;
  simgrid::s4u::Engine engine(&argc, argv);
  simgrid::s4u::NetZone* zone = simgrid::s4u::create_full_zone("probation_service");
  // One host carries every actor: the model has no computation or communication costs to simulate,
  // only the passage of days.
  simgrid::s4u::Host* host = zone->create_host("offices", 1e9);
  zone->seal();

  // The model, built once (models/service); the offices' warm starts run on the replication's threads.
  const std::size_t threads = std::max<std::size_t>(1, spec.threads);
  auto warm_start_pool = std::make_unique<ParallelDay>(
      std::min(threads, std::max<std::size_t>(1, scenario.pdu_count())), "the offices' warm start");
  ProbationService service(scenario, spec.seed, spec.events, *warm_start_pool);
  warm_start_pool.reset();

  // One actor per phase of the day, each waking at its phase's time (service/day_phase.hpp). Regions
  // and interventions teams share nothing but the event log (engine/workforce_actor.hpp): without one,
  // their days run on the replication's threads too.
  const SimulationWindow& window = scenario.window;
  const std::size_t independent_threads = spec.events != nullptr ? 1 : threads;
  // Through start_actors, so that stacks the system will not give are said, not an abort in SimGrid: all
  // of them are checked before the first is created.
  std::vector<ActorToStart> actors;
  actors.push_back(
      {"workforce", failure.guarded(WorkforceActor(service, window.last_day(), independent_threads))});
  if (service.has_rag_review())
    actors.push_back({"prioritisation",
                      failure.guarded(DailyPhaseActor(service, DayPhase::rag_review, window.last_day(), 1))});
  actors.push_back(
      {"offices", failure.guarded(DailyPhaseActor(service, DayPhase::casework, window.last_day(), threads))});
  if (service.has_interventions())
    actors.push_back(
        {"interventions", failure.guarded(DailyPhaseActor(service, DayPhase::interventions, window.last_day(),
                                                          independent_threads))});
  start_actors(host, actors);
  // After each run of the engine, before its state is read: an actor's exception is thrown here.
  auto run_until = [&](double date) {
    engine.run_until(date);
    failure.rethrow();
  };

  const std::vector<const PduOffice*> observed = service.observed_offices();
  if (stop != nullptr) {
    run_until(day_phase_time(stop->after_day, DayPhase::observation));
    stop->visit(observed, service.observed_teams());
    return ReplicationResult{};
  }
  RunRecorder recorder(scenario, observed, service.region_of_office(), service.observed_teams());
  if (window.first_report_day() > 0)
    run_until(day_phase_time(window.first_report_day() - 1, DayPhase::observation));
  const std::vector<Observation> plan = observation_plan(scenario);
  open_recorder_window(recorder, plan);
  for (const Observation& o : plan) {
    run_until(day_phase_time(o.after_day, DayPhase::observation));
    record_observation(recorder, o, window);
  }
  engine.run();
  failure.rethrow();
  return recorder.finish();
}

}  // namespace probsim
