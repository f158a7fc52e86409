#include "output/run_recorder.hpp"

#include <numeric>

#include "output/metric_names.hpp"

namespace probsim {

RunRecorder::RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
                         std::vector<std::size_t> region_of_office,
                         std::vector<const InterventionsTeam*> teams)
    : scenario_(scenario), offices_(std::move(offices)), region_of_office_(std::move(region_of_office)) {
  for (const auto& region : scenario_.regions) region_names_.push_back(region.name);
  if (scenario_.interventions.enabled) {
    teams_ = teams;
    interventions_.emplace(scenario_, std::move(teams), offices_);
  }
  const EnforcementRules& enforcement = scenario_.caseload.sentence_management.enforcement;
  if (enforcement.enabled)
    enforcement_.emplace(offices_, region_of_office_, region_names_,
                         enforcement.first_weeks_standard.weeks > 0.0);
}

void RunRecorder::open_window(std::size_t weeks, std::size_t periods) {
  weeks_expected_ = weeks;
  periods_expected_ = periods;
  at_window_open_.clear();
  staff_at_window_open_.clear();
  tasks_at_window_open_.clear();
  late_at_window_open_.clear();
  caseload_at_window_open_.clear();
  for (const PduOffice* office : offices_) {
    at_window_open_.push_back(office->counters());
    staff_at_window_open_.push_back(office->staff_counters());
    tasks_at_window_open_.push_back(office->casework().counters());
    late_at_window_open_.push_back(late_counts(*office));
    caseload_at_window_open_.push_back(office->caseload());
  }
  at_last_period_ = at_window_open_;
  staff_at_last_period_ = staff_at_window_open_;
  tasks_at_last_period_ = tasks_at_window_open_;
  late_at_last_period_ = late_at_window_open_;
  period_first_day_ = scenario_.window.first_report_day();
  if (interventions_) interventions_->open_window();
  if (enforcement_) enforcement_->open_window(scenario_.window.first_report_day());
}

void RunRecorder::take_si_cohort_status() {
  if (interventions_) interventions_->take_si_cohort_status();
}

void RunRecorder::take_cohort_status() {
  if (interventions_) interventions_->take_cohort_status();
}

void RunRecorder::take_workload_snapshot(Day day) {
  std::vector<std::vector<double>> pct_by_office(offices_.size());
  std::vector<DaCaseTaskCounts> da_tasks_by_office(offices_.size());
  for (std::size_t o = 0; o < offices_.size(); ++o) {
    for (const Practitioner& p : offices_[o]->staff())
      if (p.can_take_cases()) pct_by_office[o].push_back(p.workload_pct());
    da_tasks_by_office[o] = offices_[o]->casework().da_case_task_counts(day);
  }
  workload_snapshot_.take(std::move(pct_by_office));
  da_task_snapshot_.take(std::move(da_tasks_by_office));
  if (!interventions_) return;
  std::vector<DaInterventionSampleCounts> sample_by_office(offices_.size());
  std::vector<StartedInterventionSampleCounts> started_by_office(offices_.size());
  for (const InterventionsTeam* team : teams_) {
    const std::vector<DaInterventionSampleCounts> sample = count_da_intervention_sample(*team, day);
    const std::vector<StartedInterventionSampleCounts> started =
        count_started_intervention_sample(*team, day);
    for (std::size_t o = 0; o < team->office_count(); ++o) {
      sample_by_office.at(team->pdu_indices()[o]) += sample[o];
      started_by_office.at(team->pdu_indices()[o]) += started[o];
    }
  }
  da_intervention_snapshot_.take(std::move(sample_by_office));
  started_intervention_snapshot_.take(std::move(started_by_office));
}

void RunRecorder::sample_week() {
  const std::size_t before = weekly_workload_pct_.size();
  weekly_workload_pct_.begin_week(offices_.size());
  weekly_backlog_hours_.begin_week(offices_.size());
  for (std::size_t o = 0; o < offices_.size(); ++o) {
    const PduOffice* office = offices_[o];
    const auto staff = office->staff();
    for (std::size_t i = 0; i < staff.size(); ++i) {
      const Practitioner& p = staff[i];
      // Backlog is sampled for everyone holding cases, including those off sick (their work waits).
      if (p.in_post && holds_cases(p.grade))
        weekly_backlog_hours_.add(o,
                                  hours_of(office->casework().backlog_of(static_cast<PractitionerIndex>(i))));
      if (!p.can_take_cases()) continue;
      weekly_workload_pct_.add(o, p.workload_pct());
    }
  }
  if (before == 0 && weeks_expected_ > 1) {
    // After the first week: room for every week at this week's staff, plus a quarter for growth
    // (memory reserved and never written costs nothing).
    const std::size_t room = weekly_workload_pct_.size() * weeks_expected_ * 5 / 4;
    weekly_workload_pct_.reserve(room, weeks_expected_, offices_.size());
    weekly_backlog_hours_.reserve(room, weeks_expected_, offices_.size());
  }
}

ReplicationResult RunRecorder::finish() {
  // The nation first (its KPIs in the order they have always had, interventions included), then each
  // region and each PDU with the same KPIs from their own offices, then each interventions team.
  // The regions and PDUs are computed first, while the pooled weekly samples are in the order taken,
  // and the nation last, on the pooled samples themselves (a copy of them would double the largest
  // vectors of the run at its end); the nation's KPIs still come first in the result.
  std::vector<Kpi> regions_and_pdus;
  for (std::size_t r = 0; r < region_names_.size(); ++r) {
    std::vector<std::size_t> in_region;
    for (std::size_t i = 0; i < offices_.size(); ++i)
      if (region_of_office_[i] == r) in_region.push_back(i);
    add_window_kpis(regions_and_pdus, "region", region_names_[r], in_region, false);
  }
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    add_window_kpis(regions_and_pdus, "pdu", offices_[i]->name(), {i}, false);
    if (interventions_) interventions_->add_pdu_kpis(i, offices_[i]->name(), regions_and_pdus);
  }
  std::vector<std::size_t> all(offices_.size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  add_window_kpis(result_.kpis, "national", "national", all, true);
  // The interventions recorder counts the BBR sessions a RAG status cancelled; without interventions
  // there are none, and the contracted KPI still exists.
  if (interventions_)
    interventions_->add_kpis(result_.kpis);
  else
    result_.kpis.push_back(Kpi{metric_name::bbr_sessions_cancelled_rag, 0.0});
  result_.kpis.insert(result_.kpis.end(), std::make_move_iterator(regions_and_pdus.begin()),
                      std::make_move_iterator(regions_and_pdus.end()));
  if (interventions_) interventions_->add_team_kpis(result_.kpis);
  for (const PduOffice* office : offices_)
    result_.case_events += office->counters().initial_cases + office->counters().referrals +
                           office->counters().allocations + office->counters().terminations();
  return std::move(result_);
}

}  // namespace probsim
