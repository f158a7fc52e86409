// `sentence_management`: the tasks of a case (contacts, reviews, reports), their hours and due dates,
// and the order they are worked in.

#include <limits>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

constexpr double kMaxTaskHours = 1000.0;
constexpr int kMaxDueWorkingDays = 260;

OneOffTaskRule read_one_off_task(FieldReader& sm, std::string_view key, std::optional<double>* review_hours) {
  OneOffTaskRule rule;
  FieldReader task(sm.node(key, true), sm.child_path(key), sm.diagnostics());
  if (!task.ok()) return rule;
  if (auto hours = task.number("hours", true, 0.0, kMaxTaskHours)) rule.hours = *hours;
  if (auto due = task.integer("due_working_days", true, 1, kMaxDueWorkingDays)) rule.due_working_days = *due;
  if (review_hours != nullptr) *review_hours = task.number("review_hours", true, 0.0, kMaxTaskHours);
  task.reject_unknown_keys();
  return rule;
}

void read_contact_schedule(FieldReader& contacts, SentenceManagementRules::Contacts& rules) {
  FieldReader by_rosh(contacts.node("schedule_by_rosh", true), contacts.child_path("schedule_by_rosh"),
                      contacts.diagnostics());
  if (!by_rosh.ok()) return;
  Diagnostics& d = contacts.diagnostics();
  for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r) {
    const ConfigNode* list = by_rosh.node(kRoshLevelNames[r], true);
    if (list == nullptr) continue;
    const std::string path = by_rosh.child_path(kRoshLevelNames[r]);
    if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
      d.error(list->anchor(), path,
              "expected a non-empty list of {until_week, interval_weeks}, found " + list->describe_value());
      continue;
    }
    auto& steps = rules.schedule_by_rosh[r];
    for (std::size_t i = 0; i < list->items.size(); ++i) {
      FieldReader step(&list->items[i], path + "[" + std::to_string(i) + "]", d);
      if (!step.ok()) continue;
      ContactScheduleStep parsed;
      const bool last = i + 1 == list->items.size();
      const ConfigNode* until = step.node("until_week", false);
      if (auto interval = step.number("interval_weeks", true, 1.0 / 7.0, 520.0))
        parsed.interval_weeks = *interval;
      if (last) {
        if (until != nullptr)
          d.error(until->where, step.child_path("until_week"),
                  "the last step runs to the end of the sentence: leave out until_week");
        parsed.until_week = std::numeric_limits<double>::infinity();
      } else if (until == nullptr) {
        d.error(list->items[i].anchor(), step.child_path("until_week"),
                "is required on every step but the last");
      } else if (auto week = step.number("until_week", true, 0.0, 5200.0)) {
        parsed.until_week = *week;
        // The step against the one before it (Contacts::check), reported at this item of the list.
        steps.push_back(parsed);
        const std::string key = "schedule_by_rosh." + std::string(kRoshLevelNames[r]) + "[" +
                                std::to_string(steps.size() - 1) + "].until_week";
        RuleProblems problems = only(rules.check(), key);
        for (RuleProblem& p : problems) p.key = "until_week";
        report_problems(list->items[i], step.path(), problems, d);
        steps.pop_back();
      }
      step.reject_unknown_keys();
      steps.push_back(parsed);
    }
  }
  by_rosh.reject_unknown_keys();
}

// The `tasks` list of a block whose rule takes only some kinds (overload triage, RAG-13's judgement): a
// kind the rule refuses is reported, and taken out again, kind by kind in the list's order.
template <typename TaskRule>
void read_rule_task_kinds(FieldReader& block, TaskRule& rule, Diagnostics& d) {
  block.node("tasks", true);
  auto kinds = read_name_list(block, "tasks", kTaskKindNames, "task kinds", true);
  if (!kinds) return;
  for (std::size_t i : *kinds) {
    rule.applies_to[i] = true;
    const RuleProblems problems = only(rule.check(), "tasks");
    if (problems.empty()) continue;
    report_problems(*block.map_node(), block.path(), {problems.back()}, d);
    rule.applies_to[i] = false;
  }
}

