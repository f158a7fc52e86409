// `interventions.bbr` and `interventions.structured_interventions`: the group programmes and the keys
// they share.

#include <algorithm>
#include <cctype>
#include <map>

#include "config/load_interventions_parts.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

void read_removal_enforcement(FieldReader& programme, RemovalEnforcement& enforcement) {
  auto e = programme.optional_map("removal_enforcement");
  if (!e) return;
  if (auto p = e->number("breach_probability", false, 0.0, 1.0)) enforcement.breach_probability = *p;
  if (const ConfigNode* by_type = e->node("order_ended_probability", false)) {
    FieldReader types(by_type, e->child_path("order_ended_probability"), e->diagnostics());
    if (types.ok()) {
      for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t)
        if (auto p = types.number(kSentenceTypeNames[t], false, 0.0, 1.0))
          enforcement.order_ended_probability[t] = *p;
      types.reject_unknown_keys();
    }
  }
  if (auto p = e->number("requirement_removed_probability", false, 0.0, 1.0))
    enforcement.requirement_removed_probability = *p;
  read_weeks_range(*e, "weeks_to_outcome", enforcement.weeks_to_outcome);
  e->reject_unknown_keys();
}

// The keys every group programme has (BBR and each structured intervention). All optional, with the
// defaults of ProgrammeRules, except a structured intervention's `group_sessions`.
void read_programme_keys(FieldReader& p, const ConfigNode& node, ProgrammeRules& rules, bool structured) {
  Diagnostics& d = p.diagnostics();
  auto group_sessions = p.integer("group_sessions", structured, 1, kMaxSessions);
  if (group_sessions) rules.group_sessions = *group_sessions;
  if (auto n = p.integer("individual_sessions", false, 0, kMaxSessions)) rules.individual_sessions = *n;
  if (auto n = p.integer("sessions_per_week", false, 1, 2)) rules.sessions_per_week = *n;
  auto size_min = p.integer("group_size_min", false, 1, kMaxGroupSize);
  auto size_max = p.integer("group_size_max", false, 1, kMaxGroupSize);
  if (size_min) rules.group_size_min = *size_min;
  if (size_max) rules.group_size_max = *size_max;
  const bool sizes_read = (size_min || node.find("group_size_min") == nullptr) &&
                          (size_max || node.find("group_size_max") == nullptr);
  // ProgrammeRules::check, pointed at group_size_min when the file gives it, else at group_size_max.
  if (sizes_read) {
    RuleProblems problems = only(rules.check(), "group_size_min");
    for (RuleProblem& problem : problems)
      if (!size_min) problem.key = "group_size_max";
    report_problems(node, p.path(), problems, d, true);
  }
  if (auto format = p.choice("format", false, names_of(kGroupFormatNames)))
    rules.format = static_cast<GroupFormat>(*format);
  auto module_sessions = p.integer("module_sessions", false, 1, kMaxSessions);
  if (module_sessions) rules.module_sessions = *module_sessions;
  const bool modules_read = (group_sessions || node.find("group_sessions") == nullptr) &&
                            (module_sessions || node.find("module_sessions") == nullptr);
  // The same, pointed at module_sessions when the file gives it, else at group_sessions.
  if (modules_read) {
    RuleProblems problems = only(rules.check(), "module_sessions");
    for (RuleProblem& problem : problems)
      if (!module_sessions) problem.key = "group_sessions";
    report_problems(node, p.path(), problems, d, true);
  }
  if (auto p_attend = p.number("attendance_probability", false, 0.0, 1.0))
    rules.attendance_probability = *p_attend;
  if (auto n = p.integer("missed_sessions_allowed", false, 0, kMaxSessions))
    rules.missed_sessions_allowed = *n;
  if (auto n = p.integer("rolling_rejoins_allowed", false, 0, kMaxSessions))
    rules.rolling_rejoins_allowed = *n;
  if (auto to = p.choice("closed_removed_to", false, names_of(kAfterRemovalNames)))
    rules.closed_removed_to = static_cast<AfterRemoval>(*to);
  read_removal_enforcement(p, rules.removal_enforcement);
  // G-13, 1.19 (docs/validation/09-bbr-delivery.md §9.13): 0 is off; at most ten years.
  if (auto weeks = p.number("min_order_weeks_left_to_start", false, 0.0, 520.0))
    rules.min_order_weeks_left_to_start = *weeks;
}

