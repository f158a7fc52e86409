#include "config/scenario_loader.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "config/field_reader.hpp"

namespace probsim {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kShareSumTolerance = 1e-6;

template <std::size_t N>
std::vector<std::string> names_of(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

// A map from category name to a share in [0, 1]; the shares must sum to 1. Missing names are 0.
template <std::size_t N>
std::optional<std::vector<double>> read_shares(FieldReader& parent, std::string_view key,
                                               const std::array<std::string_view, N>& names) {
  const ConfigNode* node = parent.node(key, true);
  if (node == nullptr) return std::nullopt;
  FieldReader shares(node, parent.child_path(key), parent.diagnostics());
  if (!shares.ok()) return std::nullopt;
  std::vector<double> values(N, 0.0);
  bool complete = true;
  for (std::size_t i = 0; i < N; ++i) {
    auto share = shares.number(names[i], false, 0.0, 1.0);
    if (share)
      values[i] = *share;
    else if (node->find(names[i]) != nullptr)
      complete = false;
  }
  shares.reject_unknown_keys();
  if (!complete) return std::nullopt;
  double sum = 0.0;
  for (double v : values) sum += v;
  if (std::fabs(sum - 1.0) > kShareSumTolerance) {
    std::ostringstream total;
    total << sum;
    parent.diagnostics().error(node->anchor(), parent.child_path(key),
                               "shares must sum to 1, but they sum to " + total.str());
    return std::nullopt;
  }
  return values;
}

std::optional<std::vector<double>> read_number_list(const ConfigNode& node, const std::string& path,
                                                    double min, double max, Diagnostics& diagnostics) {
  if (node.kind != ConfigNode::Kind::sequence) {
    diagnostics.error(node.where, path, "expected a list of numbers, found " + node.describe_value());
    return std::nullopt;
  }
  std::vector<double> values;
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    auto v =
        FieldReader::to_number(node.items[i], path + "[" + std::to_string(i) + "]", min, max, diagnostics);
    if (v)
      values.push_back(*v);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return values;
}

void read_simulation(FieldReader& root, Scenario& s) {
  FieldReader sim(root.node("simulation", true), "simulation", root.diagnostics());
  auto start = sim.date("report_start", true);
  auto end = sim.date("report_end", true);
  auto warm_up = sim.integer("warm_up_weeks", true, 0, 52 * 50);
  auto warm_start = sim.choice("warm_start", true, {"empty", "steady_state"});
  sim.reject_unknown_keys();
  if (start) s.window.report_start = *start;
  if (end) s.window.report_end = *end;
  if (start && end && !(*start < *end))
    root.diagnostics().error(sim.node("report_end", false)->where, "simulation.report_end",
                             "must be after simulation.report_start (" + start->iso() + ")");
  if (warm_up) s.window.warm_up_weeks = *warm_up;
  if (warm_start) s.window.warm_start = *warm_start == 0 ? WarmStart::empty : WarmStart::steady_state;
}

ReferralRate read_referral_pattern(FieldReader& root) {
  ReferralRate pattern;
  const ConfigNode* node = root.node("referrals", false);
  if (node == nullptr) return pattern;
  FieldReader referrals(node, "referrals", root.diagnostics());
  if (auto trend = referrals.number("trend_pct_per_year", false, -99.0, 1000.0))
    pattern.trend_fraction_per_year = *trend / 100.0;
  if (const ConfigNode* seasonality = referrals.node("seasonality_multipliers", false)) {
    const std::string path = "referrals.seasonality_multipliers";
    if (auto values = read_number_list(*seasonality, path, 0.0, 100.0, root.diagnostics())) {
      if (values->size() != 12)
        root.diagnostics().error(
            seasonality->anchor(), path,
            "expected 12 multipliers (January to December), found " + std::to_string(values->size()));
      else
        std::copy(values->begin(), values->end(), pattern.seasonality_multiplier.begin());
    }
  }
  referrals.reject_unknown_keys();
  return pattern;
}

std::optional<SentenceLengthDistribution> read_length(FieldReader& parent, std::string_view key,
                                                      bool required) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader length(node, parent.child_path(key), parent.diagnostics());
  if (!length.ok()) return std::nullopt;
  Diagnostics& d = parent.diagnostics();
  SentenceLengthDistribution out;
  const ConfigNode* fixed = length.node("fixed", false);
  const ConfigNode* values = length.node("values", false);
  const ConfigNode* weights = length.node("weights", false);
  const ConfigNode* uniform = length.node("uniform", false);
  length.reject_unknown_keys();
  const int forms = (fixed != nullptr) + (values != nullptr) + (uniform != nullptr);
  if (forms != 1) {
    d.error(node->anchor(), length.path(),
            "give exactly one of 'fixed: MONTHS', 'values: [MONTHS...]' with 'weights: [...]', or "
            "'uniform: [MIN, MAX]'");
    return std::nullopt;
  }
  constexpr double kMaxMonths = 12.0 * 100;
  if (fixed != nullptr) {
    auto months = FieldReader::to_number(*fixed, length.child_path("fixed"), 0.03, kMaxMonths, d);
    if (!months) return std::nullopt;
    out.kind = SentenceLengthDistribution::Kind::fixed;
    out.months = {*months};
    return out;
  }
  if (uniform != nullptr) {
    auto range = read_number_list(*uniform, length.child_path("uniform"), 0.03, kMaxMonths, d);
    if (!range) return std::nullopt;
    if (range->size() != 2 || (*range)[0] > (*range)[1]) {
      d.error(uniform->where, length.child_path("uniform"), "expected [MIN, MAX] months with MIN <= MAX");
      return std::nullopt;
    }
    out.kind = SentenceLengthDistribution::Kind::uniform;
    out.months = *range;
    return out;
  }
  auto months = read_number_list(*values, length.child_path("values"), 0.03, kMaxMonths, d);
  if (weights == nullptr) {
    d.error(node->anchor(), length.child_path("weights"), "is required with 'values'");
    return std::nullopt;
  }
  auto w = read_number_list(*weights, length.child_path("weights"), 0.0, kInfinity, d);
  if (!months || !w) return std::nullopt;
  if (months->empty() || months->size() != w->size()) {
    d.error(weights->where, length.child_path("weights"),
            "expected one weight per value (" + std::to_string(months->size()) + " values, " +
                std::to_string(w->size()) + " weights)");
    return std::nullopt;
  }
  double total = 0.0;
  for (double x : *w) total += x;
  if (total <= 0.0) {
    d.error(weights->where, length.child_path("weights"), "at least one weight must be positive");
    return std::nullopt;
  }
  for (double& x : *w) x /= total;
  out.kind = SentenceLengthDistribution::Kind::discrete;
  out.months = *months;
  out.weights = *w;
  return out;
}

void read_case_mix(FieldReader& root, CaseMix& mix) {
  FieldReader cm(root.node("case_mix", true), "case_mix", root.diagnostics());
  if (!cm.ok()) return;
  auto types = read_shares(cm, "sentence_type_shares", kSentenceTypeNames);
  if (types) mix.sentence_type = WeightedChoice(*types);

  FieldReader lengths(cm.node("sentence_length_months", true), "case_mix.sentence_length_months",
                      root.diagnostics());
  for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
    const bool needed = !types || (*types)[t] > 0.0;
    if (auto length = read_length(lengths, kSentenceTypeNames[t], needed && lengths.ok()))
      mix.sentence_length[t] = *length;
    else
      mix.sentence_length[t] = SentenceLengthDistribution{SentenceLengthDistribution::Kind::fixed, {1.0}, {}};
  }
  lengths.reject_unknown_keys();

