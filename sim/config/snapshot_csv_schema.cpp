// The columns of the snapshot CSVs (docs/reference/snapshot-csv.md), and attaching a snapshot to the
// scenario that names it.
#include <filesystem>
#include <map>
#include <tuple>

#include "caseload/imported_case.hpp"
#include "config/snapshot_csv_reader.hpp"

namespace probsim {

namespace {
// Columns an analyst would expect from a case management extract that the model cannot represent yet.
// They are refused, with the reason, rather than read and dropped.
const char* const kStructuredInterventionColumns =
    "a structured intervention is given by si_programme, si_status, si_requirement_date, "
    "si_sessions_attended and si_group";
}  // namespace

const std::vector<CsvColumn>& snapshot_caseload_columns() {
  static const std::vector<CsvColumn> columns = {
      {"person_id", true, ""},
      {"pdu", true, ""},
      {"sentence_type", true, ""},
      {"sentence_start_date", true, ""},
      {"expected_end_date", true, ""},
      {"rosh", true, ""},
      {"tier", true, ""},
      {"sex", true, ""},
      {"domestic_abuse", false, ""},
      {"practitioner", false, ""},
      {"next_review_due", false, ""},
      {"sara_level", false, ""},
      {"bbr_status", false, ""},
      {"bbr_requirement_date", false, ""},
      {"bbr_sessions_attended", false, ""},
      {"bbr_group", false, ""},
      {"bbr_sessions_missed", false, ""},
      {"bbr_start_date", false, ""},
      {"si_programme", false, ""},
      {"si_status", false, ""},
      {"si_requirement_date", false, ""},
      {"si_sessions_attended", false, ""},
      {"si_group", false, ""},
      {"structured_intervention", false, kStructuredInterventionColumns},
      {"rar_days", false, ""},  // carried, not simulated (snapshot_carried_columns.hpp)
      {"unpaid_work_hours", false, ""},
  };
  return columns;
}

const std::vector<CsvColumn>& snapshot_staff_columns() {
  static const std::vector<CsvColumn> columns = {
      {"staff_id", true, ""},
      {"pdu", true, ""},
      {"grade", true, ""},
      {"fte", false, ""},
      {"contracted_hours_per_week", false, ""},
      {"reduction_pct", false, ""},
      {"reduction_reason", false, ""},
      {"reduction_end_date", false, ""},
      {"pqip_training_month", false, ""},
      {"nqo_months_completed", false, ""},
      {"long_term_sick", false, ""},
      {"sickness_end_date", false, ""},
  };
  return columns;
}

void attach_snapshot(Scenario& s, const SourceLocation& where, Diagnostics& diagnostics) {
  if (s.window.warm_start != WarmStart::snapshot || !s.snapshot_files) return;
  bool ok = true;
  if (s.pdu_count() >= kMaxPdusForCaseIds) {  // imported and generated case ids would overlap
    diagnostics.error(where, "simulation.warm_start",
                      "a snapshot supports fewer than " + std::to_string(kMaxPdusForCaseIds) + " PDUs");
    ok = false;
  }
  for (std::size_t i = 0; i < s.pdu_count(); ++i)
    if (!s.pdu_at(i).staff.empty()) {
      diagnostics.error(where, "simulation.warm_start",
                        "PDU '" + s.pdu_at(i).name + "' lists staff; with a snapshot the staff come from " +
                            s.snapshot_files->staff_csv + " only");
      ok = false;
    }
  if (!ok) return;
  std::vector<CsvProblem> problems;
  std::optional<RegionSnapshot> snapshot = read_snapshot_csvs(*s.snapshot_files, s, problems);
  // The location carries the whole FILE:LINE:COLUMN-NAME text, the key none, so that the loader's one
  // list of problems prints CSV problems in their own form. The same problem on more than 10 rows (every
  // case starting after a snapshot day that a long warm-up moved back) is said once, with its count and
  // first lines, rather than a thousand times.
  constexpr std::size_t kListedAlike = 10;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<int>> lines_alike;
  for (const CsvProblem& p : problems) lines_alike[{p.file, p.column, p.message}].push_back(p.line);
  for (const CsvProblem& p : problems) {
    const std::vector<int>& lines = lines_alike.at({p.file, p.column, p.message});
    if (lines.size() > kListedAlike && lines.front() != p.line) continue;
    std::string message = p.message;
    if (lines.size() > kListedAlike) {
      message += " (and on " + std::to_string(lines.size() - 1) + " more rows: lines";
      for (std::size_t i = 1; i < lines.size() && i <= 5; ++i)
        message += (i > 1 ? ", " : " ") + std::to_string(lines[i]);
      message += lines.size() > 6 ? ", ...)" : ")";
    }
    diagnostics.error(SourceLocation{p.file + ":" + std::to_string(p.line) + ":" + p.column, 0, 0}, "",
                      message);
  }
  if (!snapshot) return;
  for (std::size_t i = 0; i < s.pdu_count(); ++i) {
    PduSpec& pdu = s.pdu_at(i);
    bool none_given = true;
    for (double fte : pdu.establishment_fte) none_given = none_given && fte == 0.0;
    if (!none_given) continue;
    for (const SnapshotStaffMember& m : snapshot->staff)
      if (m.pdu == i) at(pdu.establishment_fte, m.person.grade) += m.person.fte;
  }
  s.snapshot = std::make_shared<const RegionSnapshot>(std::move(*snapshot));
}

std::string resolve_snapshot_path(const SourceLocation& where, const std::string& path) {
  std::filesystem::path p(path);
  // A path in a scenario file is relative to that file; one given with --set (whose location reads
  // "--set key=value") to the working directory, like any path on the command line.
  const bool from_set_option = where.file.rfind("--set ", 0) == 0;
  if (p.is_relative() && !from_set_option) p = std::filesystem::path(where.file).parent_path() / p;
  return p.lexically_normal().string();
}

}  // namespace probsim
