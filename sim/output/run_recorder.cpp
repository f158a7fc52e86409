#include "output/run_recorder.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "output/summary_statistics.hpp"
#include "output/workload_distribution.hpp"

namespace probsim {

namespace {

double share(double part, double whole) {
  return whole > 0.0 ? part / whole : 0.0;
}

double share(std::int64_t part, std::int64_t whole) {
  return share(static_cast<double>(part), static_cast<double>(whole));
}

std::array<std::size_t, kTaskKindCount> late_counts(const PduOffice& office) {
  std::array<std::size_t, kTaskKindCount> counts{};
  for (std::size_t k = 0; k < kTaskKindCount; ++k)
    counts[k] = office.casework().outcomes().late_completions(static_cast<TaskKind>(k)).size();
  return counts;
}

double mean_of(const std::vector<double>& values) {
  return values.empty()
             ? 0.0
             : std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

// A copy: the values' order matters to their sum (mean_of).
double p90_of(std::vector<double> values) {
  return quantile_unsorted(values, 0.9);
}

}  // namespace

RunRecorder::RunRecorder(const Scenario& scenario, std::vector<const PduOffice*> offices,
                         std::vector<std::size_t> region_of_office,
                         std::vector<const InterventionsTeam*> teams)
    : scenario_(scenario), offices_(std::move(offices)), region_of_office_(std::move(region_of_office)) {
  for (const auto& region : scenario_.regions) region_names_.push_back(region.name);
  if (scenario_.interventions.enabled) interventions_.emplace(scenario_, std::move(teams), offices_);
  if (scenario_.caseload.sentence_management.enforcement.enabled)
    enforcement_.emplace(offices_, region_of_office_, region_names_);
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

void RunRecorder::take_workload_snapshot() {
  std::vector<std::vector<double>> pct_by_office(offices_.size());
  for (std::size_t o = 0; o < offices_.size(); ++o)
    for (const Practitioner& p : offices_[o]->staff())
      if (p.can_take_cases()) pct_by_office[o].push_back(p.workload_pct());
  workload_snapshot_.take(std::move(pct_by_office));
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

void TaskFigures::add(const TaskFigures& other) {
  reviews_due += other.reviews_due;
  reviews_on_time += other.reviews_on_time;
  assessments_due += other.assessments_due;
  assessments_on_time += other.assessments_on_time;
  home_visits_due += other.home_visits_due;
  home_visits_on_time += other.home_visits_on_time;
  contacts_required += other.contacts_required;
  contacts_delivered += other.contacts_delivered;
  court_reports_due += other.court_reports_due;
  court_reports_on_time += other.court_reports_on_time;
  review_days_late.insert(review_days_late.end(), other.review_days_late.begin(),
                          other.review_days_late.end());
  tasks_cancelled += other.tasks_cancelled;
  demanded += other.demanded;
  worked += other.worked;
  available += other.available;
  backlog += other.backlog;
  unassigned_backlog += other.unassigned_backlog;
  practitioners += other.practitioners;
}

TaskFigures RunRecorder::task_figures_of(const PduOffice& office, Day first, Day last,
                                         const TaskCounters& before,
                                         const std::array<std::size_t, kTaskKindCount>& late_from) const {
  const PduCasework& work = office.casework();
  const TaskOutcomes& out = work.outcomes();
  TaskFigures f;
  auto due = [&](TaskKind kind) { return out.due(kind, first, last); };
  auto on_time = [&](TaskKind kind) { return out.on_time(kind, first, last); };
  f.reviews_due = due(TaskKind::periodic_review) + due(TaskKind::event_review);
  f.reviews_on_time = on_time(TaskKind::periodic_review) + on_time(TaskKind::event_review);
  f.assessments_due = due(TaskKind::initial_assessment) + due(TaskKind::sara);
  f.assessments_on_time = on_time(TaskKind::initial_assessment) + on_time(TaskKind::sara);
  f.home_visits_due = due(TaskKind::home_visit);
  f.home_visits_on_time = on_time(TaskKind::home_visit);
  f.contacts_required = due(TaskKind::contact);
  f.contacts_delivered = on_time(TaskKind::contact);
  f.court_reports_due = due(TaskKind::court_report);
  f.court_reports_on_time = on_time(TaskKind::court_report);
  for (TaskKind kind : {TaskKind::periodic_review, TaskKind::event_review}) {
    const auto& late = out.late_completions(kind);
    for (std::size_t i = late_from[static_cast<std::size_t>(kind)]; i < late.size(); ++i)
      f.review_days_late.push_back(static_cast<double>(late[i].days_late));
  }
  const TaskCounters& now = work.counters();
  for (std::size_t k = 0; k < kTaskKindCount; ++k)
    f.tasks_cancelled += now.cancelled[k] - before.cancelled[k];
  f.demanded = now.demanded - before.demanded;
  f.worked = now.worked - before.worked;
  f.available = now.available - before.available;
  const auto staff = office.staff();
  for (std::size_t i = 0; i < staff.size(); ++i) {
    if (!staff[i].in_post || !holds_cases(staff[i].grade)) continue;
    f.backlog += work.backlog_of(static_cast<PractitionerIndex>(i));
    f.practitioners += 1;
  }
  f.unassigned_backlog = work.unassigned_backlog();
  return f;
}

void RunRecorder::PeriodFigures::add(const PeriodFigures& other) {
  caseload += other.caseload;
  referrals += other.referrals;
  terminations_sentence_end += other.terminations_sentence_end;
  terminations_early += other.terminations_early;
  unallocated += other.unallocated;
  workload_pct_sum += other.workload_pct_sum;
  practitioners += other.practitioners;
  practitioners_over_110pct += other.practitioners_over_110pct;
  workload_pcts.insert(workload_pcts.end(), other.workload_pcts.begin(), other.workload_pcts.end());
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    in_post_fte[g] += other.in_post_fte[g];
    establishment_fte[g] += other.establishment_fte[g];
  }
  vacant_fte += other.vacant_fte;
  practitioner_establishment_fte += other.practitioner_establishment_fte;
  leavers += other.leavers;
  joiners += other.joiners;
  tasks.add(other.tasks);
  for (std::size_t k = 0; k < kRagStatusCount; ++k) {
    pdus_by_status[k] += other.pdus_by_status[k];
    rag_days[k] += other.rag_days[k];
  }
}

RunRecorder::PeriodFigures RunRecorder::figures_of(const PduOffice& office, const OfficeCounters& before,
                                                   const StaffCounters& staff_before) const {
  const OfficeCounters& now = office.counters();
  const StaffCounters& staff_now = office.staff_counters();
  PeriodFigures f;
  f.caseload = static_cast<double>(office.caseload());
  f.referrals = static_cast<double>(now.referrals - before.referrals);
  f.terminations_sentence_end =
      static_cast<double>(now.terminations_by_reason[0] - before.terminations_by_reason[0]);
  f.terminations_early = static_cast<double>(now.early_terminations() - before.early_terminations());
  f.unallocated = static_cast<double>(office.unallocated());
  f.pdus_by_status[static_cast<std::size_t>(office.rag_status())] = 1.0;
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    f.rag_days[k] = static_cast<double>(now.rag_days[k] - before.rag_days[k]);
  for (const Practitioner& p : office.staff()) {
    if (p.in_post) at(f.in_post_fte, p.grade) += p.fte;
    if (!p.can_take_cases()) continue;
    f.workload_pct_sum += p.workload_pct();
    f.workload_pcts.push_back(p.workload_pct());
    f.practitioners += 1;
    if (p.workload_pct() > kExcessiveWorkloadPct) f.practitioners_over_110pct += 1;
  }
  for (std::size_t g = 0; g < kGradeCount; ++g)
    f.establishment_fte[g] = office.establishment_fte(static_cast<Grade>(g));
  for (Grade g : kCaseHoldingGrades) {
    // A surplus in one PDU or grade does not fill a vacancy in another.
    f.vacant_fte += std::max(0.0, at(f.establishment_fte, g) - at(f.in_post_fte, g));
    f.practitioner_establishment_fte += at(f.establishment_fte, g);
    f.leavers += static_cast<double>(at(staff_now.left, g).headcount - at(staff_before.left, g).headcount);
    f.joiners +=
        static_cast<double>(at(staff_now.joined, g).headcount - at(staff_before.joined, g).headcount);
  }
  return f;
}

void RunRecorder::add_rows(const std::string& date, const std::string& level, const std::string& unit,
                           const PeriodFigures& f) {
  auto row = [&](const std::string& metric, double value) {
    result_.add_row(date, level, unit, metric, value);
  };
  row("caseload", f.caseload);
  row("referrals", f.referrals);
  row("terminations_sentence_end", f.terminations_sentence_end);
  row("terminations_early", f.terminations_early);
  row("unallocated", f.unallocated);
  row("workload_pct_mean", share(f.workload_pct_sum, f.practitioners));
  row("practitioners_over_110pct_share", share(f.practitioners_over_110pct, f.practitioners));
  std::vector<double> workload_pcts = f.workload_pcts;
  WorkloadDistribution::of(workload_pcts).emit(row);
  for (std::size_t g = 0; g < kGradeCount; ++g) {
    row("in_post_fte_" + std::string(kGradeNames[g]), f.in_post_fte[g]);
    row("establishment_fte_" + std::string(kGradeNames[g]), f.establishment_fte[g]);
  }
  row("vacancy_pct", 100.0 * share(f.vacant_fte, f.practitioner_establishment_fte));
  row("leavers", f.leavers);
  row("joiners", f.joiners);
  const TaskFigures& t = f.tasks;
  row("reviews_due", static_cast<double>(t.reviews_due));
  row("reviews_on_time_share", share(t.reviews_on_time, t.reviews_due));
  row("review_days_late_mean", mean_of(t.review_days_late));
  row("review_days_late_p90", p90_of(t.review_days_late));
  row("assessments_due", static_cast<double>(t.assessments_due));
  row("assessments_on_time_share", share(t.assessments_on_time, t.assessments_due));
  row("home_visits_due", static_cast<double>(t.home_visits_due));
  row("home_visits_on_time_share", share(t.home_visits_on_time, t.home_visits_due));
  row("contacts_required", static_cast<double>(t.contacts_required));
  row("contacts_delivered_share", share(t.contacts_delivered, t.contacts_required));
  row("contacts_missed", static_cast<double>(t.contacts_required - t.contacts_delivered));
  row("court_reports_on_time_share", share(t.court_reports_on_time, t.court_reports_due));
  row("tasks_cancelled", static_cast<double>(t.tasks_cancelled));
  row("hours_demanded", hours_of(t.demanded));
  row("hours_worked", hours_of(t.worked));
  row("task_hours_available", hours_of(t.available));
  row("backlog_hours_per_practitioner_mean", share(hours_of(t.backlog), t.practitioners));
  row("unassigned_backlog_hours", hours_of(t.unassigned_backlog));
  // The prioritisation framework, when it is on: with it off every PDU is green throughout, which the
  // pdu_days_* KPIs still say, and a series of zeros would only draw an all-green map in the report.
  if (!scenario_.caseload.prioritisation.enabled) return;
  if (level == "pdu") {
    for (std::size_t k = 0; k < kRagStatusCount; ++k)
      if (f.pdus_by_status[k] > 0.0) row("rag_status", static_cast<double>(k));
  }
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    row("pdus_" + std::string(kRagStatusNames[k]), f.pdus_by_status[k]);
  for (std::size_t k = 0; k < kRagStatusCount; ++k)
    row("rag_days_" + std::string(kRagStatusNames[k]), f.rag_days[k]);
}

void RunRecorder::close_period(const CalendarDate& date) {
  const std::string iso = date.iso();
  const std::size_t rows_before = result_.timeseries.size();
  std::vector<PeriodFigures> regions(region_names_.size());
  PeriodFigures national;
  const Day last = static_cast<Day>(date.days_since_epoch() - scenario_.window.day_zero().days_since_epoch());
  for (std::size_t i = 0; i < offices_.size(); ++i) {
    const PduOffice& office = *offices_[i];
    PeriodFigures f = figures_of(office, at_last_period_[i], staff_at_last_period_[i]);
    f.tasks =
        task_figures_of(office, period_first_day_, last, tasks_at_last_period_[i], late_at_last_period_[i]);
    add_rows(iso, "pdu", office.name(), f);
    regions[region_of_office_[i]].add(f);
    national.add(f);
    at_last_period_[i] = office.counters();
    staff_at_last_period_[i] = office.staff_counters();
    tasks_at_last_period_[i] = office.casework().counters();
    late_at_last_period_[i] = late_counts(office);
  }
  period_first_day_ = last + 1;
  for (std::size_t r = 0; r < regions.size(); ++r) add_rows(iso, "region", region_names_[r], regions[r]);
  add_rows(iso, "national", "national", national);
  if (interventions_) interventions_->close_period(iso, last, result_);
  if (enforcement_) enforcement_->close_period(iso, last, result_);
  if (rows_before == 0 && periods_expected_ > 1)
    result_.timeseries.reserve(result_.timeseries.size() * periods_expected_);  // the same rows each period
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
    result_.kpis.push_back(Kpi{"bbr_sessions_cancelled_rag", 0.0});
  result_.kpis.insert(result_.kpis.end(), std::make_move_iterator(regions_and_pdus.begin()),
                      std::make_move_iterator(regions_and_pdus.end()));
  if (interventions_) interventions_->add_team_kpis(result_.kpis);
  for (const PduOffice* office : offices_)
    result_.case_events += office->counters().initial_cases + office->counters().referrals +
                           office->counters().allocations + office->counters().terminations();
  return std::move(result_);
}

void RunRecorder::add_window_kpis(std::vector<Kpi>& kpis, const std::string& level, const std::string& unit,
                                  const std::vector<std::size_t>& units, bool last_unit) {
  OfficeCounters window;  // flows over the report window, summed over offices
  PeriodFigures end;      // staff at the end of the window, and staff flows over it
  double sickness_hours_lost = 0.0, fte_days_in_post = 0.0;
  std::int64_t trainees_qualified = 0;
  std::int64_t caseload_end = 0, unallocated_end = 0;
  std::int64_t face_to_face = 0, caseload_start = 0;
  for (const std::size_t i : units) {
    const PduOffice& office = *offices_[i];
    const OfficeCounters& now = office.counters();
    const OfficeCounters& open = at_window_open_[i];
    window.referrals += now.referrals - open.referrals;
    for (std::size_t r = 0; r < window.terminations_by_reason.size(); ++r)
      window.terminations_by_reason[r] += now.terminations_by_reason[r] - open.terminations_by_reason[r];
    window.allocations_outside_grade_rule +=
        now.allocations_outside_grade_rule - open.allocations_outside_grade_rule;
    window.reallocations += now.reallocations - open.reallocations;
    window.terminated_case_practitioner_changes +=
        now.terminated_case_practitioner_changes - open.terminated_case_practitioner_changes;
    window.caseload_days += now.caseload_days - open.caseload_days;
    for (std::size_t k = 0; k < kRagStatusCount; ++k)
      window.rag_days[k] += now.rag_days[k] - open.rag_days[k];
    window.rag_changes += now.rag_changes - open.rag_changes;
    window.facilitator_hours_redeployed +=
        now.facilitator_hours_redeployed - open.facilitator_hours_redeployed;
    caseload_end += office.caseload();
    unallocated_end += office.unallocated();
    caseload_start += caseload_at_window_open_[i];

    PeriodFigures f = figures_of(office, open, staff_at_window_open_[i]);
    f.tasks = task_figures_of(office, scenario_.window.first_report_day(), scenario_.window.last_day(),
                              tasks_at_window_open_[i], late_at_window_open_[i]);
    end.add(f);
    face_to_face += office.casework().outcomes().face_to_face_delivered(scenario_.window.first_report_day(),
                                                                        scenario_.window.last_day());
    const StaffCounters& staff_now = office.staff_counters();
    const StaffCounters& staff_open = staff_at_window_open_[i];
    sickness_hours_lost += staff_now.sickness_hours_lost - staff_open.sickness_hours_lost;
    for (std::size_t g = 0; g < kGradeCount; ++g)
      fte_days_in_post += staff_now.fte_days_in_post[g] - staff_open.fte_days_in_post[g];
    trainees_qualified += staff_now.trainees_qualified - staff_open.trainees_qualified;
  }
  const double window_days =
      static_cast<double>(scenario_.window.last_day() - scenario_.window.first_report_day() + 1);

  auto kpi = [&](const std::string& name, double value) { kpis.push_back(Kpi{name, value, level, unit}); };
  // The unit's weekly samples, in the pooled order (so the national figures are those of all samples).
  std::vector<char> in_unit(offices_.size(), 0);
  for (const std::size_t i : units) in_unit[i] = 1;
  std::vector<double> workload_copy, backlog_copy;
  if (!last_unit) {
    workload_copy = weekly_workload_pct_.of_offices(in_unit);
    backlog_copy = weekly_backlog_hours_.of_offices(in_unit);
  } else if (units.size() != offices_.size()) {
    throw std::logic_error("RunRecorder: only the nation, every office, may take the pooled samples");
  }
  std::vector<double>& workload_pct = last_unit ? weekly_workload_pct_.all() : workload_copy;
  std::vector<double>& backlog_hours = last_unit ? weekly_backlog_hours_.all() : backlog_copy;
  const auto over_110pct = std::count_if(workload_pct.begin(), workload_pct.end(),
                                         [](double pct) { return pct > kExcessiveWorkloadPct; });

  kpi("referrals", static_cast<double>(window.referrals));
  kpi("caseload_start", static_cast<double>(caseload_start));
  kpi("caseload_mean", static_cast<double>(window.caseload_days) / window_days);
  kpi("caseload_end", static_cast<double>(caseload_end));
  kpi("terminations_sentence_end", static_cast<double>(window.terminations_by_reason[0]));
  kpi("terminations_early", static_cast<double>(window.early_terminations()));
  for (std::size_t r = 1; r < kTerminationReasonNames.size(); ++r)
    kpi("terminations_" + std::string(kTerminationReasonNames[r]),
        static_cast<double>(window.terminations_by_reason[r]));
  kpi("unallocated_end", static_cast<double>(unallocated_end));
  kpi("allocations_outside_grade_rule", static_cast<double>(window.allocations_outside_grade_rule));

  // The workforce.
  double practitioners_fte = 0.0;
  for (Grade g : kCaseHoldingGrades) practitioners_fte += at(end.in_post_fte, g);
  kpi("staff_in_post_fte", practitioners_fte);
  kpi("po_in_post_fte", at(end.in_post_fte, Grade::po));
  kpi("pso_in_post_fte", at(end.in_post_fte, Grade::pso));
  kpi("trainee_in_post_fte", at(end.in_post_fte, Grade::pqip));
  kpi("vacancy_pct", 100.0 * share(end.vacant_fte, end.practitioner_establishment_fte));
  kpi("leavers", end.leavers);
  kpi("joiners", end.joiners);
  kpi("trainees_qualified", static_cast<double>(trainees_qualified));
  const double daily_hours_per_fte = scenario_.caseload.workload.default_contracted_hours_per_week / 5.0;
  kpi("sickness_days_per_fte_year",
      share(sickness_hours_lost / daily_hours_per_fte, fte_days_in_post / kDaysPerYear));

  const auto samples = static_cast<double>(workload_pct.size());
  kpi("workload_pct_mean", mean_of(workload_pct));
  kpi("practitioners_over_110pct_share", share(static_cast<double>(over_110pct), samples));
  // The percentiles and the share above 110% (issue 19); quantiles reorder the unit's copy (the
  // nation's: the pooled samples, no longer needed in order).
  WorkloadDistribution::of(workload_pct).emit(kpi);
  workload_snapshot_.emit(units, kpi);
  kpi("reallocations", static_cast<double>(window.reallocations));
  kpi("practitioner_changes_per_case_mean",
      share(static_cast<double>(window.terminated_case_practitioner_changes),
            static_cast<double>(window.terminations())));

  // Sentence management (docs/reference/outputs.md): shares over tasks due in the window.
  const TaskFigures& t = end.tasks;
  kpi("reviews_due", static_cast<double>(t.reviews_due));
  kpi("reviews_on_time_share", share(t.reviews_on_time, t.reviews_due));
  kpi("review_days_late_mean", mean_of(t.review_days_late));
  kpi("review_days_late_p90", p90_of(t.review_days_late));
  kpi("assessments_due", static_cast<double>(t.assessments_due));
  kpi("assessments_on_time_share", share(t.assessments_on_time, t.assessments_due));
  kpi("home_visits_due", static_cast<double>(t.home_visits_due));
  kpi("home_visits_on_time_share", share(t.home_visits_on_time, t.home_visits_due));
  kpi("contacts_required", static_cast<double>(t.contacts_required));
  kpi("contacts_delivered_share", share(t.contacts_delivered, t.contacts_required));
  kpi("contacts_missed", static_cast<double>(t.contacts_required - t.contacts_delivered));
  kpi("contacts_face_to_face_share", share(face_to_face, t.contacts_delivered));
  kpi("court_reports_due", static_cast<double>(t.court_reports_due));
  kpi("court_reports_on_time_share", share(t.court_reports_on_time, t.court_reports_due));
  kpi("tasks_cancelled", static_cast<double>(t.tasks_cancelled));
  kpi("hours_demanded", hours_of(t.demanded));
  kpi("hours_worked", hours_of(t.worked));
  kpi("task_hours_available", hours_of(t.available));
  kpi("task_hours_used_share", share(static_cast<double>(t.worked), static_cast<double>(t.available)));
  kpi("backlog_hours_per_practitioner_mean", mean_of(backlog_hours));
  kpi("backlog_hours_per_practitioner_p90", quantile_unsorted(backlog_hours, 0.9));
  kpi("backlog_hours_end", hours_of(t.backlog + t.unassigned_backlog));

  // The prioritisation framework (docs/reference/outputs.md): PDU-days in the window, summed over PDUs.
  kpi("pdu_days_red", static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::red)]));
  kpi("pdu_days_amber", static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::amber)]));
  kpi("pdu_days_green", static_cast<double>(window.rag_days[static_cast<std::size_t>(RagStatus::green)]));
  kpi("rag_changes", static_cast<double>(window.rag_changes));
  kpi("facilitator_hours_redeployed", window.facilitator_hours_redeployed);
  if (enforcement_)
    enforcement_->add_window_kpis(level, unit, units, scenario_.window.first_report_day(),
                                  scenario_.window.last_day(), result_.kpis);
}

}  // namespace probsim
