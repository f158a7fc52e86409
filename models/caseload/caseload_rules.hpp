#pragma once
// Everything that decides who arrives, who holds them and when they leave; shared by every PDU.

#include "caseload/allocation_rule.hpp"
#include "caseload/case_mix.hpp"
#include "prioritisation/rag_policy.hpp"
#include "sentence_management/task_rules.hpp"
#include "workforce/workload_points.hpp"

namespace probsim {

struct CaseloadRules {
  CaseMix case_mix;
  EarlyTerminationHazards early_termination;
  AllocationRule allocation;
  WorkloadPointsTable workload;
  SentenceManagementRules sentence_management;  // tasks and their timeliness; off unless configured
  PrioritisationRules prioritisation;           // RAG status and its measures; off unless configured
};

}  // namespace probsim
