#pragma once
// Runs one replication of a scenario on a SimGrid Engine. Call at most once per process: a second
// Engine in one process is wrong (docs/architecture.md), so the runner forks a child per replication.

#include <cstdint>
#include <functional>
#include <span>

#include "office/case_event_sink.hpp"
#include "output/replication_result.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class InterventionsTeam;

class PduOffice;

struct ReplicationSpec {
  std::uint64_t index = 0;  // 0-based
  std::uint64_t seed = 0;   // replication_seed(base seed, index)
  CaseEventSink* events = nullptr;
  // Threads that run the day's PDU offices (DailyPhaseActor); outputs do not depend on it.
  std::size_t threads = 1;
};

// probsim snapshot: a replication that stops at the end of day `after_day` and hands its offices (in
// scenario order) and interventions teams to `visit`; it then returns no results.
struct ReplicationStop {
  Day after_day = 0;
  std::function<void(std::span<const PduOffice* const>, std::span<const InterventionsTeam* const>)> visit;
};

[[nodiscard]] ReplicationResult run_replication(const Scenario& scenario, const ReplicationSpec& spec,
                                                const ReplicationStop* stop = nullptr);

}  // namespace probsim
