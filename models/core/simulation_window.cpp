#include "core/simulation_window.hpp"

namespace probsim {

std::string date_outside_calendar_range(const CalendarDate& date, int earliest_year, int latest_year) {
  if (date.year >= earliest_year && date.year <= latest_year) return {};
  return "must be a date from " + std::to_string(earliest_year) + " to " + std::to_string(latest_year) +
         ", found " + date.iso();
}

RuleProblems SimulationWindow::check_report_year(const CalendarDate& date, const std::string& key) {
  std::string why = date_outside_calendar_range(date);
  if (why.empty()) return {};
  return {{key, std::move(why)}};
}

RuleProblems SimulationWindow::check() const {
  RuleProblems problems;
  const bool in_order = report_start < report_end;
  if (!in_order)
    problems.push_back({"report_end", "must be after simulation.report_start (" + report_start.iso() + ")"});
  for (const auto& [date, key] :
       {std::pair{report_start, "report_start"}, std::pair{report_end, "report_end"}})
    add_problems(problems, "", check_report_year(date, key));
  if (in_order && report_end.days_since_epoch() - report_start.days_since_epoch() > kMaxReportYears * 366)
    problems.push_back({"report_end", "the report window is longer than " + std::to_string(kMaxReportYears) +
                                          " years (" + report_start.iso() + " to " + report_end.iso() +
                                          "); split a longer horizon into runs that start from a snapshot"});
  if (workload_snapshot_on && (*workload_snapshot_on < report_start || report_end < *workload_snapshot_on))
    problems.push_back({"workload_snapshot_on", "must be within the report window (" + report_start.iso() +
                                                    " to " + report_end.iso() + "), found " +
                                                    workload_snapshot_on->iso()});
  return problems;
}

}  // namespace probsim
