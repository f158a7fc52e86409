// `interventions` (docs/sources.md; G-8..G-14, G-19, G-20, G-25): the block, and its parts that are not
// programmes (load_intervention_programmes.cpp), routing (load_intervention_routing.cpp) or delivery
// (load_intervention_delivery.cpp).

#include "config/load_interventions_parts.hpp"
#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

void read_interventions_warm_start(FieldReader& iv, InterventionsWarmStart& warm) {
  auto w = iv.optional_map("warm_start");
  if (!w) return;
  if (auto weeks = w->number("waiting_list_max_weeks", false, 0.0, kMaxInterventionWeeks))
    warm.waiting_list_max_weeks = *weeks;
  if (auto share = w->number("waiting_share", false, 0.0, 1.0)) warm.waiting_share = *share;
  w->reject_unknown_keys();
}

// `interventions.cohort_report` (BBR) or `si_cohort_report` (structured interventions): which
// requirements the cohort KPIs follow, and the day their status is taken (docs/reference/outputs.md),
// checked against the report window (BbrCohortReport::check).
void read_cohort_report(FieldReader& iv, const SimulationWindow& window, const char* key,
                        BbrCohortReport& report) {
  const ConfigNode* node = iv.node(key, false);
  if (node == nullptr) return;
  FieldReader c(node, iv.child_path(key), iv.diagnostics());
  if (!c.ok()) return;
  auto from = c.date("requirements_from", true);
  auto to = c.date("requirements_to", true);
  auto on = c.date("status_on", true);
  c.reject_unknown_keys();
  if (!from || !to || !on) return;
  const BbrCohortReport read{true, *from, *to, *on};
  const RuleProblems problems = read.check(window);  // at the keys themselves
  report_problems(*node, c.path(), problems, iv.diagnostics(), true);
  if (problems.empty()) report = read;
}

void read_facilitation(FieldReader& iv, FacilitationRules& rules) {
  auto f = iv.optional_map("facilitation");
  if (!f) return;
  if (auto n = f->integer("facilitators_per_group_session", false, 1, 100))
    rules.facilitators_per_group_session = *n;
  if (auto h = f->number("hours_per_group_session", false, 0.0, kMaxSessionHours))
    rules.hours_per_group_session = *h;
  if (auto h = f->number("hours_per_individual_session", false, 0.0, kMaxSessionHours))
    rules.hours_per_individual_session = *h;
  if (auto share = f->number("non_delivery_share", false, 0.0, 1.0)) rules.non_delivery_share = *share;
  if (auto scale = f->number("facilitator_scale", false, 0.0, 10.0)) rules.facilitator_scale = *scale;
  f->reject_unknown_keys();
}

// Off unless the block is present and sets a trigger.
void read_demand_management(FieldReader& iv, InterventionRules& rules) {
  auto dm = iv.optional_map("demand_management");
  if (!dm) return;
  DemandManagement& m = rules.demand_management;
  if (auto weeks = dm->number("divert_after_weeks_waiting", false, 0.0, kMaxInterventionWeeks))
    m.divert_after_weeks_waiting = *weeks;
  if (auto length = dm->integer("divert_when_list_longer_than", false, 0, 10000000))
    m.divert_when_list_longer_than = *length;
  m.enabled = m.divert_after_weeks_waiting > 0.0 || m.divert_when_list_longer_than > 0;
  if (auto rosh = read_name_list(*dm, "divert_rosh", kRoshLevelNames, "RoSH levels", false)) {
    m.divert_rosh.fill(false);
    for (std::size_t r : *rosh) m.divert_rosh[r] = true;
  }
  if (auto route = dm->choice("divert_to", false, names_of(kDiversionRouteNames)))
    m.divert_to = static_cast<DiversionRoute>(*route);
  // Checked whatever the route, so that a base's programme stays valid when a derived file diverts to
  // the toolkit instead.
  const ConfigNode* programme = dm->node("divert_to_programme", false);
  if (programme != nullptr) {
    if (auto index = find_programme(rules, *programme, programme->where,
                                    dm->child_path("divert_to_programme"), dm->diagnostics()))
      m.divert_to_programme = *index;
  } else if (m.divert_to == DiversionRoute::structured_intervention) {
    dm->diagnostics().error(dm->map_node()->anchor(), dm->child_path("divert_to_programme"),
                            "is required with divert_to: structured_intervention (the name of one of "
                            "interventions.structured_interventions)");
  }
  dm->reject_unknown_keys();
}

