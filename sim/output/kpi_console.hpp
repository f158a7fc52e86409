#pragma once
// How KPIs are chosen and shown on the console (docs/outputs-by-unit.md): `--kpis` patterns with shell
// globs, `--by` units, and shares printed as percentages with one decimal, so that −0.043 reads −4.3%
// rather than −0.04.

#include <string>
#include <vector>

namespace probsim {

// A KPI is a share (a fraction between 0 and 1) when its name says so: it ends in `_share`, or it is
// one of the few ratios named otherwise.
[[nodiscard]] bool is_share_kpi(const std::string& kpi);

// `value` as printed: a share as "-4.3%", anything else with two decimals. `width` pads on the left.
[[nodiscard]] std::string format_kpi_value(const std::string& kpi, double value, int width = 0);

// "a,b*,c" → {"a", "b*", "c"}; empty items dropped.
[[nodiscard]] std::vector<std::string> split_list(const std::string& list);

// The rows to print and their order. Each row is a unit (its level and name together) and a KPI; a
// unit's rows are printed together, units in the order they first appear. The rows `patterns` choose are
// kept, each unit's in the order the patterns (shell globs: *, ?, [..]) are listed (a row under the first
// pattern it matches), then in file order: `--kpis b,a` prints b before a. Every row, in file order, when
// there are no patterns.
struct ConsoleRow {
  std::string unit;
  std::string kpi;
};
[[nodiscard]] std::vector<std::size_t> console_order(const std::vector<ConsoleRow>& rows,
                                                     const std::vector<std::string>& patterns);

// Whether a row of `level` is printed when the console is asked for `by` ("" or "national": the nation
// only; "region": the nation and each region; "pdu": the nation and each PDU; "team": the nation and
// each interventions team; "all": everything).
[[nodiscard]] bool level_chosen(const std::string& level, const std::string& by);

// The values --by accepts, for the option's check and help.
[[nodiscard]] bool valid_by(const std::string& by);

}  // namespace probsim
