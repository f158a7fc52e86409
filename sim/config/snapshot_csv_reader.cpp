#include "config/snapshot_csv_reader.hpp"

#include <charconv>
#include <map>
#include <optional>
#include <set>

#include "caseload/imported_case.hpp"
#include "config/csv_row_reader.hpp"
#include "config/snapshot_assessment_columns.hpp"
#include "config/snapshot_bbr_columns.hpp"
#include "config/snapshot_carried_columns.hpp"
#include "config/snapshot_si_columns.hpp"
#include "config/snapshot_staff_time_columns.hpp"

namespace probsim {

namespace {

// The column names, once (docs/reference/snapshot-csv.md; the schema is snapshot_csv_schema.cpp).
namespace column {
constexpr std::string_view contracted_hours_per_week = "contracted_hours_per_week";
constexpr std::string_view domestic_abuse = "domestic_abuse";
constexpr std::string_view expected_end_date = "expected_end_date";
constexpr std::string_view fte = "fte";
constexpr std::string_view grade = "grade";
constexpr std::string_view nqo_months_completed = "nqo_months_completed";
constexpr std::string_view pdu = "pdu";
constexpr std::string_view person_id = "person_id";
constexpr std::string_view pqip_training_month = "pqip_training_month";
constexpr std::string_view practitioner = "practitioner";
constexpr std::string_view rosh = "rosh";
constexpr std::string_view sentence_start_date = "sentence_start_date";
constexpr std::string_view sentence_type = "sentence_type";
constexpr std::string_view sex = "sex";
constexpr std::string_view staff_id = "staff_id";
constexpr std::string_view tier = "tier";
}  // namespace column

std::optional<std::size_t> find_pdu(RowReader& row, const Scenario& scenario) {
  auto name = row.required_text(column::pdu);
  if (!name) return std::nullopt;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < scenario.pdu_count(); ++i) {
    if (scenario.pdu_at(i).name == *name) return i;
    names.push_back(scenario.pdu_at(i).name);
  }
  std::string message = "PDU '" + std::string(*name) + "' is not in the scenario";
  const std::string suggestion = did_you_mean(std::string(*name), names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  row.error(column::pdu, message);
  return std::nullopt;
}

// A staff member as cases refer to them.
struct StaffEntry {
  std::size_t pdu = 0;
  PractitionerIndex index_in_pdu = 0;
  Grade grade = Grade::po;
};

void read_staff_row(RowReader& row, const Scenario& s, RegionSnapshot& snapshot,
                    std::map<std::string, StaffEntry, std::less<>>& by_id,
                    std::vector<PractitionerIndex>& per_pdu,
                    std::map<std::string, int, std::less<>>& first_line, bool hours_column) {
  SnapshotStaffMember m;
  bool ok = true;
  if (auto id = row.required_text(column::staff_id)) {
    m.staff_id = std::string(*id);
    auto [it, fresh] = first_line.emplace(m.staff_id, row.line());
    if (!fresh) {
      row.error(column::staff_id,
                "duplicate staff id '" + m.staff_id + "' (first on line " + std::to_string(it->second) + ")");
      ok = false;
    }
  } else {
    ok = false;
  }
  auto pdu = find_pdu(row, s);
  auto grade = row.choice(column::grade, kGradeNames);
  ok = ok && pdu && grade;
  if (grade) m.person.grade = static_cast<Grade>(*grade);
  const double default_hours = s.caseload.workload.default_contracted_hours_per_week;
  if (hours_column) {
    if (auto hours =
            row.number(column::contracted_hours_per_week, 0.1 * default_hours, default_hours, "hours a week"))
      m.person.fte = *hours / default_hours;
    else
      ok = false;
  } else if (auto fte = row.number(column::fte, 0.1, 1.0, "FTE")) {
    m.person.fte = *fte;
  } else {
    ok = false;
  }
  const TraineePipeline& pipeline = s.workforce.trainee_pipeline;
  const bool pqip_month = row.given(column::pqip_training_month);
  const bool nqo_month = row.given(column::nqo_months_completed);
  if (pqip_month) {
    if (grade && m.person.grade != Grade::pqip)
      row.error(column::pqip_training_month, "applies only to grade pqip (trainees)"), ok = false;
    else if (auto months =
                 row.whole_number(column::pqip_training_month, 0, pipeline.training_months - 1, "months"))
      m.person.training_months_completed = *months;
    else
      ok = false;
  }
  if (nqo_month) {
    if (grade && m.person.grade != Grade::po)
      row.error(column::nqo_months_completed, "applies only to grade po (newly qualified officers)"),
          ok = false;
    else if (auto months = row.whole_number(column::nqo_months_completed, 0,
                                            std::max(0, pipeline.nqo_months - 1), "months"))
      m.person.nqo_months_completed = *months;
    else
      ok = false;
  }
  const bool in_pipeline = (grade && m.person.grade == Grade::pqip) || nqo_month;
  if (!read_staff_time_columns(row, s, in_pipeline, ok, m)) ok = false;
  if (!ok) return;
  m.pdu = *pdu;
  by_id.emplace(m.staff_id, StaffEntry{m.pdu, per_pdu[m.pdu]++, m.person.grade});
  snapshot.staff.push_back(std::move(m));
}

void read_case_row(RowReader& row, const Scenario& s, RegionSnapshot& snapshot,
                   const std::map<std::string, StaffEntry, std::less<>>& staff,
                   const std::optional<std::set<std::string, std::less<>>>& staff_rows,
                   std::map<std::string, int, std::less<>>& first_line, SnapshotBbrGroups& bbr_groups,
                   SnapshotBbrGroups& si_groups) {
  SnapshotCase c;
  bool ok = true;
  if (auto id = row.required_text(column::person_id)) {
    c.person_id = std::string(*id);
    auto [it, fresh] = first_line.emplace(c.person_id, row.line());
    if (!fresh)
      row.error(column::person_id, "duplicate person id '" + c.person_id + "' (first on line " +
                                       std::to_string(it->second) + ")"),
          ok = false;
  } else {
    ok = false;
  }
  auto pdu = find_pdu(row, s);
  auto type = row.choice(column::sentence_type, kSentenceTypeNames);
  auto start = row.date(column::sentence_start_date);
  auto end = row.date(column::expected_end_date);
  auto rosh = row.choice(column::rosh, kRoshLevelNames);
  auto tier = row.choice(column::tier, kTierNames);
  auto sex = row.choice(column::sex, kSexNames);
  auto da = row.boolean(column::domestic_abuse, false);
  ok = ok && pdu && type && start && end && rosh && tier && sex && da;
  // The snapshot day is day 0: report_start less the warm-up, which a scenario continued from a
  // snapshot usually sets to 0; said beside the day, since a warm-up left on moves it unseen.
  const std::string snapshot_day =
      s.window.day_zero().iso() +
      (s.window.first_report_day() > 0
           ? " (simulation.report_start " + s.window.report_start.iso() + " less warm_up_weeks)"
           : std::string());
  if (start && *start > 0)
    row.error(column::sentence_start_date, "is after the snapshot day " + snapshot_day +
                                               "; a sentence not yet started is a future referral"),
        ok = false;
  if (start && end && *end < *start)
    row.error(column::expected_end_date, "is before sentence_start_date"), ok = false;
  else if (end && *end <= 0)
    row.error(column::expected_end_date,
              "is on or before the snapshot day " + snapshot_day + "; the case is no longer on the caseload"),
        ok = false;
  if (row.given(column::practitioner)) {
    const std::string_view who = row.text(column::practitioner);
    auto it = staff.find(who);
    if (it == staff.end()) {
      // A staff row with problems of its own is reported there, not again here; with no staff rows read
      // (the staff file's header or the file itself has problems) every case would repeat that one.
      if (staff_rows && !staff_rows->count(who))
        row.error(column::practitioner, "no staff row has staff_id '" + std::string(who) + "'");
      ok = false;
    } else if (pdu && it->second.pdu != *pdu) {
      row.error(column::practitioner, "'" + std::string(who) + "' works in PDU '" +
                                          s.pdu_at(it->second.pdu).name + "', not in '" +
                                          s.pdu_at(*pdu).name + "'");
      ok = false;
    } else if (!holds_cases(it->second.grade)) {
      row.error(column::practitioner, "'" + std::string(who) + "' is grade " +
                                          std::string(to_string(it->second.grade)) +
                                          ", which holds no cases (po, pso or pqip do)");
      ok = false;
    } else {
      c.practitioner = it->second.index_in_pdu;
    }
  }
  const bool person_read = pdu && start && sex && da;
  if (person_read) {
    c.pdu = *pdu;
    c.sentence_start_day = *start;
    c.sex = static_cast<Sex>(*sex);
    c.domestic_abuse_flag = *da;
  }
  if (auto bbr = read_bbr_columns(row, s, c, person_read, bbr_groups))
    c.bbr = *bbr;
  else
    ok = false;
  if (!read_carried_columns(row, type ? std::optional(static_cast<SentenceType>(*type)) : std::nullopt, c))
    ok = false;
  const bool has_bbr = row.given("bbr_status");
  if (auto si = read_si_columns(row, s, c, person_read, has_bbr, si_groups))
    c.si = *si;
  else
    ok = false;
  if (!read_assessment_columns(row, start, person_read, c)) ok = false;
  if (!ok) return;
  c.pdu = *pdu;
  c.sentence_type = static_cast<SentenceType>(*type);
  c.sentence_start_day = *start;
  c.expected_end_day = *end;
  c.rosh = static_cast<RoshLevel>(*rosh);
  c.tier = Tier{static_cast<std::uint8_t>(*tier)};
  c.sex = static_cast<Sex>(*sex);
  c.domestic_abuse_flag = *da;
  snapshot.cases.push_back(std::move(c));
}

}  // namespace

std::optional<RegionSnapshot> read_snapshot_csvs(const SnapshotFiles& files, const Scenario& scenario,
                                                 std::vector<CsvProblem>& problems) {
  const std::size_t before = problems.size();
  RegionSnapshot snapshot;
  snapshot.files = files;
  const CalendarDate day_zero = scenario.window.day_zero();

  std::map<std::string, StaffEntry, std::less<>> staff_by_id;
  // Every id on a staff row, with problems or not; nullopt when the staff file's rows could not be read.
  std::optional<std::set<std::string, std::less<>>> staff_ids;
  if (auto table = CsvTable::read(files.staff_csv, snapshot_staff_columns(), problems)) {
    if (table->header_ok()) staff_ids.emplace();
    const bool fte = table->has_column(column::fte);
    const bool hours = table->has_column(column::contracted_hours_per_week);
    if (fte == hours && table->header_read())
      problems.push_back({table->file(), 1, fte ? "contracted_hours_per_week" : "fte",
                          fte ? "give either fte or contracted_hours_per_week, not both"
                              : "required column is missing: give fte or contracted_hours_per_week"});
    std::vector<PractitionerIndex> per_pdu(scenario.pdu_count(), 0);
    std::map<std::string, int, std::less<>> first_line;
    for (const CsvRow& r : table->rows()) {
      RowReader row(*table, r, day_zero, problems);
      staff_ids->emplace(row.text(column::staff_id));
      if (fte != hours) read_staff_row(row, scenario, snapshot, staff_by_id, per_pdu, first_line, hours);
    }
    // A row already refused for its fields still names its person: the caseload's rows that name them
    // are not told that no staff row has that id.
    if (staff_ids)
      for (const CsvRow& r : table->malformed_rows())
        if (const std::string_view id = table->field(r, column::staff_id); !id.empty())
          staff_ids->emplace(id);
  }
  if (auto table = CsvTable::read(files.caseload_csv, snapshot_caseload_columns(), problems)) {
    std::map<std::string, int, std::less<>> first_line;
    SnapshotBbrGroups bbr_groups, si_groups;
    // A staff file with its header and no rows: every case naming a practitioner would repeat that one
    // problem, so it is said once, at the staff file, with how many cases it leaves unheld.
    const bool no_staff_rows = staff_ids && staff_ids->empty();
    const std::optional<std::set<std::string, std::less<>>> named_staff =
        no_staff_rows ? std::nullopt : staff_ids;
    std::size_t naming = 0;
    int first_naming = 0;
    for (const CsvRow& r : table->rows()) {
      RowReader row(*table, r, day_zero, problems);
      if (no_staff_rows && row.given(column::practitioner) && naming++ == 0) first_naming = row.line();
      read_case_row(row, scenario, snapshot, staff_by_id, named_staff, first_line, bbr_groups, si_groups);
    }
    if (naming > 0)
      problems.push_back({files.staff_csv, 1, "header",
                          "the file has no staff rows, but " + std::to_string(naming) +
                              " rows of the caseload name a practitioner (the first at line " +
                              std::to_string(first_naming) + " of " + table->file() + ")"});
    check_bbr_groups(bbr_groups, scenario, table->file(), problems);
    check_si_groups(si_groups, scenario, table->file(), problems);
    snapshot.bbr_groups = std::move(bbr_groups.names);
    snapshot.si_groups = std::move(si_groups.names);
  }
  if (problems.size() != before) return std::nullopt;
  return snapshot;
}

}  // namespace probsim
