#pragma once
// The check of `--kpis` patterns (run and compare) before anything runs: a pattern that can match no KPI
// of the catalogue is a misspelling, and would otherwise print nothing after a run of minutes.

#include <string>

namespace probsim {

// "" when the shell glob `pattern` (*, ?, [..]) matches a KPI name of docs/reference/outputs.md, at any
// level; otherwise why not, with the nearest name. A name written with a placeholder in the catalogue
// (`si_cohort_completed_<programme>`) matches a pattern that fits it with the placeholder filled: with
// a literal name (`si_cohort_completed_kaizen`), or with one of the pattern's own pieces (`si_*_kaizen`).
[[nodiscard]] std::string unmatched_kpi_pattern(const std::string& pattern);

}  // namespace probsim