void read_daso(FieldReader& iv, DasoRules& rules) {
  auto daso = iv.optional_map("daso");
  if (!daso) return;
  if (auto enabled = daso->boolean("enabled", false)) rules.enabled = *enabled;
  if (auto h = daso->number("hours_per_first_contact", false, 0.0, kMaxSessionHours))
    rules.hours_per_first_contact = *h;
  if (auto h = daso->number("support_hours_per_week", false, 0.0, 168.0)) rules.support_hours_per_week = *h;
  if (auto p = daso->number("acceptance_at_sentence", false, 0.0, 1.0)) rules.acceptance_at_sentence = *p;
  if (auto p = daso->number("acceptance_after_6_months", false, 0.0, 1.0))
    rules.acceptance_after_6_months = *p;
  if (auto share = daso->number("non_delivery_share", false, 0.0, 1.0)) rules.non_delivery_share = *share;
  daso->reject_unknown_keys();
}

void read_toolkit(FieldReader& iv, ToolkitRules& rules) {
  auto t = iv.optional_map("toolkit");
  if (!t) return;
  if (auto n = t->integer("sessions", false, 1, kMaxSessions)) rules.sessions = *n;
  // One day is the least: 1/7 as written to 6 figures (0.142857) is let in, since it cannot be typed
  // exactly, and the interval is whole days (lround of weeks × 7, at least 1).
  if (auto weeks = t->number("session_interval_weeks", false, 0.142857, 52.0))
    rules.session_interval_weeks = *weeks;
  if (auto h = t->number("hours_per_session", false, 0.0, kMaxSessionHours)) rules.hours_per_session = *h;
  t->reject_unknown_keys();
}

}  // namespace

// A `{min: weeks, max: weeks}` map under `key`, if present.
void read_weeks_range(FieldReader& parent, std::string_view key, WeeksRange& delay) {
  const ConfigNode* node = parent.node(key, false);
  if (node == nullptr) return;
  FieldReader r(node, parent.child_path(key), parent.diagnostics());
  if (!r.ok()) return;
  auto min = r.number("min", false, 0.0, kMaxInterventionWeeks);
  auto max = r.number("max", false, 0.0, kMaxInterventionWeeks);
  if (min) delay.min_weeks = *min;
  if (max) delay.max_weeks = *max;
  // Checked when both bounds are the file's or defaults; pointed at `min` when the file gives it.
  if ((min || node->find("min") == nullptr) && (max || node->find("max") == nullptr)) {
    RuleProblems problems = delay.check();
    for (RuleProblem& p : problems)
      if (!min) p.key = "max";
    report_problems(*node, r.path(), problems, parent.diagnostics(), true);
  }
  r.reject_unknown_keys();
}

// `interventions`, optional: without it no interventions are simulated. Every key inside is optional,
// with the defaults of InterventionRules, except what has none (a structured intervention's name and
// sessions, the mix when there are several, the programme demand management diverts to).
void read_interventions(FieldReader& root, const SimulationWindow& window, InterventionRules& rules) {
  auto iv = root.optional_map("interventions");
  if (!iv) return;
  rules.enabled = true;
  if (auto enabled = iv->boolean("enabled", false)) rules.enabled = *enabled;
  read_bbr(*iv, rules);
  read_structured_interventions(*iv, rules);
  if (auto order =
          iv->choice("structured_intervention_groups", false, {"longest_waiting_first", "file_order"}))
    rules.structured_intervention_groups = static_cast<StructuredInterventionGroups>(*order);
  read_routing(*iv, *iv->map_node(), rules);
  read_weeks_range(*iv, "readiness_delay_weeks", rules.readiness);
  read_interventions_warm_start(*iv, rules.warm_start);
  read_cohort_report(*iv, window, "cohort_report", rules.cohort_report);
  read_cohort_report(*iv, window, "si_cohort_report", rules.si_cohort_report);
  read_facilitation(*iv, rules.facilitation);
  read_demand_management(*iv, rules);
  read_daso(*iv, rules.daso);
  read_toolkit(*iv, rules.toolkit);
  read_intervention_delivery(*iv, rules.delivery);
  iv->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
