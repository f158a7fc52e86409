// `enforcement` (EnforcementRules, issue 24), optional: absent, enforcement is off and nothing changes.

#include <string>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

constexpr double kMaxTaskHours = 1000.0;
constexpr int kMaxDueWorkingDays = 260;
// A multiplier of an absence share [Assume]: the check keeps the product a share.
constexpr double kMaxAbsenceMultiplier = 100.0;

// A map from each of `names` (sentence types, RoSH levels) to a number in [min, max]; a name not given
// keeps its default (as does the whole map when it is optional and absent).
template <std::size_t N>
void read_by_name(FieldReader& parent, std::string_view key, const std::array<std::string_view, N>& names,
                  double min, double max, std::array<double, N>& out, bool required) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return;
  FieldReader by_name(node, parent.child_path(key), parent.diagnostics());
  if (!by_name.ok()) return;
  for (std::size_t i = 0; i < N; ++i)
    if (auto v = by_name.number(names[i], false, min, max)) out[i] = *v;
  by_name.reject_unknown_keys();
}

void read_by_sentence_type(FieldReader& parent, std::string_view key, double min, double max,
                           std::array<double, 3>& out, bool required = true) {
  read_by_name(parent, key, kSentenceTypeNames, min, max, out, required);
}

void read_by_rosh(FieldReader& parent, std::string_view key, double min, double max,
                  std::array<double, 4>& out) {
  read_by_name(parent, key, kRoshLevelNames, min, max, out, false);
}

// `appointments.poor_attenders` (optional): the share of cases that miss many appointments (2c.1).
void read_poor_attenders(FieldReader& ap, EnforcementRules& r) {
  auto pa = ap.optional_map("poor_attenders");
  if (!pa) return;
  if (auto q = pa->number("share", true, 0.0, 0.99)) r.poor_attenders.share = *q;
  if (auto m = pa->number("unacceptable_multiplier", true, 1.0, kMaxAbsenceMultiplier))
    r.poor_attenders.unacceptable_multiplier = *m;
  pa->reject_unknown_keys();
}

void read_appointments(FieldReader& en, EnforcementRules& r) {
  FieldReader ap(en.node("appointments", true), en.child_path("appointments"), en.diagnostics());
  if (!ap.ok()) return;
  read_by_sentence_type(ap, "missed_acceptable_share", 0.0, 1.0, r.missed_acceptable_share);
  read_by_sentence_type(ap, "missed_unacceptable_share", 0.0, 1.0, r.missed_unacceptable_share);
  read_by_rosh(ap, "unacceptable_multiplier_by_rosh", 0.0, kMaxAbsenceMultiplier,
               r.unacceptable_multiplier_by_rosh);
  if (auto w = ap.number("early_stage_weeks", false, 0.0, 520.0)) r.early_stage_weeks = *w;
  if (auto m = ap.number("early_stage_unacceptable_multiplier", false, 0.0, kMaxAbsenceMultiplier))
    r.early_stage_unacceptable_multiplier = *m;
  read_poor_attenders(ap, r);
  report_problems(*en.node("appointments", false), ap.path(), only_under(r.check(), "appointments"),
                  ap.diagnostics());
  if (auto h = ap.number("absence_judgement_hours", true, 0.0, kMaxTaskHours)) r.absence_judgement_hours = *h;
  if (auto d = ap.integer("absence_judgement_due_working_days", true, 0, kMaxDueWorkingDays))
    r.absence_judgement_due_working_days = *d;
  ap.reject_unknown_keys();
}

void read_court(FieldReader& en, EnforcementRules& r) {
  FieldReader court(en.node("court", true), en.child_path("court"), en.diagnostics());
  if (!court.ok()) return;
  read_by_sentence_type(court, "order_ended_share", 0.0, 1.0, r.order_ended_share);
  read_by_sentence_type(court, "decision_lag_weeks", 0.0, 104.0, r.decision_lag_weeks);
  read_by_sentence_type(court, "continued_extension_weeks", 0.0, 104.0, r.continued_extension_weeks, false);
  read_by_sentence_type(court, "continued_contact_frequency_multiplier", 1.0, 7.0,
                        r.continued_contact_frequency_multiplier, false);
  court.reject_unknown_keys();
}

// `warm_start` (optional): the stock of day 0 and its failures carry enforcement state.
void read_warm_start(FieldReader& en, EnforcementRules& r) {
  auto ws = en.optional_map("warm_start");
  if (!ws) return;
  EnforcementWarmStart& w = r.warm_start;
  w.enabled = true;
  read_by_sentence_type(*ws, "breach_endings_per_year", 0.0, 100.0, w.breach_endings_per_year);
  if (auto d = ws->number("contacts_delivered_share", true, 0.0, 1.0)) w.contacts_delivered_share = *d;
  report_problems(*ws->map_node(), ws->path(), only_under(r.check(), "warm_start"), ws->diagnostics());
  ws->reject_unknown_keys();
}

// `first_weeks_standard` (optional): appointments required in an order's first weeks (3a.3, SDA-10).
void read_first_weeks_standard(FieldReader& en, EnforcementRules& r) {
  auto fw = en.optional_map("first_weeks_standard");
  if (!fw) return;
  FirstWeeksStandard& s = r.first_weeks_standard;
  if (auto w = fw->number("weeks", true, 1.0, 520.0)) s.weeks = *w;
  read_by_sentence_type(*fw, "appointments", 0.0, 10000.0, s.appointments);
  fw->reject_unknown_keys();
}

}  // namespace

void read_enforcement(FieldReader& root, SentenceManagementRules& rules) {
  auto en = root.optional_map("enforcement");
  if (!en) return;
  EnforcementRules& r = rules.enforcement;
  if (auto enabled = en->boolean("enabled", true)) r.enabled = *enabled;
  if (r.enabled && !rules.enabled)
    en->diagnostics().error(en->map_node()->anchor(), "enforcement",
                            "needs a sentence_management block: appointments are its contacts");
  read_appointments(*en, r);
  if (auto s = en->number("unacceptable_judged_share", true, 0.0, 1.0)) r.unacceptable_judged_share = *s;
  if (auto n = en->integer("unacceptable_failures_to_breach", true, 1, 20))
    r.unacceptable_failures_to_breach = *n;
  if (auto h = en->number("warning_hours", true, 0.0, kMaxTaskHours)) r.warning_hours = *h;
  if (auto h = en->number("breach_action_hours", true, 0.0, kMaxTaskHours)) r.breach_action_hours = *h;
  if (auto d = en->integer("breach_action_due_working_days", true, 0, kMaxDueWorkingDays))
    r.breach_action_due_working_days = *d;
  read_court(*en, r);
  if (auto m = en->number("late_breach_unacceptable_multiplier", false, 1.0, 10.0))
    r.late_breach_unacceptable_multiplier = *m;
  read_warm_start(*en, r);
  read_first_weeks_standard(*en, r);
  en->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