  if (auto rosh = read_shares(cm, "rosh_shares", kRoshLevelNames)) mix.rosh = WeightedChoice(*rosh);

  FieldReader protect(cm.node("tier_protect_level_shares_by_rosh", true),
                      "case_mix.tier_protect_level_shares_by_rosh", root.diagnostics());
  if (protect.ok())
    for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r)
      if (auto letters = read_shares(protect, kRoshLevelNames[r], kTierProtectLetters))
        mix.tier_protect_level_by_rosh[r] = WeightedChoice(*letters);
  protect.reject_unknown_keys();

  if (auto change = read_shares(cm, "tier_change_level_shares", kTierChangeDigits))
    mix.tier_change_level = WeightedChoice(*change);
  if (auto da = cm.number("domestic_abuse_share", true, 0.0, 1.0)) mix.domestic_abuse_share = *da;
  if (auto male = cm.number("male_share", true, 0.0, 1.0)) mix.male_share = *male;
  cm.reject_unknown_keys();
}

void read_early_termination(FieldReader& root, EarlyTerminationHazards& hazards) {
  FieldReader et(root.node("early_termination_per_year", true), "early_termination_per_year",
                 root.diagnostics());
  if (!et.ok()) return;
  static constexpr std::array<std::string_view, kEarlyTerminationReasonCount> kReasons = {
      "revocation", "breach", "recall", "activation"};
  for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t) {
    const ConfigNode* node = et.node(kSentenceTypeNames[t], false);
    if (node == nullptr) continue;
    FieldReader reasons(node, et.child_path(kSentenceTypeNames[t]), root.diagnostics());
    for (std::size_t r = 0; r < kReasons.size(); ++r)
      // A hazard per year can exceed 1 (several events a year on average), but not a daily certainty.
      if (auto h = reasons.number(kReasons[r], false, 0.0, 365.0)) hazards.per_year[t][r] = *h;
    reasons.reject_unknown_keys();
  }
  et.reject_unknown_keys();
}

