#pragma once
// The measures of a PDU at green (RAG-17): taken from the sentence-management rules, which sit above
// the prioritisation values in the layer order (docs/architecture.md).

#include "prioritisation/rag_measures.hpp"
#include "sentence_management/task_rules.hpp"

namespace probsim {

// Business as usual: no contact cuts, BAU face-to-face share and non-task time, nothing suspended.
[[nodiscard]] inline RagMeasures business_as_usual_measures(const SentenceManagementRules& rules) {
  RagMeasures m;
  m.contacts.face_to_face_share = rules.contacts.face_to_face_share;
  m.contacts.non_task_time_share = rules.non_task_time_share;
  return m;
}

}  // namespace probsim