// `sentence_management.overload_triage`, optional (off when absent): which case tasks an overloaded
// practitioner lets slip (models/sentence_management/overload_triage.hpp).
void read_overload_triage(FieldReader& sm, OverloadTriage& triage) {
  auto ot = sm.optional_map("overload_triage");
  if (!ot) return;
  Diagnostics& d = sm.diagnostics();
  if (auto enabled = ot->boolean("enabled", true)) triage.enabled = *enabled;
  if (auto pct = ot->number("protect_all_up_to_workload_pct", true, 0.0, 1000.0))
    triage.protect_all_up_to_workload_pct = *pct;
  if (auto pct = ot->number("protect_none_from_workload_pct", true, 0.0, 1000.0)) {
    triage.protect_none_from_workload_pct = *pct;
    report_problems(*ot->map_node(), ot->path(), only(triage.check(), "protect_none_from_workload_pct"), d);
  }
  read_rule_task_kinds(*ot, triage, d);
  ot->reject_unknown_keys();
}

// `sentence_management.judgement_under_revised_measures`, optional (off when absent): which mandated tasks
// staff may judge not needed under revised measures (RAG-13; judgement_under_revised_measures.hpp).
void read_judgement_under_revised_measures(FieldReader& sm, JudgementUnderRevisedMeasures& judgement) {
  auto jr = sm.optional_map("judgement_under_revised_measures");
  if (!jr) return;
  judgement.enabled = true;
  Diagnostics& d = sm.diagnostics();
  if (auto p = jr->number("set_aside_probability", true, 0.0, 1.0)) judgement.set_aside_probability = *p;
  read_rule_task_kinds(*jr, judgement, d);
  jr->reject_unknown_keys();
}

// `sentence_management.hours_beyond_contract`, optional (off when absent): WF-20's extra hours.
void read_hours_beyond_contract(FieldReader& sm, HoursBeyondContract& extra) {
  auto hb = sm.optional_map("hours_beyond_contract");
  if (!hb) return;
  if (auto pct = hb->number("above_workload_pct", true, 0.0, 1000.0)) extra.above_workload_pct = *pct;
  if (auto share = hb->number("share_of_available_hours", true, 0.0, 1.0))
    extra.share_of_available_hours = *share;
  hb->reject_unknown_keys();
}

// `sentence_management.risk_management_plan`, optional (no plans when absent): 3a.12's plan for the RoSH
// levels listed.
void read_risk_management_plan(FieldReader& sm, SentenceManagementRules::RiskManagementPlan& plan) {
  auto rmp = sm.optional_map("risk_management_plan");
  if (!rmp) return;
  if (auto hours = rmp->number("hours", true, 0.0, kMaxTaskHours)) plan.hours = *hours;
  if (auto due = rmp->integer("due_working_days", true, 1, kMaxDueWorkingDays)) plan.due_working_days = *due;
  rmp->node("rosh_levels", true);
  if (auto levels = read_name_list(*rmp, "rosh_levels", kRoshLevelNames, "RoSH levels", false))
    for (std::size_t i : *levels) plan.for_rosh[i] = true;
  rmp->reject_unknown_keys();
}

}  // namespace

