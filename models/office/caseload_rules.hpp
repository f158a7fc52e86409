#pragma once
// Everything that decides who arrives, who holds them and when they leave, and how their sentence is
// managed; shared by every PDU office. It bundles rules from the caseload, prioritisation and
// sentence-management layers, so it lives in the office layer, the lowest that may see all three.

#include "caseload/allocation_rule.hpp"
#include "caseload/case_mix.hpp"
#include "caseload/workload_points.hpp"
#include "prioritisation/rag_policy.hpp"
#include "sentence_management/business_as_usual_measures.hpp"
#include "sentence_management/task_rules.hpp"

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
