#pragma once
// The caseload CSV's BBR columns (docs/reference/snapshot-csv.md): bbr_status, bbr_requirement_date,
// bbr_sessions_attended and bbr_group. Problems are recorded as FILE:LINE:COLUMN like every other.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/csv_row_reader.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// The groups named so far, in order of first appearance, and every attending man, for the checks
// between rows (check_bbr_groups).
struct SnapshotBbrGroups {
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<std::string> names;
  struct Member {
    std::size_t group;
    int line;
    std::size_t pdu;
    int sessions;
    std::uint32_t programme = 0;  // 0: BBR; 1 + i: structured intervention i
    // False when the row's own sessions attended were refused (and reported): `sessions` is then no
    // value of the file, and the group is not judged by it.
    bool sessions_known = true;
  };
  std::vector<Member> members;
};

// Shared by the bbr_ and si_ columns (snapshot_si_columns.cpp).
// Whether an interventions team serves `pdu`: a requirement elsewhere could never be delivered.
[[nodiscard]] bool served_by_interventions_team(const Scenario& s, std::size_t pdu);
// The sessions a person awaiting a rejoin keeps whole: a rolling group keeps the modules completed, a
// closed one starts a new cohort from the beginning.
[[nodiscard]] int rejoin_unit_sessions(const ProgrammeRules& rules);
// Adds an attending member to the group named `name` (a new group if not seen before); returns its index.
std::int32_t add_group_member(SnapshotBbrGroups& groups, std::string_view name, int line, std::size_t pdu,
                              int sessions, std::uint32_t programme, bool sessions_known);

// One row's BBR record: nullopt if the columns have a problem (recorded), an empty optional if the row
// gives none. `person` is the row as read so far (`person_ok`: its own columns had no problem).
[[nodiscard]] std::optional<std::optional<SnapshotBbr>> read_bbr_columns(RowReader& row, const Scenario& s,
                                                                         const SnapshotCase& person,
                                                                         bool person_ok,
                                                                         SnapshotBbrGroups& groups);

// The checks between the members of each group, after every row is read.
void check_bbr_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                      std::vector<CsvProblem>& problems);
// The same checks for any programme's groups (the si_ columns use it too), with the columns to name; the
// members of one group must also be in one programme.
void check_snapshot_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                           std::vector<CsvProblem>& problems, std::string_view group_column,
                           std::string_view sessions_column);

}  // namespace probsim
