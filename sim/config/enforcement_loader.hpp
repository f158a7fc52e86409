#pragma once
// The scenario's `enforcement` block (EnforcementRules, issue 24): read and validated by its own file so
// the scenario loader only calls it. Absent: enforcement is off and nothing changes.

#include "config/field_reader.hpp"
#include "sentence_management/task_rules.hpp"

namespace probsim {

// Reads the optional top-level `enforcement` block into `rules.enforcement`; it needs
// `sentence_management` (appointments are its contacts), read before.
void read_enforcement(FieldReader& root, SentenceManagementRules& rules);

}  // namespace probsim
