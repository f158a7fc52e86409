// Malformed scenarios, driven through the probsim executable as a user would: every file in
// tests/bad_scenarios/ has one defect, and for each `probsim validate` must exit 1 with a diagnostic
// naming the file, the line and the key, and `probsim run` must fail without leaving an output
// directory (complete or partial) behind. Also: a missing file, bad --set overrides, a bad command.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/cli_test_support.hpp"

namespace probsim::testing {
namespace {

namespace fs = std::filesystem;

struct BadScenario {
  const char* file;         // under tests/bad_scenarios/
  int line;                 // 1-based line the diagnostic must name (also in the file's `# expect:` comment)
  const char* key;          // the key path the diagnostic must name; "" for a YAML syntax error
  const char* fragment;     // a piece of the message that must be on the same line; may be ""
  const char* reported_in;  // the file the diagnostic must name, when not `file` (an `extends` cycle)
};

// One row per file. The line and key are what a user would point at; see each file's leading comment.
const BadScenario kBadScenarios[] = {
    {"syntax_error.yaml", 25, "", "YAML syntax error", ""},
    {"unclosed_bracket.yaml", 25, "", "is never closed", ""},
    {"unknown_top_level_key.yaml", 9, "simulaton", "did you mean 'simulation'", ""},
    {"unknown_nested_key.yaml", 22, "regions[0].pdus[0].referrals_per_wek",
     "did you mean 'referrals_per_week'", ""},
    {"wrong_type.yaml", 28, "regions[0].pdus[1].referrals_per_week", "expected a number, found 'many'", ""},
    {"negative_rate.yaml", 22, "regions[0].pdus[0].referrals_per_week", "found -3", ""},
    {"shares_not_summing.yaml", 30, "case_mix.rosh_shares", "must sum to 1, but they sum to 0.9", ""},
    {"share_above_one.yaml", 18, "case_mix.sentence_type_shares.suspended_sentence_order", "between 0 and 1",
     ""},
    {"missing_extends.yaml", 3, "extends", "does not exist", ""},
    {"missing_required_key.yaml", 27, "regions[0].pdus[1].referrals_per_week", "required but missing", ""},
    {"report_end_before_start.yaml", 11, "simulation.report_end", "must be after simulation.report_start",
     ""},
    {"invalid_date.yaml", 10, "simulation.report_start", "02-30 is not a day: February 2023 has 28 days", ""},
    {"unknown_grade.yaml", 30, "regions[0].pdus[1].staff[0].grade", "did you mean 'po'", ""},
    {"fte_above_one.yaml", 31, "regions[0].pdus[1].staff[1].fte_each", "found 1.5", ""},
    {"duplicate_key.yaml", 14, "simulation.warm_up_weeks", "duplicate key (first given at line 12)", ""},
    {"duplicate_pdu_name.yaml", 33, "regions[0].pdus[2].name", "'Northgate' is already used", ""},
    {"weights_values_mismatch.yaml", 25, "case_mix.sentence_length_months.community_order.weights",
     "3 values, 2 weights", ""},
    {"empty_regions.yaml", 15, "regions", "non-empty list of regions", ""},
    {"intake_unknown_pdu.yaml", 52, "staffing_plan.intakes[0].pdu", "did you mean 'Northgate'", ""},
    {"intake_unknown_region.yaml", 52, "staffing_plan.intakes[0].region", "did you mean 'Example region'",
     ""},
    {"intake_before_report_start.yaml", 53, "staffing_plan.intakes[0].date",
     "must not be before simulation.report_start (2023-01-01)", ""},
    {"negative_fte.yaml", 37, "regions[0].pdus[1].staff[2].fte_each", "found -0.5", ""},
    {"leaver_rate_as_percentage.yaml", 52, "workforce.leaver_rate_per_year.po", "for 7.4% write 0.074", ""},
    {"negative_establishment.yaml", 33, "regions[0].pdus[1].establishment_fte.po", "found -8", ""},
    {"training_months_on_po.yaml", 35, "regions[0].pdus[1].staff[0].training_months_completed",
     "applies only to grade pqip", ""},
    {"negative_task_hours.yaml", 51, "sentence_management.periodic_review.hours", "found -2", ""},
    {"unknown_priority_criterion.yaml", 51, "sentence_management.priority_order[1]",
     "did you mean 'earliest_due'", ""},
    {"bank_holiday_not_a_date.yaml", 51, "calendar.bank_holidays[1]", "2023-13-26 is not a date", ""},
    {"bank_holiday_year_zero.yaml", 51, "calendar.bank_holidays[1]",
     "must be a date from 1990 to 2100, found 0000-01-01", ""},
    {"contact_schedule_out_of_order.yaml", 53,
     "sentence_management.contacts.schedule_by_rosh.low[1].until_week", "increasing order of until_week", ""},
    {"overload_triage_line_reversed.yaml", 50,
     "sentence_management.overload_triage.protect_none_from_workload_pct",
     "must be above protect_all_up_to_workload_pct", ""},
    {"overload_triage_contact.yaml", 50, "sentence_management.overload_triage.tasks", "not 'contact'", ""},
    {"judgement_periodic_review.yaml", 51, "sentence_management.judgement_under_revised_measures.tasks",
     "not 'periodic_review'", ""},
    {"judgement_probability_above_one.yaml", 50,
     "sentence_management.judgement_under_revised_measures.set_aside_probability", "found 1.5", ""},
    {"rag_thresholds_out_of_order.yaml", 53, "prioritisation.workload_pct_red_above",
     "must be at least workload_pct_amber_above (110)", ""},
    {"rag_unknown_measure.yaml", 54, "prioritisation.measures.amber.contact_frequency_multipler",
     "did you mean 'contact_frequency_multiplier'", ""},
    {"rag_override_unknown_pdu.yaml", 53, "prioritisation.overrides[0].pdu", "did you mean 'Southbridge'",
     ""},
    {"rag_face_to_face_share_above_one.yaml", 54, "prioritisation.measures.red.face_to_face_share",
     "between 0 and 1, found 1.5", ""},
    {"rag_unknown_exemption.yaml", 52, "prioritisation.exempt[1]", "did you mean 'terrorism'", ""},
    {"rag_override_ends_before_start.yaml", 53, "prioritisation.overrides[0].to", "on or after 'from'", ""},
    {"rag_override_to_year_9999.yaml", 53, "prioritisation.overrides[0].to",
     "must be a date from 1990 to 2100, found 9999-12-31", ""},
    {"interventions_unknown_bbr_key.yaml", 52, "interventions.bbr.group_size_maxx",
     "did you mean 'group_size_max'", ""},
    {"group_size_min_above_max.yaml", 52, "interventions.bbr.group_size_min",
     "must not exceed group_size_max (10)", ""},
    {"sara_shares_not_summing.yaml", 52, "interventions.routing.sara_level_shares",
     "must sum to 1, but they sum to 1.1", ""},
    {"unknown_bbr_priority.yaml", 52, "interventions.bbr.priority", "did you mean 'risk_then_order_end'", ""},
    {"bbr_priority_order_contacts_first.yaml", 52, "interventions.bbr.priority_order[1]",
     "'contacts_first' does not apply to a waiting list", ""},
    {"team_unknown_pdu.yaml", 52, "interventions_teams[0].pdus[0]", "did you mean 'Northgate'", ""},
    {"pdu_in_two_teams.yaml", 54, "interventions_teams[1].pdus[0]",
     "'Eastmoor' is already served by team 'North'", ""},
    {"si_mix_unknown_programme.yaml", 55, "interventions.routing.structured_intervention_mix.helpp",
     "did you mean 'help'", ""},
    {"negative_session_hours.yaml", 52, "interventions.facilitation.hours_per_group_session", "found -2.5",
     ""},
    {"attendance_above_one.yaml", 52, "interventions.bbr.attendance_probability", "found 1.5", ""},
    {"enforcement_absences_above_one.yaml", 9, "enforcement.appointments.missed_unacceptable_share",
     "of licence exceeds 1", ""},
    {"enforcement_warm_start_negative_rate.yaml", 9, "enforcement.warm_start.breach_endings_per_year.licence",
     "found -0.1", ""},
    {"enforcement_warm_start_nothing_delivered.yaml", 8, "enforcement.warm_start.contacts_delivered_share",
     "must be above 0", ""},
    {"enforcement_warm_start_unknown_key.yaml", 9, "enforcement.warm_start.contacts_delivered",
     "did you mean 'contacts_delivered_share'", ""},
    {"enforcement_rosh_multiplier_above_one.yaml", 10,
     "enforcement.appointments.unacceptable_multiplier_by_rosh", "community_order at RoSH very_high", ""},
    {"cohort_status_before_requirements_end.yaml", 54, "interventions.cohort_report.status_on",
     "must be on or after requirements_to (2023-09-30)", ""},
    {"cohort_status_outside_window.yaml", 54, "interventions.cohort_report.status_on",
     "must be within the report window (2023-01-01 to 2024-12-31)", ""},
    // Checks between fields that moved from the loader into the rule structs (issue 22): the loader
    // still points at the file's line and key.
    {"trainee_steps_out_of_order.yaml", 60,
     "workforce.trainee_pipeline.workload_reduction_by_month[2].from_month",
     "steps must be in increasing order of from_month", ""},
    {"backfill_trainees_without_po.yaml", 60, "staffing_plan.backfill.po_leavers_replaced_by_trainees",
     "needs po among backfill.grades", ""},
    {"si_share_without_programmes.yaml", 60, "interventions.routing.sara_low_structured_intervention_share",
     "lists none: add them or set this share to 0", ""},
    // Inputs that were accepted and then ignored, or that ran for hours or exhausted memory (issue 23).
    {"negative_year.yaml", 10, "simulation.report_start", "found '-001-01-01'", ""},
    {"report_end_far_future.yaml", 11, "simulation.report_end", "longer than 50 years", ""},
    {"pdu_name_with_newline.yaml", 21, "regions[0].pdus[0].name", "without control characters", ""},
    {"pdu_name_not_utf8.yaml", 22, "regions[0].pdus[0].name", "is not valid UTF-8", ""},
    {"scenario_name_not_utf8.yaml", 5, "name", "is not valid UTF-8", ""},
    {"second_document.yaml", 39, "", "found a second (after '---')", ""},
    {"cr_only_line_ends.yaml", 1, "", "lines end in a carriage return alone", ""},
    {"merge_key.yaml", 12, "simulation.<<", "YAML merge keys ('<<: *anchor') are not supported", ""},
    {"alias_bomb.yaml", 8, "lol5", "expands to more than 100000 values", ""},
    {"alias_self.yaml", 4, "loop", "nests more than 64 levels deep", ""},
    // Each half of the cycle: the diagnostic is on the `extends` line that closes it, in the other file.
    {"cycle_a.yaml", 5, "extends", "cycle", "cycle_b.yaml"},
    {"cycle_b.yaml", 4, "extends", "cycle", "cycle_a.yaml"},
};

// Names the row in gtest's messages instead of dumping its bytes.
void PrintTo(const BadScenario& s, std::ostream* os) {
  *os << s.file << " (line " << s.line << ")";
}

std::string bad_path(const std::string& file) {
  return source_path("tests/bad_scenarios/" + file);
}

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

std::string test_name(const ::testing::TestParamInfo<BadScenario>& info) {
  std::string name = fs::path(info.param.file).stem().string();
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
  return name;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first output line that is a diagnostic for `expected` at `file`:`line` (any column), or "".
std::string matching_diagnostic(const std::string& output, const std::string& file, int line,
                                const BadScenario& expected) {
  const std::string prefix = file + ":" + std::to_string(line) + ":";
  for (const std::string& text : lines_of(output)) {
    if (text.rfind(prefix, 0) != 0 || text.find(": error: ") == std::string::npos) continue;
    if (*expected.key != '\0' && text.find("key '" + std::string(expected.key) + "'") == std::string::npos)
      continue;
    if (text.find(expected.fragment) == std::string::npos) continue;
    return text;
  }
  return "";
}

std::string reported_file(const BadScenario& s) {
  return bad_path(*s.reported_in != '\0' ? s.reported_in : s.file);
}

// Entries `run --out <dir>/out` left in <dir>: the output directory itself or its staging directories.
std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name == "out" || name.rfind("out.partial-", 0) == 0) found.push_back(name);
  }
  return found;
}