std::optional<Grade> read_grade(const ConfigNode& value, const std::string& path, Diagnostics& d) {
  if (value.kind == ConfigNode::Kind::scalar)
    if (auto index = index_of(value.scalar, kGradeNames)) return static_cast<Grade>(*index);
  std::string message = "expected a grade (po, pso or pqip), found " + value.describe_value();
  if (value.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(value.scalar, names_of(kGradeNames));
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(value.where, path, message);
  return std::nullopt;
}

void read_allocation(FieldReader& root, AllocationRule& rule) {
  FieldReader alloc(root.node("allocation", true), "allocation", root.diagnostics());
  if (!alloc.ok()) return;
  FieldReader by_rosh(alloc.node("eligible_grades_by_rosh", true), "allocation.eligible_grades_by_rosh",
                      root.diagnostics());
  for (std::size_t r = 0; r < kRoshLevelNames.size(); ++r) {
    const ConfigNode* list = by_rosh.node(kRoshLevelNames[r], by_rosh.ok());
    if (list == nullptr) continue;
    const std::string path = by_rosh.child_path(kRoshLevelNames[r]);
    if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
      root.diagnostics().error(list->anchor(), path,
                               "expected a non-empty list of grades, found " + list->describe_value());
      continue;
    }
    for (std::size_t i = 0; i < list->items.size(); ++i)
      if (auto grade = read_grade(list->items[i], path + "[" + std::to_string(i) + "]", root.diagnostics()))
        rule.eligible_grades_by_rosh[r].push_back(*grade);
  }
  by_rosh.reject_unknown_keys();
  if (auto fallback = alloc.boolean("fall_back_to_any_grade", false)) rule.fall_back_to_any_grade = *fallback;
  alloc.reject_unknown_keys();
}

void read_workload(FieldReader& root, WorkloadPointsTable& table) {
  FieldReader wl(root.node("workload", true), "workload", root.diagnostics());
  if (!wl.ok()) return;
  if (auto nominal = wl.number("nominal_points_per_week", true, 1.0, 1e6))
    table.nominal_points_per_week = *nominal;
  if (auto hours = wl.number("default_contracted_hours_per_week", true, 1.0, 168.0))
    table.default_contracted_hours_per_week = *hours;
  FieldReader points(wl.node("points_per_case_per_week", true), "workload.points_per_case_per_week",
                     root.diagnostics());
  static constexpr std::array<std::string_view, 2> kCaseTypes = {"community", "licence"};
  for (std::size_t t = 0; t < kCaseTypes.size(); ++t) {
    FieldReader tiers(points.node(kCaseTypes[t], points.ok()), points.child_path(kCaseTypes[t]),
                      root.diagnostics());
    if (!tiers.ok()) continue;
    for (std::size_t i = 0; i < kTierNames.size(); ++i)
      if (auto p = tiers.number(kTierNames[i], true, 0.0, 1e5)) table.points_per_case_week[t][i] = *p;
    tiers.reject_unknown_keys();
  }
  points.reject_unknown_keys();
  wl.reject_unknown_keys();
}

