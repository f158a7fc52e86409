#pragma once
// The uniform draw that decides one task's fate under a rule (overload triage, RAG-13's judgement): keyed
// on the rule's purpose, the case, the kind and the due day, and on nothing that depends on the order of
// events, so two scenarios of a run differing only in staffing or in a rule's probability see the same
// draw for the same task (common random numbers).

#include <cstdint>

#include "core/random_stream.hpp"
#include "sentence_management/task.hpp"

namespace probsim {

[[nodiscard]] inline double task_draw(std::uint64_t replication_seed, std::uint64_t purpose, CaseId case_id,
                                      TaskKind kind, Day due_day) {
  const std::uint64_t entity = combine_seed(combine_seed(case_id, static_cast<std::uint64_t>(kind)),
                                            static_cast<std::uint64_t>(due_day));
  RandomStream stream(replication_seed, purpose, entity);
  return stream.uniform01();
}

}  // namespace probsim