class BadScenarioTest : public ::testing::TestWithParam<BadScenario> {};

TEST_P(BadScenarioTest, ValidateExitsOneNamingFileLineAndKey) {
  const BadScenario& s = GetParam();
  const CommandResult result = run_probsim("validate " + quoted(bad_path(s.file)));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_EQ(result.output.find(": valid ("), std::string::npos) << result.output;
  const std::string file = reported_file(s);
  EXPECT_NE(matching_diagnostic(result.output, file, s.line, s), "")
      << "expected a line starting '" << file << ":" << s.line << ":' with key '" << s.key << "' and '"
      << s.fragment << "'; got:\n"
      << result.output;
}

TEST_P(BadScenarioTest, RunFailsAndLeavesNoOutputBehind) {
  const BadScenario& s = GetParam();
  const fs::path dir = fresh_directory(std::string("bad-run-") + test_name({s, 0}));
  const fs::path out = dir / "out";
  const CommandResult result =
      run_probsim("run " + quoted(bad_path(s.file)) + " --out " + quoted(out.string()) + " --reps 1");
  EXPECT_NE(result.exit_status, 0) << result.output;
  EXPECT_NE(result.output.find(reported_file(s) + ":"), std::string::npos) << result.output;
  EXPECT_FALSE(fs::exists(out)) << out;
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{}) << result.output;
}