// `sentence_management`, optional: without it no tasks are simulated and the task KPIs are empty.
void read_sentence_management(FieldReader& root, SentenceManagementRules& rules) {
  auto sm = root.optional_map("sentence_management");
  if (!sm) return;
  Diagnostics& d = root.diagnostics();
  rules.enabled = true;
  if (auto share = sm->number("non_task_time_share", true, 0.0, 0.95)) rules.non_task_time_share = *share;
  sm->node("priority_order", true);
  if (auto order = read_priority_criteria(*sm, "priority_order")) rules.priority_order = std::move(*order);
  sm->node("mandated_tasks", true);
  if (auto mandated = read_name_list(*sm, "mandated_tasks", kTaskKindNames, "task kinds", true))
    for (std::size_t i : *mandated) rules.mandated[i] = true;
  read_overload_triage(*sm, rules.overload_triage);
  read_judgement_under_revised_measures(*sm, rules.judgement_under_revised_measures);
  read_hours_beyond_contract(*sm, rules.hours_beyond_contract);

  rules.initial_assessment = read_one_off_task(*sm, "initial_assessment", nullptr);
  std::optional<double> sara_review_hours;
  rules.sara = read_one_off_task(*sm, "sara", &sara_review_hours);
  if (sara_review_hours) rules.sara_review_hours = *sara_review_hours;
  rules.termination = read_one_off_task(*sm, "termination", nullptr);
  read_risk_management_plan(*sm, rules.risk_management_plan);

  FieldReader home(sm->node("home_visit", true), sm->child_path("home_visit"), d);
  if (home.ok()) {
    if (auto hours = home.number("hours", true, 0.0, kMaxTaskHours)) rules.home_visit.hours = *hours;
    if (auto due = home.integer("due_working_days_high_rosh", true, 1, kMaxDueWorkingDays))
      rules.home_visit.due_working_days_high_rosh = *due;
    if (auto weeks = home.number("due_weeks_other", true, 1.0 / 7.0, 52.0))
      rules.home_visit.due_weeks_other = *weeks;
    if (auto after = home.integer("after_event_due_working_days", false, 0, kMaxDueWorkingDays))
      rules.home_visit.after_event_due_working_days = *after;
    home.reject_unknown_keys();
  }

  FieldReader contacts(sm->node("contacts", true), sm->child_path("contacts"), d);
  if (contacts.ok()) {
    if (auto hours = contacts.number("hours_face_to_face", true, 0.0, 24.0))
      rules.contacts.hours_face_to_face = *hours;
    if (auto hours = contacts.number("hours_remote", true, 0.0, 24.0)) rules.contacts.hours_remote = *hours;
    if (auto share = contacts.number("face_to_face_share", true, 0.0, 1.0))
      rules.contacts.face_to_face_share = *share;
    read_contact_schedule(contacts, rules.contacts);
    contacts.reject_unknown_keys();
  }

  FieldReader periodic(sm->node("periodic_review", true), sm->child_path("periodic_review"), d);
  if (periodic.ok()) {
    if (auto weeks = periodic.number("interval_weeks", true, 1.0, 520.0))
      rules.periodic_review.interval_weeks = *weeks;
    if (auto hours = periodic.number("hours", true, 0.0, kMaxTaskHours)) rules.periodic_review.hours = *hours;
    if (auto due = periodic.integer("due_working_days", true, 1, kMaxDueWorkingDays))
      rules.periodic_review.due_working_days = *due;
    periodic.reject_unknown_keys();
  }

  FieldReader event(sm->node("event_review", true), sm->child_path("event_review"), d);
  if (event.ok()) {
    if (auto hazard = event.number("hazard_per_year", true, 0.0, 52.0))
      rules.event_review.hazard_per_year = *hazard;
    if (auto hours = event.number("hours", true, 0.0, kMaxTaskHours)) rules.event_review.hours = *hours;
    if (auto due = event.integer("due_working_days", true, 1, kMaxDueWorkingDays))
      rules.event_review.due_working_days = *due;
    event.reject_unknown_keys();
  }

  FieldReader court(sm->node("court_reports", true), sm->child_path("court_reports"), d);
  if (court.ok()) {
    if (auto rate = court.number("per_week_per_100_cases", true, 0.0, 1000.0))
      rules.court_reports.per_week_per_100_cases = *rate;
    if (auto hours = court.number("hours", true, 0.0, kMaxTaskHours)) rules.court_reports.hours = *hours;
    if (auto due = court.integer("due_working_days", true, 1, kMaxDueWorkingDays))
      rules.court_reports.due_working_days = *due;
    if (const ConfigNode* list = court.node("grades", true)) {
      const std::string path = court.child_path("grades");
      if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
        d.error(list->anchor(), path, "expected a non-empty list of grades, found " + list->describe_value());
      } else {
        for (std::size_t i = 0; i < list->items.size(); ++i) {
          const std::string item_path = path + "[" + std::to_string(i) + "]";
          if (auto grade = read_grade(list->items[i], item_path, d)) {
            if (!holds_cases(*grade))
              d.error(list->items[i].where, item_path,
                      "court reports are written by case-holding grades (po, pso, pqip), found '" +
                          std::string(to_string(*grade)) + "'");
            else
              at(rules.court_reports.grades, *grade) = true;
          }
        }
      }
    }
    court.reject_unknown_keys();
  }
  sm->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
