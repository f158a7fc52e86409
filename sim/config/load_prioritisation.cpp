// `prioritisation`: the RAG statuses, their thresholds, measures and overrides.

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

// The measures of one status (`prioritisation.measures.amber` or `.red`), over `base`: what a key does
// not set keeps its value in `base` (BAU, or amber's measures for red when red includes amber).
RagMeasures read_rag_measures(FieldReader& measures, std::string_view status, const RagMeasures& base) {
  RagMeasures m = base;
  const ConfigNode* node = measures.node(status, false);
  if (node == nullptr) return m;
  FieldReader r(node, measures.child_path(status), measures.diagnostics());
  if (!r.ok()) return m;
  if (auto v = r.number("contact_frequency_multiplier", false, 0.01, 10.0))
    m.contacts.contact_frequency_multiplier = *v;
  if (auto v = r.number("contact_interval_weeks_min", false, 0.0, 52.0))
    m.contacts.contact_interval_weeks_min = *v;
  if (auto v = r.number("face_to_face_share", false, 0.0, 1.0)) m.contacts.face_to_face_share = *v;
  if (auto v = r.number("non_task_time_share", false, 0.0, 0.95)) m.contacts.non_task_time_share = *v;
  if (auto v = r.boolean("bbr_new_starts_suspended", false)) m.interventions.bbr_new_starts_suspended = *v;
  if (auto v = r.boolean("programme_delivery_paused", false)) m.interventions.programme_delivery_paused = *v;
  if (auto v = r.number("facilitator_hours_redeployed_share", false, 0.0, 1.0))
    m.interventions.facilitator_hours_redeployed_share = *v;
  if (auto v = r.boolean("daso_new_cases_offered", false)) m.interventions.daso_new_cases_offered = *v;
  if (auto v = r.boolean("toolkit_delivery_stopped", false)) m.interventions.toolkit_delivery_stopped = *v;
  r.reject_unknown_keys();
  return m;
}

void read_rag_overrides(FieldReader& pr, Scenario& s) {
  const ConfigNode* list = pr.node("overrides", false);
  if (list == nullptr) return;
  Diagnostics& d = pr.diagnostics();
  const std::string path = pr.child_path("overrides");
  if (list->kind != ConfigNode::Kind::sequence) {
    d.error(list->anchor(), path,
            "expected a list of {pdu, status, from, to}, found " + list->describe_value());
    return;
  }
  auto& overrides = s.caseload.prioritisation.overrides;
  const std::vector<std::string> pdu_names = s.pdu_names();
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], path + "[" + std::to_string(i) + "]", d);
    if (!item.ok()) continue;
    RagOverride o;
    std::optional<std::size_t> pdu;
    if (const ConfigNode* name = item.node("pdu", true)) pdu = find_pdu(s, *name, item.child_path("pdu"), d);
    auto status = item.choice("status", true, names_of(kRagStatusNames));
    auto from = item.date("from", true);
    auto to = item.date("to", true);
    item.reject_unknown_keys();
    if (!pdu || !status || !from || !to) continue;
    o.pdu = *pdu;
    o.status = static_cast<RagStatus>(*status);
    o.from = *from;
    o.to = *to;
    // RagOverride::check against the overrides that stand, at this item: the override as a whole at
    // its anchor, a key at its value.
    const RuleProblems problems = o.check(overrides, pdu_names);
    for (const RuleProblem& problem : problems)
      report_problems(list->items[i], item.path(), {problem}, d, problem.key.empty());
    if (!problems.empty()) continue;
    overrides.push_back(o);
  }
}

}  // namespace

// `prioritisation`, optional: without it (or with enabled: false) every PDU is green throughout. Read
// after sentence_management, whose BAU settings the measures start from, and after the regions, which
// overrides name.
void read_prioritisation(FieldReader& root, Scenario& s) {
  PrioritisationRules& rules = s.caseload.prioritisation;
  const RagMeasures bau = business_as_usual_measures(s.caseload.sentence_management);
  rules.measures.fill(bau);
  auto pr = root.optional_map("prioritisation");
  if (!pr) return;
  Diagnostics& d = root.diagnostics();
  if (auto enabled = pr->boolean("enabled", true)) rules.enabled = *enabled;
  if (auto cadence = pr->choice("review_cadence", false, names_of(kRagReviewCadenceNames)))
    rules.review_cadence = static_cast<RagReviewCadence>(*cadence);
  if (auto n = pr->integer("hysteresis_reviews", false, 0, 60)) rules.hysteresis_reviews = *n;

  RagThresholds& t = rules.thresholds;
  if (auto v = pr->number("workload_pct_amber_above", false, 0.0, 1000.0)) t.workload_pct_amber_above = *v;
  if (auto v = pr->number("workload_pct_red_above", false, 0.0, 1000.0)) {
    t.workload_pct_red_above = *v;
    report_problems(*pr->map_node(), "prioritisation", only(t.check(), "workload_pct_red_above"), d);
  }
  if (auto v = pr->integer("workload_red_consecutive_weeks", false, 1, 52))
    t.workload_red_consecutive_weeks = *v;
  if (auto v = pr->number("staffing_fill_pct_amber_below", false, 0.0, 1000.0))
    t.staffing_fill_pct_amber_below = *v;
  if (auto v = pr->number("staffing_fill_pct_red_below", false, 0.0, 1000.0)) {
    t.staffing_fill_pct_red_below = *v;
    report_problems(*pr->map_node(), "prioritisation", only(t.check(), "staffing_fill_pct_red_below"), d);
  }
  if (auto v = pr->number("staffing_fill_trainee_weight", false, 0.0, 1.0))
    t.staffing_fill_trainee_weight = *v;

  // RAG-7: by default every listed exemption applies; a scenario lists the ones it wants.
  rules.exempt = 0;
  for (std::size_t e = 0; e < kRagExemptionCount; ++e)
    if (static_cast<RagExemption>(e) != RagExemption::domestic_abuse)
      rules.exempt |= exemption_bit(static_cast<RagExemption>(e));
  if (pr->node("exempt", false) != nullptr) {
    rules.exempt = 0;
    if (auto listed = read_name_list(*pr, "exempt", kRagExemptionNames, "exemptions", true))
      for (std::size_t e : *listed) rules.exempt |= exemption_bit(static_cast<RagExemption>(e));
  }
  if (auto v = pr->boolean("trainee_cases_on_bau", false)) rules.trainee_cases_on_bau = *v;
  if (auto v = pr->boolean("home_visits_follow_face_to_face_cut", false))
    rules.home_visits_follow_face_to_face_cut = *v;
  if (auto v = pr->number("non_compliance_probability", false, 0.0, 1.0))
    rules.non_compliance_probability = *v;
  if (auto v = pr->number("bbr_suspension_followed_probability", false, 0.0, 1.0))
    rules.bbr_suspension_followed_probability = *v;
  bool red_includes_amber = true;  // G-2
  if (auto v = pr->boolean("red_includes_amber", false)) red_includes_amber = *v;
  if (const ConfigNode* measures = pr->node("measures", false)) {
    FieldReader m(measures, pr->child_path("measures"), d);
    if (m.ok()) {
      const RagMeasures amber = read_rag_measures(m, "amber", bau);
      rules.measures[static_cast<std::size_t>(RagStatus::amber)] = amber;
      rules.measures[static_cast<std::size_t>(RagStatus::red)] =
          read_rag_measures(m, "red", red_includes_amber ? amber : bau);
      m.reject_unknown_keys();
    }
  }
  read_rag_overrides(*pr, s);
  pr->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