INSTANTIATE_TEST_SUITE_P(BadScenarios, BadScenarioTest, ::testing::ValuesIn(kBadScenarios), test_name);

// The table and the folder agree: every file is tested, and its `# expect: line N[ of OTHER.yaml], key K`
// comment gives the line, file and key the table expects.
TEST(BadScenarioFiles, EveryFileIsInTheTableAsItsExpectCommentSays) {
  std::set<std::string> in_table;
  for (const BadScenario& s : kBadScenarios) {
    in_table.insert(s.file);
    std::ifstream in(bad_path(s.file));
    std::string first;
    std::getline(in, first);
    const std::string lead = "# expect: line ";
    ASSERT_EQ(first.rfind(lead, 0), 0u) << s.file << ": " << first;
    EXPECT_EQ(std::stoi(first.substr(lead.size())), s.line) << s.file << ": " << first;
    if (*s.reported_in != '\0') {
      EXPECT_NE(first.find(std::string(" of ") + s.reported_in + ","), std::string::npos)
          << s.file << ": " << first;
    }
    if (*s.key != '\0') {
      EXPECT_NE(first.find(std::string(", key ") + s.key), std::string::npos) << s.file << ": " << first;
    }
  }
  for (const auto& entry : fs::directory_iterator(source_path("tests/bad_scenarios"))) {
    if (entry.path().extension() == ".yaml") {
      EXPECT_TRUE(in_table.count(entry.path().filename().string()))
          << entry.path() << " is not in kBadScenarios";
    }
  }
}

