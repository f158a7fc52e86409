#pragma once
// A region as it is on one day, imported from an analyst's caseload and staff CSVs (`warm_start:
// snapshot`; docs/reference/snapshot-csv.md). The loader (sim/config/snapshot_csv_reader) checks the
// files and resolves every name: what is here is typed, in scenario order and in simulation days, so
// building the offices from it cannot fail.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/case.hpp"
#include "interventions/intervention_rules.hpp"
#include "interventions/snapshot_bbr.hpp"
#include "interventions/snapshot_si.hpp"
#include "workforce/new_staff.hpp"

namespace probsim {

// Where the two files are, as resolved against the scenario file that names them.
struct SnapshotFiles {
  std::string caseload_csv;
  std::string staff_csv;
};

// One member of staff in post on the snapshot day.
struct SnapshotStaffMember {
  std::string staff_id;
  std::size_t pdu = 0;  // index in scenario order
  // Grade, FTE and place in the PQiP/NQO pipeline: the reduction of trainees and NQOs follows from it.
  NewStaffMember person;
  // A reduction that is not the pipeline's (WMT-5), as a share of contracted hours, held until
  // `reduction_until` (a day after the snapshot day; 0: for the whole run).
  double reduction_share = 0.0;
  Day reduction_until = 0;
  // Long-term sick on the snapshot day, back on this day (0: not sick).
  Day long_term_sick_until = 0;
};

// One person on the caseload on the snapshot day.
struct SnapshotCase {
  std::string person_id;
  std::size_t pdu = 0;
  SentenceType sentence_type = SentenceType::community_order;
  Day sentence_start_day = 0;  // on or before day 0
  Day expected_end_day = 1;    // after day 0
  RoshLevel rosh = RoshLevel::low;
  Tier tier;
  bool domestic_abuse_flag = false;
  Sex sex = Sex::male;
  // Index of the practitioner among the PDU's snapshot staff (in file order), or kUnallocated.
  PractitionerIndex practitioner = kUnallocated;
  // Their BBR requirement or structured intervention, if they have one (read only with interventions
  // on). Never both: the model holds one programme record under way per case.
  std::optional<SnapshotBbr> bbr;
  std::optional<SnapshotSi> si;
  // The due day of the next periodic review (may be before day 0: overdue), if the row gives one; else
  // reviews fall every interval from the sentence start.
  std::optional<Day> next_review_due;
  // The SARA level of a domestic-abuse case, if given: checked and carried, not simulated (see
  // config/snapshot_assessment_columns.hpp).
  std::optional<SaraLevel> sara_level;
  // Carried, not simulated: no mechanism consumes them (docs/reference/snapshot-csv.md); `probsim
  // snapshot` writes them back as read. kNotGiven: the row left the column empty.
  static constexpr double kNotGiven = -1.0;
  double rar_days = kNotGiven;           // RAR days of the order (a community or suspended sentence order)
  double unpaid_work_hours = kNotGiven;  // unpaid-work hours of the order
};

struct RegionSnapshot {
  SnapshotFiles files;
  std::vector<SnapshotStaffMember> staff;  // file order
  std::vector<SnapshotCase> cases;         // file order
  std::vector<std::string> bbr_groups;     // the bbr_group names, in order of first appearance
  std::vector<std::string> si_groups;      // the si_group names, likewise
};

}  // namespace probsim
