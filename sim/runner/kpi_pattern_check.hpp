#pragma once
// The checks of KPI names against the metric catalogue before anything runs: a `--kpis` pattern (run and
// compare), and a name that must be a national KPI (a precision rule's, a sweep's headline_kpis). One that
// cannot match is a misspelling, and would otherwise show nothing, or fail, after a run of minutes.

#include <string>

namespace probsim {

// "" when the shell glob `pattern` (*, ?, [..]) matches a KPI name of docs/reference/outputs.md, at any
// level; otherwise why not, with the nearest name. A name written with a placeholder in the catalogue
// (`si_cohort_completed_<programme>`) matches a pattern that fits it with the placeholder filled: with
// a literal name (`si_cohort_completed_kaizen`), or with one of the pattern's own pieces (`si_*_kaizen`).
[[nodiscard]] std::string unmatched_kpi_pattern(const std::string& pattern);

// Why `kpi` is not a national KPI of the catalogue, or "" if it is; `reader` says what reads the nation's
// value, for the message ("the rule reads the nation's"). With the closest national name. Whether a
// scenario writes that KPI (a cohort report's KPIs need the report on) is known only from a replication.
[[nodiscard]] std::string unknown_national_kpi(const std::string& kpi, const std::string& reader);

}  // namespace probsim