void read_staff(const ConfigNode& list, const std::string& path, PduSpec& pdu, Diagnostics& d) {
  if (list.kind != ConfigNode::Kind::sequence) {
    d.error(list.anchor(), path, "expected a list of staff groups, found " + list.describe_value());
    return;
  }
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    FieldReader group(&list.items[i], path + "[" + std::to_string(i) + "]", d);
    StaffGroup staff;
    if (const ConfigNode* grade = group.node("grade", true))
      if (auto g = read_grade(*grade, group.child_path("grade"), d)) staff.grade = *g;
    if (auto n = group.integer("headcount", true, 0, 100000)) staff.headcount = *n;
    if (auto fte = group.number("fte_each", true, 0.01, 1.0)) staff.fte_each = *fte;
    group.reject_unknown_keys();
    pdu.staff.push_back(staff);
  }
}

void read_regions(FieldReader& root, Scenario& s, const ReferralRate& pattern) {
  Diagnostics& d = root.diagnostics();
  const ConfigNode* regions = root.node("regions", true);
  if (regions == nullptr) return;
  if (regions->kind != ConfigNode::Kind::sequence || regions->items.empty()) {
    d.error(regions->anchor(), "regions",
            "expected a non-empty list of regions, found " + regions->describe_value());
    return;
  }
  std::map<std::string, SourceLocation> names_seen;
  auto check_unique = [&](const std::string& name, const SourceLocation& where, const std::string& path) {
    auto [it, inserted] = names_seen.emplace(name, where);
    if (!inserted)
      d.error(where, path, "the name '" + name + "' is already used at " + it->second.describe());
  };
  for (std::size_t r = 0; r < regions->items.size(); ++r) {
    FieldReader region(&regions->items[r], "regions[" + std::to_string(r) + "]", d);
    RegionSpec spec;
    if (auto name = region.text("name", true)) {
      spec.name = *name;
      check_unique(*name, region.node("name", false)->where, region.child_path("name"));
    }
    const ConfigNode* pdus = region.node("pdus", region.ok());
    if (pdus != nullptr && (pdus->kind != ConfigNode::Kind::sequence || pdus->items.empty())) {
      d.error(pdus->anchor(), region.child_path("pdus"),
              "expected a non-empty list of PDUs, found " + pdus->describe_value());
      pdus = nullptr;
    }
    for (std::size_t p = 0; pdus != nullptr && p < pdus->items.size(); ++p) {
      FieldReader pdu(&pdus->items[p], region.child_path("pdus") + "[" + std::to_string(p) + "]", d);
      PduSpec pdu_spec;
      pdu_spec.referrals = pattern;
      if (auto name = pdu.text("name", true)) {
        pdu_spec.name = *name;
        check_unique(*name, pdu.node("name", false)->where, pdu.child_path("name"));
      }
      if (auto rate = pdu.number("referrals_per_week", true, 0.0, 1e5)) pdu_spec.referrals.per_week = *rate;
      if (const ConfigNode* staff = pdu.node("staff", pdu.ok()))
        read_staff(*staff, pdu.child_path("staff"), pdu_spec, d);
      pdu.reject_unknown_keys();
      spec.pdus.push_back(std::move(pdu_spec));
    }
    region.reject_unknown_keys();
    s.regions.push_back(std::move(spec));
  }
}

}  // namespace

std::optional<Scenario> read_scenario(const ConfigNode& root_node, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.items().size();
  FieldReader root(&root_node, "", diagnostics);
  if (!root.ok()) return std::nullopt;
  Scenario s;
  if (auto name = root.text("name", true)) s.name = *name;
  if (auto description = root.text("description", false)) s.description = *description;
  read_simulation(root, s);
  const ReferralRate pattern = read_referral_pattern(root);
  read_case_mix(root, s.caseload.case_mix);
  read_early_termination(root, s.caseload.early_termination);
  read_allocation(root, s.caseload.allocation);
  read_workload(root, s.caseload.workload);
  read_regions(root, s, pattern);
  root.reject_unknown_keys();
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  return s;
}

std::optional<LoadedScenario> load_scenario(const std::string& path,
                                            const std::vector<std::string>& overrides,
                                            Diagnostics& diagnostics) {
  std::optional<ConfigNode> tree = load_config_with_extends(path, diagnostics);
  if (!tree) return std::nullopt;
  for (const auto& assignment : overrides) apply_override(*tree, assignment, diagnostics);
  if (!diagnostics.empty()) return std::nullopt;
  std::optional<Scenario> scenario = read_scenario(*tree, diagnostics);
  if (!scenario) return std::nullopt;
  return LoadedScenario{std::move(*scenario), std::move(*tree)};
}

}  // namespace probsim