// A control: the reference scenario the bad files are copied from is valid, so the failures above
// come from each file's defect and not from the harness.
TEST(BadScenarioCli, ExampleScenarioTheBadFilesCopyIsValid) {
  const CommandResult result = run_probsim("validate scenarios/example_pdu.yaml");
  EXPECT_EQ(result.exit_status, 0) << result.output;
  EXPECT_NE(result.output.find("valid"), std::string::npos) << result.output;
}

TEST(BadScenarioCli, ValidateOfMissingFileSaysNoSuchScenarioFile) {
  const std::string missing = bad_path("there_is_no_such_file.yaml");
  const CommandResult result = run_probsim("validate " + quoted(missing));
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_NE(result.output.find(missing + ": error: no such scenario file"), std::string::npos)
      << result.output;
}

TEST(BadScenarioCli, MisspeltSetKeySuggestsTheKeyAndWritesNothing) {
  const fs::path dir = fresh_directory("bad-set-typo");
  const fs::path out = dir / "out";
  const CommandResult result =
      run_probsim("run scenarios/example_pdu.yaml --set simulation.warm_up_wekks=3 --out " +
                  quoted(out.string()) + " --reps 1");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_NE(result.output.find("key 'simulation.warm_up_wekks'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("did you mean 'warm_up_weeks'"), std::string::npos) << result.output;
  EXPECT_FALSE(fs::exists(out)) << out;
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{}) << result.output;
}

TEST(BadScenarioCli, NegativeSetRateNamesTheListKeyAndWritesNothing) {
  const fs::path dir = fresh_directory("bad-set-negative");
  const fs::path out = dir / "out";
  const CommandResult result = run_probsim(
      "run scenarios/example_pdu.yaml --set regions.0.pdus.Northgate.referrals_per_week=-1 --out " +
      quoted(out.string()) + " --reps 1");
  EXPECT_EQ(result.exit_status, 1) << result.output;
  EXPECT_NE(result.output.find("--set regions.0.pdus.Northgate.referrals_per_week=-1: error: key "
                               "'regions[0].pdus[0].referrals_per_week'"),
            std::string::npos)
      << result.output;
  EXPECT_NE(result.output.find("found -1"), std::string::npos) << result.output;
  EXPECT_FALSE(fs::exists(out)) << out;
  EXPECT_EQ(leftovers(dir), std::vector<std::string>{}) << result.output;
}

TEST(BadScenarioCli, UnknownCommandExitsTwo) {
  const CommandResult result = run_probsim("frobnicate scenarios/example_pdu.yaml");
  EXPECT_EQ(result.exit_status, 2) << result.output;
  EXPECT_NE(result.output.find("unknown command 'frobnicate'"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace probsim::testing
