#include "output/task_figures.hpp"

namespace probsim {

LateCompletionCounts late_counts(const PduOffice& office) {
  LateCompletionCounts counts{};
  for (std::size_t k = 0; k < kTaskKindCount; ++k)
    counts[k] = office.casework().outcomes().late_completions(static_cast<TaskKind>(k)).size();
  return counts;
}

namespace {

// A CaseTaskTimeliness from the per-kind counts `due(kind)` and `on_time(kind)` of one population.
template <class Due, class OnTime>
CaseTaskTimeliness timeliness_of(Due due, OnTime on_time) {
  CaseTaskTimeliness c;
  c.periodic_reviews_due = due(TaskKind::periodic_review);
  c.periodic_reviews_on_time = on_time(TaskKind::periodic_review);
  c.event_reviews_due = due(TaskKind::event_review);
  c.event_reviews_on_time = on_time(TaskKind::event_review);
  c.assessments_due = due(TaskKind::initial_assessment) + due(TaskKind::sara);
  c.assessments_on_time = on_time(TaskKind::initial_assessment) + on_time(TaskKind::sara);
  c.contacts_required = due(TaskKind::contact);
  c.contacts_delivered = on_time(TaskKind::contact);
  c.risk_management_plans_due = due(TaskKind::risk_management_plan);
  c.risk_management_plans_on_time = on_time(TaskKind::risk_management_plan);
  return c;
}

}  // namespace

void CaseTaskTimeliness::add(const CaseTaskTimeliness& other) {
  periodic_reviews_due += other.periodic_reviews_due;
  periodic_reviews_on_time += other.periodic_reviews_on_time;
  event_reviews_due += other.event_reviews_due;
  event_reviews_on_time += other.event_reviews_on_time;
  assessments_due += other.assessments_due;
  assessments_on_time += other.assessments_on_time;
  contacts_required += other.contacts_required;
  contacts_delivered += other.contacts_delivered;
  risk_management_plans_due += other.risk_management_plans_due;
  risk_management_plans_on_time += other.risk_management_plans_on_time;
}

void TaskFigures::add(const TaskFigures& other) {
  all_cases.add(other.all_cases);
  domestic_abuse.add(other.domestic_abuse);
  home_visits_due += other.home_visits_due;
  home_visits_on_time += other.home_visits_on_time;
  high_rosh_home_visits_due += other.high_rosh_home_visits_due;
  high_rosh_home_visits_on_time += other.high_rosh_home_visits_on_time;
  court_reports_due += other.court_reports_due;
  court_reports_on_time += other.court_reports_on_time;
  review_days_late.insert(review_days_late.end(), other.review_days_late.begin(),
                          other.review_days_late.end());
  tasks_cancelled += other.tasks_cancelled;
  saras_set_aside += other.saras_set_aside;
  home_visits_set_aside += other.home_visits_set_aside;
  demanded += other.demanded;
  worked += other.worked;
  worked_beyond_contract += other.worked_beyond_contract;
  available += other.available;
  backlog += other.backlog;
  unassigned_backlog += other.unassigned_backlog;
  practitioners += other.practitioners;
}

TaskFigures task_figures_of(const PduOffice& office, Day first, Day last, const TaskCounters& before,
                            const LateCompletionCounts& late_from) {
  const PduCasework& work = office.casework();
  const TaskOutcomes& out = work.outcomes();
  TaskFigures f;
  auto due = [&](TaskKind kind) { return out.due(kind, first, last); };
  auto on_time = [&](TaskKind kind) { return out.on_time(kind, first, last); };
  f.all_cases = timeliness_of(due, on_time);
  f.home_visits_due = due(TaskKind::home_visit);
  f.home_visits_on_time = on_time(TaskKind::home_visit);
  f.high_rosh_home_visits_due = out.high_rosh_home_visits_due(first, last);
  f.high_rosh_home_visits_on_time = out.high_rosh_home_visits_on_time(first, last);
  f.court_reports_due = due(TaskKind::court_report);
  f.court_reports_on_time = on_time(TaskKind::court_report);
  f.domestic_abuse =
      timeliness_of([&](TaskKind kind) { return out.domestic_abuse_due(kind, first, last); },
                    [&](TaskKind kind) { return out.domestic_abuse_on_time(kind, first, last); });
  for (TaskKind kind : {TaskKind::periodic_review, TaskKind::event_review}) {
    const auto& late = out.late_completions(kind);
    for (std::size_t i = late_from[static_cast<std::size_t>(kind)]; i < late.size(); ++i)
      f.review_days_late.push_back(static_cast<double>(late[i].days_late));
  }
  const TaskCounters& now = work.counters();
  for (std::size_t k = 0; k < kTaskKindCount; ++k)
    f.tasks_cancelled += now.cancelled[k] - before.cancelled[k];
  const auto set_aside = [&](TaskKind kind) {
    const auto k = static_cast<std::size_t>(kind);
    return now.set_aside[k] - before.set_aside[k];
  };
  f.saras_set_aside = set_aside(TaskKind::sara);
  f.home_visits_set_aside = set_aside(TaskKind::home_visit);
  f.demanded = now.demanded - before.demanded;
  f.worked = now.worked - before.worked;
  f.worked_beyond_contract = now.worked_beyond_contract - before.worked_beyond_contract;
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

}  // namespace probsim
