#include "runner/run_warnings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <ostream>
#include <set>

#include "output/atomic_file.hpp"
#include "output/csv.hpp"
#include "output/csv_reader.hpp"
#include "prioritisation/rag_status.hpp"
#include "runner/allocation_warnings.hpp"
#include "runner/bank_holiday_warnings.hpp"
#include "runner/bbr_capacity_warnings.hpp"
#include "runner/casework_task_warnings.hpp"
#include "runner/defeated_setting_warnings.hpp"
#include "runner/snapshot_date_warnings.hpp"
#include "runner/staff_presence.hpp"

namespace fs = std::filesystem;

namespace probsim {

namespace {

bool has_facilitators(const Scenario& s, const std::vector<std::size_t>& pdus) {
  return has_staff(s, pdus, [](Grade g) { return g == Grade::facilitator; });
}

std::string names_of(const Scenario& s, const std::vector<std::size_t>& pdus) {
  std::string text;
  for (const std::size_t pdu : pdus) text += (text.empty() ? "" : ", ") + s.pdu_at(pdu).name;
  return text;
}

}  // namespace

std::vector<std::string> scenario_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  if (s.interventions.enabled && s.interventions.routing.bbr_requirement_share > 0.0)
    for (const InterventionsTeamSpec& team : s.interventions_teams)
      if (!team.pdus.empty() && !has_facilitators(s, team.pdus))
        warnings.push_back("BBR requirements are made in " + names_of(s, team.pdus) +
                           " (interventions.routing.bbr_requirement_share " +
                           format_number(s.interventions.routing.bbr_requirement_share) +
                           "), but interventions team " + team.name +
                           " has no facilitator in post and none recruited: no BBR group can run there, "
                           "so every requirement waits until it ends. Add facilitator staff to its PDUs, "
                           "or set the share to 0 if BBR is not delivered there.");

  // A PDU nobody can hold cases in: every case it is given waits unallocated, and none of its reviews,
  // contacts or visits is ever done. Valid (a PDU being set up), but rarely meant.
  std::vector<std::size_t> without_case_holders;
  for (std::size_t pdu = 0; pdu < s.pdu_count(); ++pdu)
    if (!has_staff(s, {pdu}, [](Grade g) { return holds_cases(g); })) without_case_holders.push_back(pdu);
  if (!without_case_holders.empty())
    warnings.push_back(
        std::string(without_case_holders.size() == 1 ? "PDU " : "PDUs ") + names_of(s, without_case_holders) +
        (without_case_holders.size() == 1 ? " has" : " have") +
        " no PO, PSO or PQiP in post and none recruited before simulation.report_end: every case there waits "
        "unallocated and none of its tasks is done. Add staff under the PDU, or a staffing_plan intake.");

  // No case can ever arrive: every PDU's rate is 0, or every month's multiplier is, and no snapshot brings a
  // caseload (the steady-state warm start replays the same rate, so it places none either). Valid, but
  // every output is then 0, which is rarely what was meant.
  bool any_rate = false, any_month = false;
  for (std::size_t pdu = 0; pdu < s.pdu_count(); ++pdu) {
    const ReferralRate& rate = s.pdu_at(pdu).referrals;
    any_rate = any_rate || rate.per_week > 0.0;
    for (const double multiplier : rate.seasonality_multiplier) any_month = any_month || multiplier > 0.0;
  }
  if (!s.snapshot && s.pdu_count() > 0 && (!any_rate || !any_month))
    warnings.push_back(
        std::string(!any_rate ? "every PDU's referrals_per_week is 0"
                              : "every month's referrals.seasonality_multipliers is 0") +
        " and no snapshot gives a starting caseload: no case is ever referred or placed by the warm start, "
        "so "
        "every caseload, task and BBR output of the run is 0. " +
        (!any_rate && !any_month ? "Set regions[].pdus[].referrals_per_week and a month's "
                                   "referrals.seasonality_multipliers above 0."
         : !any_rate             ? "Set regions[].pdus[].referrals_per_week."
                                 : "Set a month's referrals.seasonality_multipliers above 0."));

  // An empty start with no warm-up: the report window opens on empty caseloads, so caseload, workload and
  // every queue climb through it (M-1's bias), which its means read as the scenario's level.
  if (s.window.warm_start == WarmStart::empty && s.window.warm_up_weeks == 0)
    warnings.push_back(
        "simulation.warm_start is empty and simulation.warm_up_weeks is 0: the report window "
        "opens with no cases, so caseload, workload and every queue climb through it and its "
        "means understate them (M-1). Use warm_start: steady_state, or a warm-up as long as "
        "the longest orders.");
  for (std::string& w : allocation_warnings(s)) warnings.push_back(std::move(w));
  for (std::string& w : bbr_capacity_warnings(s)) warnings.push_back(std::move(w));

  // Task kinds listed to no effect, and RAG-13's judgement with nothing to act on.
  for (std::string& w : casework_task_warnings(s)) warnings.push_back(std::move(w));

  for (std::string& w : defeated_setting_warnings(s)) warnings.push_back(std::move(w));