// Why a structured intervention's name cannot be one, or "". The name becomes part of KPI names
// (si_period_completions_<programme>, docs/reference/outputs.md), whose every member is lower-case
// snake_case: a name with a capital or a space made KPIs that --precision-kpis, a sweep's headline and
// the targets could not name, since the catalogue recognises a member only in lower case.
std::string kpi_name_problem(const std::string& name) {
  const bool starts_with_letter = !name.empty() && name[0] >= 'a' && name[0] <= 'z';
  const bool rest_allowed = std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (starts_with_letter && rest_allowed) return "";
  // A suggestion only where lower case and _ for the other ASCII marks keep the name's meaning: not for
  // one that begins with a digit or _ ('2step' is not 'step') or holds other letters ('Ünïcode').
  std::string suggestion;
  bool keeps_meaning = !name.empty() && std::isalpha(static_cast<unsigned char>(name[0])) != 0;
  for (const char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 128)
      keeps_meaning = false;
    else if (std::isalnum(u))
      suggestion += static_cast<char>(std::tolower(u));
    else if (!suggestion.empty() && suggestion.back() != '_')
      suggestion += '_';
  }
  while (!suggestion.empty() && suggestion.back() == '_') suggestion.pop_back();
  return "the name '" + name + "' becomes part of KPI names (si_period_completions_" + name +
         "), which use only lower-case letters, digits and _, beginning with a letter" +
         (keeps_meaning ? "; call it, say, '" + suggestion + "'" : std::string());
}

std::vector<std::string> programme_names(const InterventionRules& rules) {
  std::vector<std::string> names;
  for (const auto& programme : rules.structured_interventions) names.push_back(programme.name);
  return names;
}

}  // namespace

void read_bbr(FieldReader& iv, InterventionRules& rules) {
  rules.bbr.name = "bbr";
  auto bbr = iv.optional_map("bbr");
  if (!bbr) return;
  if (auto priority = bbr->choice("priority", false, names_of(kWaitingListPriorityNames)))
    rules.bbr_priority_order = waiting_list_criteria(static_cast<WaitingListPriority>(*priority));
  // The criteria themselves, as sentence_management.priority_order gives them; they win over the named
  // `priority` (which the base file sets).
  if (auto order = read_priority_criteria(*bbr, "priority_order")) {
    const std::size_t errors_before = bbr->diagnostics().items().size();
    report_problems(*bbr->map_node()->find("priority_order"), bbr->child_path("priority_order"),
                    check_waiting_list_order(*order), bbr->diagnostics());
    if (bbr->diagnostics().items().size() == errors_before) rules.bbr_priority_order = std::move(*order);
  }
  read_programme_keys(*bbr, *bbr->map_node(), rules.bbr, false);
  bbr->reject_unknown_keys();
}

void read_structured_interventions(FieldReader& iv, InterventionRules& rules) {
  const ConfigNode* list = iv.node("structured_interventions", false);
  if (list == nullptr) return;
  Diagnostics& d = iv.diagnostics();
  const std::string path = iv.child_path("structured_interventions");
  if (list->kind != ConfigNode::Kind::sequence) {
    d.error(list->anchor(), path,
            "expected a list of structured interventions ({name, group_sessions, ...}), found " +
                list->describe_value());
    return;
  }
  std::map<std::string, SourceLocation> names_seen;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], path + "[" + std::to_string(i) + "]", d);
    if (!item.ok()) continue;
    ProgrammeRules programme;
    programme.individual_sessions = 0;
    if (auto name = item.label("name", true)) {
      programme.name = *name;
      const SourceLocation& where = item.node("name", false)->where;
      auto [it, inserted] = names_seen.emplace(*name, where);
      if (!inserted)
        d.error(where, item.child_path("name"),
                "the name '" + *name + "' is already used at " + it->second.describe());
      else if (const std::string problem = kpi_name_problem(*name); !problem.empty())
        d.error(where, item.child_path("name"), problem);
    }
    read_programme_keys(item, list->items[i], programme, true);
    if (auto men_only = item.boolean("men_only", false)) programme.men_only = *men_only;
    item.reject_unknown_keys();
    rules.structured_interventions.push_back(std::move(programme));
  }
}

// The index of the structured intervention a scalar names, with a did-you-mean when there is none.
std::optional<std::size_t> find_programme(const InterventionRules& rules, const ConfigNode& name,
                                          const SourceLocation& where, const std::string& path,
                                          Diagnostics& d) {
  const std::vector<std::string> names = programme_names(rules);
  if (name.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name.scalar) return i;
  std::string listed;
  for (const auto& n : names) listed += (listed.empty() ? "" : ", ") + n;
  std::string message = "expected the name of one of interventions.structured_interventions (" +
                        (listed.empty() ? std::string("there are none") : listed) + "), found " +
                        name.describe_value();
  if (name.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(name.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(where, path, message);
  return std::nullopt;
}

}  // namespace probsim::scenario_loading