  // Intakes after the run's end are valid: a base file's plan may run on past the end of a run, for the
  // longer runs that extend the file (england_wales_2022.yaml's intakes of 2023). What looks unintended
  // is a plan of which no intake acts, or an intake more than a year past the end (a mistyped year).
  std::size_t late = 0, late_people = 0, beyond_a_year = 0;
  std::optional<CalendarDate> first_late, last_late;
  for (const RecruitmentIntake& intake : s.staffing_plan.intakes) {
    if (!(s.window.report_end < intake.date)) continue;
    ++late;
    if (s.window.report_end.plus_days(366) < intake.date) ++beyond_a_year;
    late_people += static_cast<std::size_t>(intake.count);
    if (!first_late || intake.date < *first_late) first_late = intake.date;
    if (!last_late || *last_late < intake.date) last_late = intake.date;
  }
  const bool none_acts = late > 0 && late == s.staffing_plan.intakes.size();
  if (none_acts || beyond_a_year > 0) {
    const std::string dates =
        *first_late == *last_late ? first_late->iso() : first_late->iso() + " to " + last_late->iso();
    const std::size_t intakes = s.staffing_plan.intakes.size();
    const std::string which = intakes == 1
                                  ? "the plan's only intake"
                                  : std::to_string(late) + " of the " + std::to_string(intakes) + " intakes";
    std::string why = ", more than a year after it";  // one intake late, and that one beyond a year
    if (none_acts)
      why = intakes == 1 ? ", so it does not act in this run" : ", so no intake of the plan acts in this run";
    else if (late > 1)
      why = ", " + std::to_string(beyond_a_year) + " of them more than a year after it";
    warnings.push_back("staffing_plan.intakes: " + which + " (" + std::to_string(late_people) +
                       (late_people == 1 ? " person" : " people") + ", dated " + dates + ") fall" +
                       (late == 1 ? "s" : "") + " after simulation.report_end (" + s.window.report_end.iso() +
                       ")" + why + ". Check the dates, or extend simulation.report_end.");
  }

  // A snapshot whose caseload file has a header and no rows: every PDU starts empty, which a region's
  // extract never means (a filter that matched nothing, or the wrong file).
  if (s.snapshot && s.snapshot->cases.empty())
    warnings.push_back("simulation.caseload_csv (" + s.snapshot->files.caseload_csv +
                       ") has no case rows: the run starts with no open cases, and only referrals fill the "
                       "caseloads. Check the file, or use simulation.warm_start: steady_state.");

  const std::vector<std::string> calendar = bank_holiday_warnings(s);
  warnings.insert(warnings.end(), calendar.begin(), calendar.end());
  const std::vector<std::string> snapshot_dates = snapshot_date_warnings(s);
  warnings.insert(warnings.end(), snapshot_dates.begin(), snapshot_dates.end());
  return warnings;
}

std::vector<std::string> result_warnings(const Scenario& s, const fs::path& timeseries_csv) {
  std::vector<std::string> warnings;
  if (!s.caseload.prioritisation.enabled || s.pdu_count() < 2) return warnings;
  std::ifstream in(timeseries_csv);
  std::string line;
  std::getline(in, line);
  // (replication, date) → the statuses its PDUs were in, and how many PDUs were seen.
  std::map<std::pair<std::string, std::string>, std::pair<std::set<std::string>, std::size_t>> snapshots;
  while (std::getline(in, line)) {
    if (line.find(",pdu,") == std::string::npos || line.find(",rag_status,") == std::string::npos) continue;
    const auto f = parse_csv_line(line);
    if (f.size() != 6 || f[2] != "pdu" || f[4] != "rag_status") continue;
    auto& [statuses, pdus] = snapshots[{f[0], f[1]}];
    statuses.insert(f[5]);
    ++pdus;
  }
  if (snapshots.empty()) return warnings;
  std::map<std::string, std::size_t> one_status;  // status → snapshots with every PDU in it
  for (const auto& [key, seen] : snapshots)
    if (seen.first.size() == 1) ++one_status[*seen.first.begin()];
  for (const auto& [status, count] : one_status) {
    const double share = static_cast<double>(count) / static_cast<double>(snapshots.size());
    if (share < kOneRagStatusWarningShare) continue;
    // The file was read strictly just before (timeseries_summary); an NA status has no name.
    const double code = parse_csv_number(status).value_or(-1.0);
    const long k = std::isnan(code) ? -1 : std::lround(code);
    const std::string name = k >= 0 && k < static_cast<long>(kRagStatusCount)
                                 ? std::string(kRagStatusNames[static_cast<std::size_t>(k)])
                                 : status;
    char percent[32];
    std::snprintf(percent, sizeof percent, "%.0f%%", 100.0 * share);
    warnings.push_back("every PDU was " + name + " at " + percent +
                       " of month ends (over replications): the "
                       "RAG thresholds (prioritisation.workload_pct_amber_above and the other prioritisation "
                       "keys) do not tell the " +
                       std::to_string(s.pdu_count()) +
                       " PDUs apart for most of the window. Check the thresholds against the PDUs' "
                       "measures, or whether the framework was meant to be on.");
  }
  return warnings;
}

void print_warnings(const std::vector<std::string>& warnings, std::ostream& err) {
  for (const auto& w : warnings) err << "warning: " << w << "\n";
}

void write_warnings(const std::vector<std::string>& warnings, const fs::path& dir) {
  if (warnings.empty()) return;
  std::string text;
  for (const auto& w : warnings) text += "warning: " + w + "\n";
  write_file_atomically((dir / "warnings.txt").string(), text);
}

}  // namespace probsim
