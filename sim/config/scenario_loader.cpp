#include "config/scenario_loader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "config/enforcement_loader.hpp"
#include "config/field_reader.hpp"
#include "config/intervention_delivery_loader.hpp"
#include "config/snapshot_csv_reader.hpp"
#include "config/staff_scale_loader.hpp"

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
                                               const std::array<std::string_view, N>& names,
                                               bool required = true) {
  const ConfigNode* node = parent.node(key, required);
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

// The calendar's plausible range and the longest report window (see read_simulation).
constexpr int kEarliestYear = 1990;
constexpr int kLatestYear = 2100;
constexpr int kMaxReportYears = 50;
// One PDU with more referrals than the whole of England and Wales (about 3,200 a week across 110 PDUs in
// scenarios/england_wales_2022.yaml, from CT-8's caseload) is not something a user means: 100,000 a week
// (the old maximum) holds some 9 million cases open, 8.5 GiB per replication (docs/performance.md).
constexpr double kMaxReferralsPerWeekPerPdu = 5000.0;

std::string describe_number(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}

void read_simulation(FieldReader& root, Scenario& s) {
  FieldReader sim(root.node("simulation", true), "simulation", root.diagnostics());
  auto start = sim.date("report_start", true);
  auto end = sim.date("report_end", true);
  auto warm_up = sim.integer("warm_up_weeks", true, 0, 52 * 50);
  auto warm_start = sim.choice("warm_start", true, {"empty", "steady_state", "snapshot"});
  // warm_start: snapshot reads the region as it is from two CSVs (config/snapshot_csv_reader.hpp).
  const bool snapshot = warm_start && *warm_start == 2;
  auto caseload_csv = sim.text("caseload_csv", snapshot);
  auto staff_csv = sim.text("staff_csv", snapshot);
  auto workload_snapshot_on = sim.date("workload_snapshot_on", false);
  if (!snapshot)
    for (const char* key : {"caseload_csv", "staff_csv"})
      if (const ConfigNode* node = sim.node(key, false))
        root.diagnostics().error(node->anchor(), std::string("simulation.") + key,
                                 "applies only with simulation.warm_start: snapshot");
  if (snapshot && caseload_csv && staff_csv) {
    s.window.warm_start = WarmStart::snapshot;
    s.snapshot_files =
        SnapshotFiles{resolve_snapshot_path(sim.node("caseload_csv", false)->where, *caseload_csv),
                      resolve_snapshot_path(sim.node("staff_csv", false)->where, *staff_csv)};
  }
  sim.reject_unknown_keys();
  if (start) s.window.report_start = *start;
  if (end) s.window.report_end = *end;
  if (start && end && !(*start < *end))
    root.diagnostics().error(sim.node("report_end", false)->where, "simulation.report_end",
                             "must be after simulation.report_start (" + start->iso() + ")");
  // A window a user could mean: probation as it is organised, and a horizon that a plan looks over. A
  // year 9999 end is accepted by the calendar but runs for hours; it is refused here with its key.
  for (const auto& [date, key] : {std::pair{start, "report_start"}, std::pair{end, "report_end"}})
    if (date && (date->year < kEarliestYear || date->year > kLatestYear))
      root.diagnostics().error(sim.node(key, false)->where, std::string("simulation.") + key,
                               "must be a date from " + std::to_string(kEarliestYear) + " to " +
                                   std::to_string(kLatestYear) + ", found " + date->iso());
  if (start && end && *start < *end && end->days_since_epoch() - start->days_since_epoch() > kMaxReportYears * 366)
    root.diagnostics().error(sim.node("report_end", false)->where, "simulation.report_end",
                             "the report window is longer than " + std::to_string(kMaxReportYears) +
                                 " years (" + start->iso() + " to " + end->iso() +
                                 "); split a longer horizon into runs that start from a snapshot");
  if (warm_up) s.window.warm_up_weeks = *warm_up;
  if (workload_snapshot_on) {
    if (start && end && (*workload_snapshot_on < *start || *end < *workload_snapshot_on))
      root.diagnostics().error(sim.node("workload_snapshot_on", false)->where,
                               "simulation.workload_snapshot_on",
                               "must be within the report window (" + start->iso() + " to " + end->iso() +
                                   "), found " + workload_snapshot_on->iso());
    else
      s.window.workload_snapshot_on = *workload_snapshot_on;
  }
  if (warm_start && !snapshot)
    s.window.warm_start = *warm_start == 0 ? WarmStart::empty : WarmStart::steady_state;
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

// A bounded distribution in the unit the key names (`unit`, e.g. "MONTHS"), with values in [min, max]:
// `{fixed: X}`, `{values: [...], weights: [...]}` or `{uniform: [MIN, MAX]}`.
std::optional<BoundedDistribution> read_distribution(FieldReader& parent, std::string_view key, bool required,
                                                     const std::string& unit, double min, double max) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader form(node, parent.child_path(key), parent.diagnostics());
  if (!form.ok()) return std::nullopt;
  Diagnostics& d = parent.diagnostics();
  BoundedDistribution out;
  const ConfigNode* fixed = form.node("fixed", false);
  const ConfigNode* values = form.node("values", false);
  const ConfigNode* weights = form.node("weights", false);
  const ConfigNode* uniform = form.node("uniform", false);
  form.reject_unknown_keys();
  const int forms = (fixed != nullptr) + (values != nullptr) + (uniform != nullptr);
  if (forms != 1) {
    d.error(node->anchor(), form.path(),
            "give exactly one of 'fixed: " + unit + "', 'values: [" + unit +
                "...]' with 'weights: [...]', or "
                "'uniform: [MIN, MAX]'");
    return std::nullopt;
  }
  if (fixed != nullptr) {
    auto value = FieldReader::to_number(*fixed, form.child_path("fixed"), min, max, d);
    if (!value) return std::nullopt;
    return BoundedDistribution::fixed_at(*value);
  }
  if (uniform != nullptr) {
    auto range = read_number_list(*uniform, form.child_path("uniform"), min, max, d);
    if (!range) return std::nullopt;
    if (range->size() != 2 || (*range)[0] > (*range)[1]) {
      d.error(uniform->where, form.child_path("uniform"), "expected [MIN, MAX] with MIN <= MAX");
      return std::nullopt;
    }
    out.kind = BoundedDistribution::Kind::uniform;
    out.values = *range;
    return out;
  }
  auto listed = read_number_list(*values, form.child_path("values"), min, max, d);
  if (weights == nullptr) {
    d.error(node->anchor(), form.child_path("weights"), "is required with 'values'");
    return std::nullopt;
  }
  auto w = read_number_list(*weights, form.child_path("weights"), 0.0, kInfinity, d);
  if (!listed || !w) return std::nullopt;
  if (listed->empty() || listed->size() != w->size()) {
    d.error(weights->where, form.child_path("weights"),
            "expected one weight per value (" + std::to_string(listed->size()) + " values, " +
                std::to_string(w->size()) + " weights)");
    return std::nullopt;
  }
  double total = 0.0;
  for (double x : *w) total += x;
  if (total <= 0.0) {
    d.error(weights->where, form.child_path("weights"), "at least one weight must be positive");
    return std::nullopt;
  }
  for (double& x : *w) x /= total;
  out.kind = BoundedDistribution::Kind::discrete;
  out.values = *listed;
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
    constexpr double kMaxMonths = 12.0 * 100;
    if (auto length = read_distribution(lengths, kSentenceTypeNames[t], needed && lengths.ok(), "MONTHS",
                                        0.03, kMaxMonths))
      mix.sentence_length_months[t] = *length;
    else
      mix.sentence_length_months[t] = BoundedDistribution::fixed_at(1.0);
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
  // Optional: the RAG-7 exemptions drawn per case, each an independent share (they need not sum to 1).
  if (const ConfigNode* node = cm.node("rag_exemption_shares", false)) {
    FieldReader shares(node, cm.child_path("rag_exemption_shares"), root.diagnostics());
    for (std::size_t e = 0; shares.ok() && e < kDrawnRagExemptions.size(); ++e)
      if (auto share = shares.number(to_string(kDrawnRagExemptions[e]), false, 0.0, 1.0))
        mix.rag_exemption_shares[e] = *share;
    shares.reject_unknown_keys();
  }
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
  if (auto size = alloc.integer("team_size", false, 0, 1000)) rule.team_size = *size;
  if (auto weeks = alloc.integer("licence_allocated_before_release_weeks", false, 0, 104))
    rule.licence_allocated_before_release_weeks = *weeks;
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
  // WMT-1's custody row: optional, for licence cases held before release (allocation.
  // licence_allocated_before_release_weeks); a scenario that holds them without it is refused in validate().
  if (const ConfigNode* custody = points.node("custody", false)) {
    FieldReader tiers(custody, points.child_path("custody"), root.diagnostics());
    for (std::size_t i = 0; i < kTierNames.size(); ++i)
      if (auto p = tiers.number(kTierNames[i], true, 0.0, 1e5)) table.custody_points_per_case_week[i] = *p;
    tiers.reject_unknown_keys();
    table.has_custody_points = true;
  }
  points.reject_unknown_keys();
  if (const ConfigNode* weighting = wl.node("responsive_weighting", false)) {
    FieldReader rw(weighting, wl.child_path("responsive_weighting"), root.diagnostics());
    if (rw.ok()) {
      table.responsive_weighting.from = rw.date("from", true);
      // WMT-7: "up to 30%".
      if (auto factor = rw.number("case_points_factor", true, 1.0, 1.3))
        table.responsive_weighting.factor = *factor;
      rw.reject_unknown_keys();
    }
  }
  wl.reject_unknown_keys();
}

void read_staff(const ConfigNode& list, const std::string& path, const TraineePipeline& pipeline,
                PduSpec& pdu, Diagnostics& d) {
  if (list.kind != ConfigNode::Kind::sequence) {
    d.error(list.anchor(), path, "expected a list of staff groups, found " + list.describe_value());
    return;
  }
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    FieldReader group(&list.items[i], path + "[" + std::to_string(i) + "]", d);
    StaffGroup staff;
    if (const ConfigNode* grade = group.node("grade", true))
      if (auto g = read_grade(*grade, group.child_path("grade"), d)) staff.person.grade = *g;
    if (auto n = group.integer("headcount", true, 0, 100000)) staff.headcount = *n;
    // FTE of one person: part-time down to a day a fortnight, never more than full time.
    if (auto fte = group.number("fte_each", true, 0.1, 1.0)) staff.person.fte = *fte;
    if (const ConfigNode* months = group.node("training_months_completed", false)) {
      if (staff.person.grade != Grade::pqip)
        d.error(months->anchor(), group.child_path("training_months_completed"),
                "applies only to grade pqip (trainees)");
      else if (auto m = group.integer("training_months_completed", false, 0, pipeline.training_months - 1))
        staff.person.training_months_completed = *m;
    }
    if (const ConfigNode* months = group.node("nqo_months_completed", false)) {
      if (staff.person.grade != Grade::po)
        d.error(months->anchor(), group.child_path("nqo_months_completed"),
                "applies only to grade po (newly qualified officers)");
      else if (auto m = group.integer("nqo_months_completed", false, 0, std::max(0, pipeline.nqo_months - 1)))
        staff.person.nqo_months_completed = *m;
    }
    group.reject_unknown_keys();
    pdu.staff.push_back(staff);
  }
}

// A map from grade name to a number in [min, max]; grades not given are 0.
std::optional<PerGrade<double>> read_per_grade(FieldReader& parent, std::string_view key, bool required,
                                               double min, double max) {
  const ConfigNode* node = parent.node(key, required);
  if (node == nullptr) return std::nullopt;
  FieldReader grades(node, parent.child_path(key), parent.diagnostics());
  if (!grades.ok()) return std::nullopt;
  PerGrade<double> values{};
  for (std::size_t g = 0; g < kGradeCount; ++g)
    if (auto v = grades.number(kGradeNames[g], false, min, max)) values[g] = *v;
  grades.reject_unknown_keys();
  return values;
}

// The index (in scenario order) of the PDU a scalar names, with a did-you-mean when there is none.
std::optional<std::size_t> find_pdu(const Scenario& s, const ConfigNode& name, const std::string& path,
                                    Diagnostics& d) {
  std::vector<std::string> names;
  for (const auto& region : s.regions)
    for (const auto& pdu : region.pdus) names.push_back(pdu.name);
  if (name.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name.scalar) return i;
  std::string message = "expected the name of a PDU in this scenario, found " + name.describe_value();
  if (name.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(name.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(name.where, path, message);
  return std::nullopt;
}

std::optional<std::size_t> find_region(const Scenario& s, const ConfigNode& name, const std::string& path,
                                       Diagnostics& d) {
  std::vector<std::string> names;
  for (const auto& region : s.regions) names.push_back(region.name);
  if (name.kind == ConfigNode::Kind::scalar)
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name.scalar) return i;
  std::string message = "expected the name of a region in this scenario, found " + name.describe_value();
  if (name.kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(name.scalar, names);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  d.error(name.where, path, message);
  return std::nullopt;
}

void read_trainee_pipeline(FieldReader& wf, TraineePipeline& pipeline) {
  FieldReader tp(wf.node("trainee_pipeline", true), wf.child_path("trainee_pipeline"), wf.diagnostics());
  if (!tp.ok()) return;
  Diagnostics& d = wf.diagnostics();
  if (auto months = tp.integer("training_months", true, 1, 120)) pipeline.training_months = *months;
  if (const ConfigNode* steps = tp.node("workload_reduction_by_month", true)) {
    const std::string path = tp.child_path("workload_reduction_by_month");
    pipeline.reduction_steps.clear();
    if (steps->kind != ConfigNode::Kind::sequence || steps->items.empty()) {
      d.error(steps->anchor(), path,
              "expected a list of {from_month, reduction_share}, found " + steps->describe_value());
    } else {
      for (std::size_t i = 0; i < steps->items.size(); ++i) {
        FieldReader step(&steps->items[i], path + "[" + std::to_string(i) + "]", d);
        TraineeReductionStep parsed;
        auto from = step.integer("from_month", true, 0, 120);
        auto share = step.number("reduction_share", true, 0.0, 1.0);
        step.reject_unknown_keys();
        if (!from || !share) continue;
        parsed.from_month = *from;
        parsed.reduction_share = *share;
        const ConfigNode* where = step.node("from_month", false);
        if (i == 0 && parsed.from_month != 0)
          d.error(where->where, step.child_path("from_month"), "the first step must start at month 0");
        else if (!pipeline.reduction_steps.empty() &&
                 parsed.from_month <= pipeline.reduction_steps.back().from_month)
          d.error(where->where, step.child_path("from_month"),
                  "steps must be in increasing order of from_month");
        else if (parsed.from_month >= pipeline.training_months)
          d.error(where->where, step.child_path("from_month"),
                  "must be before qualification (training_months = " +
                      std::to_string(pipeline.training_months) + ")");
        pipeline.reduction_steps.push_back(parsed);
      }
    }
  }
  if (auto share = tp.number("nqo_reduction_share", true, 0.0, 1.0)) pipeline.nqo_reduction_share = *share;
  if (auto months = tp.integer("nqo_months", true, 0, 60)) pipeline.nqo_months = *months;
  tp.reject_unknown_keys();
}

void read_sickness(FieldReader& wf, SicknessRules& sickness) {
  FieldReader sk(wf.node("sickness", true), wf.child_path("sickness"), wf.diagnostics());
  if (!sk.ok()) return;
  auto days = sk.number("days_per_fte_year", true, 0.0, 260.0);
  auto episode = read_distribution(sk, "episode_working_days", true, "WORKING_DAYS", 1.0, 260.0);
  if (auto long_term = sk.integer("long_term_from_working_days", true, 1, 260))
    sickness.long_term_from_working_days = *long_term;
  if (auto reallocate = sk.boolean("reallocate_cases_when_long_term", true))
    sickness.reallocate_cases_when_long_term = *reallocate;
  sk.reject_unknown_keys();
  if (!days || !episode) return;
  sickness.days_per_fte_year = *days;
  sickness.episode_working_days = *episode;
  if (sickness.onsets_per_well_day() < 0.0)
    wf.diagnostics().error(sk.node("days_per_fte_year", false)->where, sk.child_path("days_per_fte_year"),
                           "with episodes of " + std::to_string(sickness.mean_episode_working_days()) +
                               " working days on average, people would be off sick all the time");
}

void read_workforce(FieldReader& root, WorkforceRules& rules) {
  FieldReader wf(root.node("workforce", true), "workforce", root.diagnostics());
  if (!wf.ok()) return;
  Diagnostics& d = root.diagnostics();
  // Leaver rates are the published measure, leavers ÷ mean FTE in post per year (WF-4/5): a share. A
  // value above 1 is almost surely a percentage, so say so rather than simulate everyone leaving.
  if (const ConfigNode* rates = wf.node("leaver_rate_per_year", true)) {
    FieldReader by_grade(rates, wf.child_path("leaver_rate_per_year"), d);
    for (std::size_t g = 0; by_grade.ok() && g < kGradeCount; ++g) {
      auto rate = by_grade.number(kGradeNames[g], false, 0.0, kInfinity);
      if (!rate) continue;
      if (*rate >= 1.0) {
        std::ostringstream found, as_share;
        found << *rate;
        as_share << *rate / 100.0;
        d.error(by_grade.node(kGradeNames[g], false)->where, by_grade.child_path(kGradeNames[g]),
                "is a share of staff leaving per year (leavers / mean FTE in post, below 1), found " +
                    found.str() + "; for " + found.str() + "% write " + as_share.str());
        continue;
      }
      rules.leaver_rate_per_year[g] = *rate;
    }
    by_grade.reject_unknown_keys();
  }
  read_sickness(wf, rules.sickness);
  read_trainee_pipeline(wf, rules.trainee_pipeline);
  if (auto rate = wf.number("pso_to_pqip_progression_per_year", false, 0.0, 0.99))
    rules.pso_to_pqip_progression_per_year = *rate;
  wf.reject_unknown_keys();
}

void read_backfill(FieldReader& plan, BackfillPolicy& backfill) {
  const ConfigNode* node = plan.node("backfill", false);
  if (node == nullptr) return;
  FieldReader bf(node, plan.child_path("backfill"), plan.diagnostics());
  if (!bf.ok()) return;
  Diagnostics& d = plan.diagnostics();
  if (auto enabled = bf.boolean("enabled", true)) backfill.enabled = *enabled;
  backfill.grades.fill(true);
  if (const ConfigNode* list = bf.node("grades", false)) {
    const std::string path = bf.child_path("grades");
    backfill.grades.fill(false);
    if (list->kind != ConfigNode::Kind::sequence) {
      d.error(list->anchor(), path, "expected a list of grades, found " + list->describe_value());
    } else {
      for (std::size_t i = 0; i < list->items.size(); ++i)
        if (auto grade = read_grade(list->items[i], path + "[" + std::to_string(i) + "]", d))
          at(backfill.grades, *grade) = true;
    }
  }
  if (auto lag = read_distribution(bf, "recruitment_lag_weeks", true, "WEEKS", 0.0, 520.0))
    backfill.recruitment_lag_weeks = *lag;
  if (auto by_trainees = bf.boolean("po_leavers_replaced_by_trainees", false))
    backfill.po_leavers_replaced_by_trainees = *by_trainees;
  if (backfill.po_leavers_replaced_by_trainees && !at(backfill.grades, Grade::po))
    d.error(bf.node("po_leavers_replaced_by_trainees", false)->anchor(),
            bf.child_path("po_leavers_replaced_by_trainees"),
            "po_leavers_replaced_by_trainees needs po among backfill.grades (PO leavers are not replaced)");
  bf.reject_unknown_keys();
}

void read_intakes(FieldReader& plan, Scenario& s) {
  const ConfigNode* list = plan.node("intakes", false);
  if (list == nullptr) return;
  Diagnostics& d = plan.diagnostics();
  const std::string path = plan.child_path("intakes");
  if (list->kind != ConfigNode::Kind::sequence) {
    d.error(list->anchor(), path, "expected a list of intakes, found " + list->describe_value());
    return;
  }
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], path + "[" + std::to_string(i) + "]", d);
    if (!item.ok()) continue;
    RecruitmentIntake intake;
    if (auto date = item.date("date", true)) {
      intake.date = *date;
      if (*date < s.window.report_start || s.window.report_end < *date)
        d.error(item.node("date", false)->where, item.child_path("date"),
                "must be within the report window (" + s.window.report_start.iso() + " to " +
                    s.window.report_end.iso() + "): staff in post before it are described under each PDU");
    }
    const ConfigNode* pdu = item.node("pdu", false);
    const ConfigNode* region = item.node("region", false);
    if ((pdu == nullptr) == (region == nullptr))
      d.error(list->items[i].anchor(), item.path(), "give exactly one of 'pdu' or 'region'");
    else if (pdu != nullptr)
      intake.pdu = find_pdu(s, *pdu, item.child_path("pdu"), d);
    else
      intake.region = find_region(s, *region, item.child_path("region"), d);
    if (const ConfigNode* grade = item.node("grade", true))
      if (auto g = read_grade(*grade, item.child_path("grade"), d)) intake.grade = *g;
    if (auto count = item.integer("count", true, 1, 100000)) intake.count = *count;
    if (auto fte = item.number("fte_each", false, 0.1, 1.0)) intake.fte_each = *fte;
    if (const ConfigNode* months = item.node("training_months_completed", false)) {
      if (intake.grade != Grade::pqip)
        d.error(months->anchor(), item.child_path("training_months_completed"),
                "applies only to grade pqip (trainees)");
      else if (auto m = item.integer("training_months_completed", false, 0,
                                     s.workforce.trainee_pipeline.training_months - 1))
        intake.training_months_completed = *m;
    }
    item.reject_unknown_keys();
    s.staffing_plan.intakes.push_back(intake);
  }
}

// `calendar: {bank_holidays: [dates]}`, optional: without it, every weekday is a working day.
void read_calendar(FieldReader& root, Scenario& s) {
  const ConfigNode* node = root.node("calendar", false);
  if (node == nullptr) return;
  FieldReader cal(node, "calendar", root.diagnostics());
  if (!cal.ok()) return;
  Diagnostics& d = root.diagnostics();
  if (const ConfigNode* list = cal.node("bank_holidays", true)) {
    const std::string path = cal.child_path("bank_holidays");
    if (list->kind != ConfigNode::Kind::sequence) {
      d.error(list->anchor(), path, "expected a list of dates (YYYY-MM-DD), found " + list->describe_value());
    } else {
      for (std::size_t i = 0; i < list->items.size(); ++i) {
        const ConfigNode& item = list->items[i];
        std::optional<CalendarDate> date;
        if (item.kind == ConfigNode::Kind::scalar) date = CalendarDate::parse_iso(item.scalar);
        if (!date)
          d.error(item.where, path + "[" + std::to_string(i) + "]",
                  "expected a date as YYYY-MM-DD, found " + item.describe_value());
        else
          s.bank_holidays.push_back(*date);
      }
    }
  }
  cal.reject_unknown_keys();
}

// A list of names from `names` (e.g. task kinds, priority criteria), each at most once, with a
// did-you-mean for a misspelt one.
template <std::size_t N>
std::optional<std::vector<std::size_t>> read_name_list(FieldReader& parent, std::string_view key,
                                                       const std::array<std::string_view, N>& names,
                                                       const std::string& what, bool allow_empty) {
  const ConfigNode* list = parent.node(key, false);
  if (list == nullptr) return std::nullopt;
  Diagnostics& d = parent.diagnostics();
  const std::string path = parent.child_path(key);
  if (list->kind != ConfigNode::Kind::sequence || (!allow_empty && list->items.empty())) {
    d.error(list->anchor(), path,
            std::string("expected a ") + (allow_empty ? "" : "non-empty ") + "list of " + what + ", found " +
                list->describe_value());
    return std::nullopt;
  }
  std::vector<std::size_t> out;
  bool ok = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const ConfigNode& item = list->items[i];
    const std::string item_path = path + "[" + std::to_string(i) + "]";
    std::optional<std::size_t> index;
    if (item.kind == ConfigNode::Kind::scalar) index = index_of(item.scalar, names);
    if (!index) {
      std::string listed;
      for (auto name : names) listed += (listed.empty() ? "" : ", ") + std::string(name);
      std::string message = "expected one of " + listed + "; found " + item.describe_value();
      if (item.kind == ConfigNode::Kind::scalar) {
        const std::string suggestion = did_you_mean(item.scalar, names_of(names));
        if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      }
      d.error(item.where, item_path, message);
      ok = false;
      continue;
    }
    if (std::find(out.begin(), out.end(), *index) != out.end()) {
      d.error(item.where, item_path, "'" + item.scalar + "' is listed twice");
      ok = false;
      continue;
    }
    out.push_back(*index);
  }
  if (!ok) return std::nullopt;
  return out;
}

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
        if (!steps.empty() && parsed.until_week <= steps.back().until_week)
          d.error(until->where, step.child_path("until_week"),
                  "steps must be in increasing order of until_week");
      }
      step.reject_unknown_keys();
      steps.push_back(parsed);
    }
  }
  by_rosh.reject_unknown_keys();
}

// `sentence_management.overload_triage`, optional (off when absent): which case tasks an overloaded
// practitioner lets slip (models/sentence_management/overload_triage.hpp).
void read_overload_triage(FieldReader& sm, OverloadTriage& triage) {
  const ConfigNode* node = sm.node("overload_triage", false);
  if (node == nullptr) return;
  FieldReader ot(node, sm.child_path("overload_triage"), sm.diagnostics());
  if (!ot.ok()) return;
  Diagnostics& d = sm.diagnostics();
  if (auto enabled = ot.boolean("enabled", true)) triage.enabled = *enabled;
  if (auto pct = ot.number("protect_all_up_to_workload_pct", true, 0.0, 1000.0))
    triage.protect_all_up_to_workload_pct = *pct;
  if (auto pct = ot.number("protect_none_from_workload_pct", true, 0.0, 1000.0)) {
    triage.protect_none_from_workload_pct = *pct;
    if (triage.protect_none_from_workload_pct <= triage.protect_all_up_to_workload_pct)
      d.error(ot.node("protect_none_from_workload_pct", false)->where,
              ot.child_path("protect_none_from_workload_pct"),
              "must be above protect_all_up_to_workload_pct");
  }
  ot.node("tasks", true);
  if (auto kinds = read_name_list(ot, "tasks", kTaskKindNames, "task kinds", true)) {
    for (std::size_t i : *kinds) {
      const auto kind = static_cast<TaskKind>(i);
      // Terminations and court reports are created outside a case's schedule, after its supervision.
      if (kind == TaskKind::contact || kind == TaskKind::court_report || kind == TaskKind::termination)
        d.error(ot.node("tasks", false)->where, ot.child_path("tasks"),
                "only tasks of a case's own schedule can be deferred, not '" + std::string(to_string(kind)) +
                    "' (a contact not delivered in its window is already missed)");
      else
        triage.applies_to[i] = true;
    }
  }
  ot.reject_unknown_keys();
}

// `sentence_management`, optional: without it no tasks are simulated and the task KPIs are empty.
void read_sentence_management(FieldReader& root, SentenceManagementRules& rules) {
  const ConfigNode* node = root.node("sentence_management", false);
  if (node == nullptr) return;
  FieldReader sm(node, "sentence_management", root.diagnostics());
  if (!sm.ok()) return;
  Diagnostics& d = root.diagnostics();
  rules.enabled = true;
  if (auto share = sm.number("non_task_time_share", true, 0.0, 0.95)) rules.non_task_time_share = *share;
  sm.node("priority_order", true);
  if (auto order =
          read_name_list(sm, "priority_order", kPriorityCriterionNames, "priority criteria", false)) {
    rules.priority_order.clear();
    for (std::size_t i : *order) rules.priority_order.push_back(static_cast<PriorityCriterion>(i));
  }
  sm.node("mandated_tasks", true);
  if (auto mandated = read_name_list(sm, "mandated_tasks", kTaskKindNames, "task kinds", true))
    for (std::size_t i : *mandated) rules.mandated[i] = true;
  read_overload_triage(sm, rules.overload_triage);

  rules.initial_assessment = read_one_off_task(sm, "initial_assessment", nullptr);
  std::optional<double> sara_review_hours;
  rules.sara = read_one_off_task(sm, "sara", &sara_review_hours);
  if (sara_review_hours) rules.sara_review_hours = *sara_review_hours;
  rules.termination = read_one_off_task(sm, "termination", nullptr);

  FieldReader home(sm.node("home_visit", true), sm.child_path("home_visit"), d);
  if (home.ok()) {
    if (auto hours = home.number("hours", true, 0.0, kMaxTaskHours)) rules.home_visit.hours = *hours;
    if (auto due = home.integer("due_working_days_high_rosh", true, 1, kMaxDueWorkingDays))
      rules.home_visit.due_working_days_high_rosh = *due;
    if (auto weeks = home.number("due_weeks_other", true, 1.0 / 7.0, 52.0))
      rules.home_visit.due_weeks_other = *weeks;
    home.reject_unknown_keys();
  }

  FieldReader contacts(sm.node("contacts", true), sm.child_path("contacts"), d);
  if (contacts.ok()) {
    if (auto hours = contacts.number("hours_face_to_face", true, 0.0, 24.0))
      rules.contacts.hours_face_to_face = *hours;
    if (auto hours = contacts.number("hours_remote", true, 0.0, 24.0)) rules.contacts.hours_remote = *hours;
    if (auto share = contacts.number("face_to_face_share", true, 0.0, 1.0))
      rules.contacts.face_to_face_share = *share;
    read_contact_schedule(contacts, rules.contacts);
    contacts.reject_unknown_keys();
  }

  FieldReader periodic(sm.node("periodic_review", true), sm.child_path("periodic_review"), d);
  if (periodic.ok()) {
    if (auto weeks = periodic.number("interval_weeks", true, 1.0, 520.0))
      rules.periodic_review.interval_weeks = *weeks;
    if (auto hours = periodic.number("hours", true, 0.0, kMaxTaskHours)) rules.periodic_review.hours = *hours;
    if (auto due = periodic.integer("due_working_days", true, 1, kMaxDueWorkingDays))
      rules.periodic_review.due_working_days = *due;
    periodic.reject_unknown_keys();
  }

  FieldReader event(sm.node("event_review", true), sm.child_path("event_review"), d);
  if (event.ok()) {
    if (auto hazard = event.number("hazard_per_year", true, 0.0, 52.0))
      rules.event_review.hazard_per_year = *hazard;
    if (auto hours = event.number("hours", true, 0.0, kMaxTaskHours)) rules.event_review.hours = *hours;
    if (auto due = event.integer("due_working_days", true, 1, kMaxDueWorkingDays))
      rules.event_review.due_working_days = *due;
    event.reject_unknown_keys();
  }

  FieldReader court(sm.node("court_reports", true), sm.child_path("court_reports"), d);
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
  sm.reject_unknown_keys();
}

// The measures of one status (`prioritisation.measures.amber` or `.red`), over `base`: what a key does
// not set keeps its value in `base` (BAU, or amber's measures for red when red includes amber).
RagMeasures read_rag_measures(FieldReader& measures, std::string_view status, const RagMeasures& base) {
  RagMeasures m = base;
  const ConfigNode* node = measures.node(status, false);
  if (node == nullptr) return m;
  FieldReader r(node, measures.child_path(status), measures.diagnostics());
  if (!r.ok()) return m;
  if (auto v = r.number("contact_frequency_multiplier", false, 0.01, 10.0))
    m.contact_frequency_multiplier = *v;
  if (auto v = r.number("contact_interval_weeks_min", false, 0.0, 52.0)) m.contact_interval_weeks_min = *v;
  if (auto v = r.number("face_to_face_share", false, 0.0, 1.0)) m.face_to_face_share = *v;
  if (auto v = r.number("non_task_time_share", false, 0.0, 0.95)) m.non_task_time_share = *v;
  if (auto v = r.boolean("bbr_new_starts_suspended", false)) m.bbr_new_starts_suspended = *v;
  if (auto v = r.boolean("programme_delivery_paused", false)) m.programme_delivery_paused = *v;
  if (auto v = r.number("facilitator_hours_redeployed_share", false, 0.0, 1.0))
    m.facilitator_hours_redeployed_share = *v;
  if (auto v = r.boolean("daso_new_cases_offered", false)) m.daso_new_cases_offered = *v;
  if (auto v = r.boolean("toolkit_delivery_stopped", false)) m.toolkit_delivery_stopped = *v;
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
    if (*to < *from) {
      d.error(item.node("to", false)->where, item.child_path("to"),
              "must be on or after 'from' (" + from->iso() + ")");
      continue;
    }
    bool overlaps = false;
    for (const RagOverride& other : overrides)
      if (other.pdu == o.pdu && !(o.to < other.from) && !(other.to < o.from)) overlaps = true;
    if (overlaps) {
      d.error(list->items[i].anchor(), item.path(),
              "overlaps an earlier override of '" + s.pdu_at(o.pdu).name +
                  "': a PDU is held at one status at a time");
      continue;
    }
    overrides.push_back(o);
  }
}

// `prioritisation`, optional: without it (or with enabled: false) every PDU is green throughout. Read
// after sentence_management, whose BAU settings the measures start from, and after the regions, which
// overrides name.
void read_prioritisation(FieldReader& root, Scenario& s) {
  PrioritisationRules& rules = s.caseload.prioritisation;
  const RagMeasures bau = business_as_usual_measures(s.caseload.sentence_management);
  rules.measures.fill(bau);
  const ConfigNode* node = root.node("prioritisation", false);
  if (node == nullptr) return;
  FieldReader pr(node, "prioritisation", root.diagnostics());
  if (!pr.ok()) return;
  Diagnostics& d = root.diagnostics();
  if (auto enabled = pr.boolean("enabled", true)) rules.enabled = *enabled;
  if (auto cadence = pr.choice("review_cadence", false, names_of(kRagReviewCadenceNames)))
    rules.review_cadence = static_cast<RagReviewCadence>(*cadence);
  if (auto n = pr.integer("hysteresis_reviews", false, 0, 60)) rules.hysteresis_reviews = *n;

  RagThresholds& t = rules.thresholds;
  if (auto v = pr.number("workload_pct_amber_above", false, 0.0, 1000.0)) t.workload_pct_amber_above = *v;
  if (auto v = pr.number("workload_pct_red_above", false, 0.0, 1000.0)) {
    t.workload_pct_red_above = *v;
    if (t.workload_pct_red_above < t.workload_pct_amber_above) {
      std::ostringstream amber;
      amber << t.workload_pct_amber_above;
      d.error(pr.node("workload_pct_red_above", false)->where, pr.child_path("workload_pct_red_above"),
              "must be at least workload_pct_amber_above (" + amber.str() + "): red is the worse status");
    }
  }
  if (auto v = pr.integer("workload_red_consecutive_weeks", false, 1, 52))
    t.workload_red_consecutive_weeks = *v;
  if (auto v = pr.number("staffing_fill_pct_amber_below", false, 0.0, 1000.0))
    t.staffing_fill_pct_amber_below = *v;
  if (auto v = pr.number("staffing_fill_pct_red_below", false, 0.0, 1000.0)) {
    t.staffing_fill_pct_red_below = *v;
    if (t.staffing_fill_pct_red_below > t.staffing_fill_pct_amber_below) {
      std::ostringstream amber;
      amber << t.staffing_fill_pct_amber_below;
      d.error(pr.node("staffing_fill_pct_red_below", false)->where,
              pr.child_path("staffing_fill_pct_red_below"),
              "must be at most staffing_fill_pct_amber_below (" + amber.str() + "): red is the worse status");
    }
  }

  // RAG-7: by default every listed exemption applies; a scenario lists the ones it wants.
  rules.exempt = 0;
  for (std::size_t e = 0; e < kRagExemptionCount; ++e)
    if (static_cast<RagExemption>(e) != RagExemption::domestic_abuse)
      rules.exempt |= exemption_bit(static_cast<RagExemption>(e));
  if (pr.node("exempt", false) != nullptr) {
    rules.exempt = 0;
    if (auto listed = read_name_list(pr, "exempt", kRagExemptionNames, "exemptions", true))
      for (std::size_t e : *listed) rules.exempt |= exemption_bit(static_cast<RagExemption>(e));
  }
  if (auto v = pr.boolean("trainee_cases_on_bau", false)) rules.trainee_cases_on_bau = *v;
  if (auto v = pr.number("non_compliance_probability", false, 0.0, 1.0))
    rules.non_compliance_probability = *v;
  bool red_includes_amber = true;  // G-2
  if (auto v = pr.boolean("red_includes_amber", false)) red_includes_amber = *v;
  if (const ConfigNode* measures = pr.node("measures", false)) {
    FieldReader m(measures, pr.child_path("measures"), d);
    if (m.ok()) {
      const RagMeasures amber = read_rag_measures(m, "amber", bau);
      rules.measures[static_cast<std::size_t>(RagStatus::amber)] = amber;
      rules.measures[static_cast<std::size_t>(RagStatus::red)] =
          read_rag_measures(m, "red", red_includes_amber ? amber : bau);
      m.reject_unknown_keys();
    }
  }
  read_rag_overrides(pr, s);
  pr.reject_unknown_keys();
}

// Optional: without it, nobody is recruited and leavers leave vacancies.
void read_staffing_plan(FieldReader& root, Scenario& s) {
  const ConfigNode* node = root.node("staffing_plan", false);
  if (node == nullptr) return;
  FieldReader plan(node, "staffing_plan", root.diagnostics());
  if (!plan.ok()) return;
  read_backfill(plan, s.staffing_plan.backfill);
  read_intakes(plan, s);
  read_staff_scale(plan, s);  // after read_regions: it scales the staff lists read there
  plan.reject_unknown_keys();
}

// ---- `interventions` and `interventions_teams` (docs/sources.md; G-8..G-14, G-19, G-20, G-25) ----

constexpr int kMaxSessions = 1000;
constexpr int kMaxGroupSize = 1000;
constexpr double kMaxSessionHours = 24.0;
constexpr double kMaxInterventionWeeks = 520.0;

std::string format_number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Where to point at a key of `map` that may be absent: the key itself, else the map.
const SourceLocation& where_of(const ConfigNode& map, std::string_view key) {
  const ConfigNode* value = map.find(key);
  return value != nullptr ? value->anchor() : map.anchor();
}

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
  if ((min || node->find("min") == nullptr) && (max || node->find("max") == nullptr) &&
      delay.min_weeks > delay.max_weeks)
    parent.diagnostics().error(where_of(*node, min ? "min" : "max"), r.child_path(min ? "min" : "max"),
                               "min (" + format_number(delay.min_weeks) + ") must not exceed max (" +
                                   format_number(delay.max_weeks) + ")");
  r.reject_unknown_keys();
}

void read_removal_enforcement(FieldReader& programme, RemovalEnforcement& enforcement) {
  const ConfigNode* node = programme.node("removal_enforcement", false);
  if (node == nullptr) return;
  FieldReader e(node, programme.child_path("removal_enforcement"), programme.diagnostics());
  if (!e.ok()) return;
  if (auto p = e.number("breach_probability", false, 0.0, 1.0)) enforcement.breach_probability = *p;
  if (const ConfigNode* by_type = e.node("order_ended_probability", false)) {
    FieldReader types(by_type, e.child_path("order_ended_probability"), e.diagnostics());
    if (types.ok()) {
      for (std::size_t t = 0; t < kSentenceTypeNames.size(); ++t)
        if (auto p = types.number(kSentenceTypeNames[t], false, 0.0, 1.0))
          enforcement.order_ended_probability[t] = *p;
      types.reject_unknown_keys();
    }
  }
  if (auto p = e.number("requirement_removed_probability", false, 0.0, 1.0))
    enforcement.requirement_removed_probability = *p;
  read_weeks_range(e, "weeks_to_outcome", enforcement.weeks_to_outcome);
  e.reject_unknown_keys();
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
  if (sizes_read && rules.group_size_min > rules.group_size_max) {
    const std::string_view key = size_min ? "group_size_min" : "group_size_max";
    d.error(where_of(node, key), p.child_path(key),
            "group_size_min (" + std::to_string(rules.group_size_min) + ") must not exceed group_size_max (" +
                std::to_string(rules.group_size_max) + ")");
  }
  if (auto format = p.choice("format", false, names_of(kGroupFormatNames)))
    rules.format = static_cast<GroupFormat>(*format);
  auto module_sessions = p.integer("module_sessions", false, 1, kMaxSessions);
  if (module_sessions) rules.module_sessions = *module_sessions;
  const bool modules_read = (group_sessions || node.find("group_sessions") == nullptr) &&
                            (module_sessions || node.find("module_sessions") == nullptr);
  if (modules_read && rules.format == GroupFormat::rolling &&
      rules.group_sessions % rules.module_sessions != 0) {
    const std::string_view key = module_sessions ? "module_sessions" : "group_sessions";
    d.error(where_of(node, key), p.child_path(key),
            "a rolling group runs whole modules: group_sessions (" + std::to_string(rules.group_sessions) +
                ") must be a multiple of module_sessions (" + std::to_string(rules.module_sessions) + ")");
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
}

void read_bbr(FieldReader& iv, InterventionRules& rules) {
  rules.bbr.name = "bbr";
  const ConfigNode* node = iv.node("bbr", false);
  if (node == nullptr) return;
  FieldReader bbr(node, iv.child_path("bbr"), iv.diagnostics());
  if (!bbr.ok()) return;
  if (auto priority = bbr.choice("priority", false, names_of(kWaitingListPriorityNames)))
    rules.bbr_priority = static_cast<WaitingListPriority>(*priority);
  read_programme_keys(bbr, *node, rules.bbr, false);
  bbr.reject_unknown_keys();
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
    }
    read_programme_keys(item, list->items[i], programme, true);
    if (auto men_only = item.boolean("men_only", false)) programme.men_only = *men_only;
    item.reject_unknown_keys();
    rules.structured_interventions.push_back(std::move(programme));
  }
}

std::vector<std::string> programme_names(const InterventionRules& rules) {
  std::vector<std::string> names;
  for (const auto& programme : rules.structured_interventions) names.push_back(programme.name);
  return names;
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

// `structured_intervention_mix`: a share per structured intervention, by name, summing to 1.
void read_programme_mix(FieldReader& routing, const ConfigNode* routing_node, const ConfigNode& iv_node,
                        InterventionRules& rules) {
  Diagnostics& d = routing.diagnostics();
  const std::string path = routing.child_path("structured_intervention_mix");
  const std::size_t count = rules.structured_interventions.size();
  const ConfigNode* mix = routing.node("structured_intervention_mix", false);
  if (mix == nullptr) {
    if (count == 1)
      rules.routing.structured_intervention_mix = {1.0};
    else if (count > 1)
      d.error(routing_node != nullptr ? routing_node->anchor() : iv_node.anchor(), path,
              "is required when there is more than one structured intervention (a share for each, by name)");
    return;
  }
  if (mix->kind != ConfigNode::Kind::map) {
    d.error(mix->anchor(), path,
            "expected a map from structured intervention name to share, found " + mix->describe_value());
    return;
  }
  std::vector<double> shares(count, 0.0);
  bool ok = true;
  for (const auto& [key, value] : mix->entries) {
    ConfigNode key_node;
    key_node.kind = ConfigNode::Kind::scalar;
    key_node.scalar = key;
    const auto index = find_programme(rules, key_node, value.anchor(), path + "." + key, d);
    auto share = FieldReader::to_number(value, path + "." + key, 0.0, 1.0, d);
    if (!index || !share) {
      ok = false;
      continue;
    }
    shares[*index] = *share;
  }
  if (!ok) return;
  double sum = 0.0;
  for (double v : shares) sum += v;
  if (std::fabs(sum - 1.0) > kShareSumTolerance) {
    d.error(mix->anchor(), path, "shares must sum to 1, but they sum to " + format_number(sum));
    return;
  }
  rules.routing.structured_intervention_mix = shares;
}

void read_routing(FieldReader& iv, const ConfigNode& iv_node, InterventionRules& rules) {
  const ConfigNode* node = iv.node("routing", false);
  FieldReader routing(node, iv.child_path("routing"), iv.diagnostics());
  Diagnostics& d = iv.diagnostics();
  InterventionRouting& r = rules.routing;
  if (node != nullptr && !routing.ok()) return;
  if (node != nullptr) {
    if (auto shares = read_shares(routing, "sara_level_shares", kSaraLevelNames, false))
      std::copy(shares->begin(), shares->end(), r.sara_level_shares.begin());
    if (auto share = routing.number("bbr_requirement_share", false, 0.0, 1.0))
      r.bbr_requirement_share = *share;
    if (auto months = routing.number("bbr_minimum_order_months", false, 0.0, 1200.0))
      r.bbr_minimum_order_months = *months;
    if (auto share = routing.number("bbr_one_to_one_share", false, 0.0, 1.0)) r.bbr_one_to_one_share = *share;
    auto si = routing.number("sara_low_structured_intervention_share", false, 0.0, 1.0);
    auto toolkit = routing.number("sara_low_toolkit_share", false, 0.0, 1.0);
    if (si) r.sara_low_structured_intervention_share = *si;
    if (toolkit) r.sara_low_toolkit_share = *toolkit;
    if ((si || toolkit) &&
        r.sara_low_structured_intervention_share + r.sara_low_toolkit_share > 1.0 + kShareSumTolerance)
      d.error(
          where_of(*node, toolkit ? "sara_low_toolkit_share" : "sara_low_structured_intervention_share"),
          routing.child_path(toolkit ? "sara_low_toolkit_share" : "sara_low_structured_intervention_share"),
          "sara_low_structured_intervention_share + sara_low_toolkit_share must be at most 1, found " +
              format_number(r.sara_low_structured_intervention_share) + " + " +
              format_number(r.sara_low_toolkit_share));
  }
  if (rules.structured_interventions.empty() && r.sara_low_structured_intervention_share > 0.0)
    d.error(node != nullptr ? where_of(*node, "sara_low_structured_intervention_share") : iv_node.anchor(),
            routing.child_path("sara_low_structured_intervention_share"),
            "refers SARA-low cases to structured interventions, but interventions.structured_interventions "
            "lists none: add them or set this share to 0");
  read_programme_mix(routing, node, iv_node, rules);
  if (node != nullptr) routing.reject_unknown_keys();
}

void read_interventions_warm_start(FieldReader& iv, InterventionsWarmStart& warm) {
  const ConfigNode* node = iv.node("warm_start", false);
  if (node == nullptr) return;
  FieldReader w(node, iv.child_path("warm_start"), iv.diagnostics());
  if (!w.ok()) return;
  if (auto weeks = w.number("waiting_list_max_weeks", false, 0.0, kMaxInterventionWeeks))
    warm.waiting_list_max_weeks = *weeks;
  if (auto share = w.number("waiting_share", false, 0.0, 1.0)) warm.waiting_share = *share;
  w.reject_unknown_keys();
}

// `interventions.cohort_report` (BBR) or `si_cohort_report` (structured interventions): which
// requirements the cohort KPIs follow, and the day their status is taken (docs/reference/outputs.md).
// The status day must be in the report window, where the run observes, and not before the last
// requirement day, or the cohort would still be growing.
void read_cohort_report(FieldReader& iv, const SimulationWindow& window, const char* key,
                        BbrCohortReport& report) {
  const ConfigNode* node = iv.node(key, false);
  if (node == nullptr) return;
  FieldReader c(node, iv.child_path(key), iv.diagnostics());
  if (!c.ok()) return;
  Diagnostics& d = iv.diagnostics();
  auto from = c.date("requirements_from", true);
  auto to = c.date("requirements_to", true);
  auto on = c.date("status_on", true);
  c.reject_unknown_keys();
  if (!from || !to || !on) return;
  bool ok = true;
  if (*to < *from) {
    d.error(where_of(*node, "requirements_to"), c.child_path("requirements_to"),
            "must be on or after requirements_from (" + from->iso() + "), found " + to->iso());
    ok = false;
  }
  if (*on < *to) {
    d.error(where_of(*node, "status_on"), c.child_path("status_on"),
            "must be on or after requirements_to (" + to->iso() + "), found " + on->iso());
    ok = false;
  } else if (*on < window.report_start || window.report_end < *on) {
    d.error(where_of(*node, "status_on"), c.child_path("status_on"),
            "must be within the report window (" + window.report_start.iso() + " to " +
                window.report_end.iso() + "), found " + on->iso());
    ok = false;
  }
  if (!ok) return;
  report.enabled = true;
  report.requirements_from = *from;
  report.requirements_to = *to;
  report.status_on = *on;
}

void read_facilitation(FieldReader& iv, FacilitationRules& rules) {
  const ConfigNode* node = iv.node("facilitation", false);
  if (node == nullptr) return;
  FieldReader f(node, iv.child_path("facilitation"), iv.diagnostics());
  if (!f.ok()) return;
  if (auto n = f.integer("facilitators_per_group_session", false, 1, 100))
    rules.facilitators_per_group_session = *n;
  if (auto h = f.number("hours_per_group_session", false, 0.0, kMaxSessionHours))
    rules.hours_per_group_session = *h;
  if (auto h = f.number("hours_per_individual_session", false, 0.0, kMaxSessionHours))
    rules.hours_per_individual_session = *h;
  if (auto share = f.number("non_delivery_share", false, 0.0, 1.0)) rules.non_delivery_share = *share;
  if (auto scale = f.number("facilitator_scale", false, 0.0, 10.0)) rules.facilitator_scale = *scale;
  f.reject_unknown_keys();
}

// Off unless the block is present and sets a trigger.
void read_demand_management(FieldReader& iv, InterventionRules& rules) {
  const ConfigNode* node = iv.node("demand_management", false);
  if (node == nullptr) return;
  FieldReader dm(node, iv.child_path("demand_management"), iv.diagnostics());
  if (!dm.ok()) return;
  DemandManagement& m = rules.demand_management;
  if (auto weeks = dm.number("divert_after_weeks_waiting", false, 0.0, kMaxInterventionWeeks))
    m.divert_after_weeks_waiting = *weeks;
  if (auto length = dm.integer("divert_when_list_longer_than", false, 0, 10000000))
    m.divert_when_list_longer_than = *length;
  m.enabled = m.divert_after_weeks_waiting > 0.0 || m.divert_when_list_longer_than > 0;
  if (auto rosh = read_name_list(dm, "divert_rosh", kRoshLevelNames, "RoSH levels", false)) {
    m.divert_rosh.fill(false);
    for (std::size_t r : *rosh) m.divert_rosh[r] = true;
  }
  if (auto route = dm.choice("divert_to", false, names_of(kDiversionRouteNames)))
    m.divert_to = static_cast<DiversionRoute>(*route);
  // Checked whatever the route, so that a base's programme stays valid when a derived file diverts to
  // the toolkit instead.
  const ConfigNode* programme = dm.node("divert_to_programme", false);
  if (programme != nullptr) {
    if (auto index = find_programme(rules, *programme, programme->where, dm.child_path("divert_to_programme"),
                                    dm.diagnostics()))
      m.divert_to_programme = *index;
  } else if (m.divert_to == DiversionRoute::structured_intervention) {
    dm.diagnostics().error(node->anchor(), dm.child_path("divert_to_programme"),
                           "is required with divert_to: structured_intervention (the name of one of "
                           "interventions.structured_interventions)");
  }
  dm.reject_unknown_keys();
}

void read_daso(FieldReader& iv, DasoRules& rules) {
  const ConfigNode* node = iv.node("daso", false);
  if (node == nullptr) return;
  FieldReader daso(node, iv.child_path("daso"), iv.diagnostics());
  if (!daso.ok()) return;
  if (auto enabled = daso.boolean("enabled", false)) rules.enabled = *enabled;
  if (auto h = daso.number("hours_per_first_contact", false, 0.0, kMaxSessionHours))
    rules.hours_per_first_contact = *h;
  if (auto h = daso.number("support_hours_per_week", false, 0.0, 168.0)) rules.support_hours_per_week = *h;
  if (auto p = daso.number("acceptance_at_sentence", false, 0.0, 1.0)) rules.acceptance_at_sentence = *p;
  if (auto p = daso.number("acceptance_after_6_months", false, 0.0, 1.0))
    rules.acceptance_after_6_months = *p;
  if (auto share = daso.number("non_delivery_share", false, 0.0, 1.0)) rules.non_delivery_share = *share;
  daso.reject_unknown_keys();
}

void read_toolkit(FieldReader& iv, ToolkitRules& rules) {
  const ConfigNode* node = iv.node("toolkit", false);
  if (node == nullptr) return;
  FieldReader t(node, iv.child_path("toolkit"), iv.diagnostics());
  if (!t.ok()) return;
  if (auto n = t.integer("sessions", false, 1, kMaxSessions)) rules.sessions = *n;
  if (auto weeks = t.number("session_interval_weeks", false, 1.0 / 7.0, 52.0))
    rules.session_interval_weeks = *weeks;
  if (auto h = t.number("hours_per_session", false, 0.0, kMaxSessionHours)) rules.hours_per_session = *h;
  t.reject_unknown_keys();
}

// `interventions`, optional: without it no interventions are simulated. Every key inside is optional,
// with the defaults of InterventionRules, except what has none (a structured intervention's name and
// sessions, the mix when there are several, the programme demand management diverts to).
void read_interventions(FieldReader& root, const SimulationWindow& window, InterventionRules& rules) {
  const ConfigNode* node = root.node("interventions", false);
  if (node == nullptr) return;
  FieldReader iv(node, "interventions", root.diagnostics());
  if (!iv.ok()) return;
  rules.enabled = true;
  if (auto enabled = iv.boolean("enabled", false)) rules.enabled = *enabled;
  read_bbr(iv, rules);
  read_structured_interventions(iv, rules);
  read_routing(iv, *node, rules);
  read_weeks_range(iv, "readiness_delay_weeks", rules.readiness);
  read_interventions_warm_start(iv, rules.warm_start);
  read_cohort_report(iv, window, "cohort_report", rules.cohort_report);
  read_cohort_report(iv, window, "si_cohort_report", rules.si_cohort_report);
  read_facilitation(iv, rules.facilitation);
  read_demand_management(iv, rules);
  read_daso(iv, rules.daso);
  read_toolkit(iv, rules.toolkit);
  read_intervention_delivery(iv, rules.delivery);
  iv.reject_unknown_keys();
}

// `interventions_teams`: each PDU served by exactly one team. Without the key, one team per region.
void read_interventions_teams(FieldReader& root, Scenario& s) {
  Diagnostics& d = root.diagnostics();
  const ConfigNode* list = root.node("interventions_teams", false);
  if (list == nullptr) {
    if (!s.interventions.enabled) return;
    std::size_t first = 0;
    for (const RegionSpec& region : s.regions) {
      InterventionsTeamSpec team{region.name, {}};
      for (std::size_t p = 0; p < region.pdus.size(); ++p) team.pdus.push_back(first + p);
      first += region.pdus.size();
      s.interventions_teams.push_back(std::move(team));
    }
    return;
  }
  if (root.node("interventions", false) == nullptr) {
    d.error(list->anchor(), "interventions_teams",
            "teams run interventions, but the scenario has no 'interventions' block: add one (or extend a "
            "base that has it)");
    return;
  }
  if (list->kind != ConfigNode::Kind::sequence || list->items.empty()) {
    d.error(list->anchor(), "interventions_teams",
            "expected a non-empty list of teams ({name, pdus: [PDU, ...]}), found " + list->describe_value());
    return;
  }
  std::vector<std::optional<std::size_t>> team_of(s.pdu_count());
  std::map<std::string, SourceLocation> names_seen;
  bool all_read = true;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    FieldReader item(&list->items[i], "interventions_teams[" + std::to_string(i) + "]", d);
    if (!item.ok()) {
      all_read = false;
      continue;
    }
    InterventionsTeamSpec team;
    if (auto name = item.label("name", true)) {
      team.name = *name;
      const SourceLocation& where = item.node("name", false)->where;
      auto [it, inserted] = names_seen.emplace(*name, where);
      if (!inserted)
        d.error(where, item.child_path("name"),
                "the name '" + *name + "' is already used at " + it->second.describe());
    }
    const ConfigNode* pdus = item.node("pdus", true);
    const std::string path = item.child_path("pdus");
    if (pdus == nullptr) {
      all_read = false;
    } else if (pdus->kind != ConfigNode::Kind::sequence || pdus->items.empty()) {
      d.error(pdus->anchor(), path,
              "expected a non-empty list of PDU names, found " + pdus->describe_value());
      all_read = false;
    } else {
      for (std::size_t p = 0; p < pdus->items.size(); ++p) {
        const std::string item_path = path + "[" + std::to_string(p) + "]";
        auto index = find_pdu(s, pdus->items[p], item_path, d);
        if (!index) {
          all_read = false;
          continue;
        }
        if (team_of[*index] && *team_of[*index] == s.interventions_teams.size()) {
          d.error(pdus->items[p].where, item_path, "'" + s.pdu_at(*index).name + "' is listed twice");
          continue;
        }
        if (team_of[*index]) {
          const InterventionsTeamSpec& other = s.interventions_teams[*team_of[*index]];
          d.error(pdus->items[p].where, item_path,
                  "'" + s.pdu_at(*index).name + "' is already served by team '" + other.name +
                      "': a PDU is served by one team");
          continue;
        }
        team_of[*index] = s.interventions_teams.size();
        team.pdus.push_back(*index);
      }
    }
    item.reject_unknown_keys();
    s.interventions_teams.push_back(std::move(team));
  }
  if (!all_read) return;
  std::string unserved;
  for (std::size_t p = 0; p < team_of.size(); ++p)
    if (!team_of[p]) unserved += (unserved.empty() ? "'" : ", '") + s.pdu_at(p).name + "'";
  if (!unserved.empty())
    d.error(list->anchor(), "interventions_teams",
            "every PDU must be served by a team when teams are listed; not served: " + unserved);
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
  struct Pairing {
    std::size_t pdu;
    const ConfigNode* twin;
    std::string path;
  };
  std::vector<Pairing> pairings;
  auto check_unique = [&](const std::string& name, const SourceLocation& where, const std::string& path) {
    auto [it, inserted] = names_seen.emplace(name, where);
    if (!inserted)
      d.error(where, path, "the name '" + name + "' is already used at " + it->second.describe());
  };
  for (std::size_t r = 0; r < regions->items.size(); ++r) {
    FieldReader region(&regions->items[r], "regions[" + std::to_string(r) + "]", d);
    RegionSpec spec;
    if (auto name = region.label("name", true)) {
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
      if (auto name = pdu.label("name", true)) {
        pdu_spec.name = *name;
        check_unique(*name, pdu.node("name", false)->where, pdu.child_path("name"));
      }
      if (auto rate = pdu.number("referrals_per_week", true, 0.0, kInfinity)) {
        if (*rate > kMaxReferralsPerWeekPerPdu)
          d.error(pdu.node("referrals_per_week", false)->where, pdu.child_path("referrals_per_week"),
                  "at most " + std::to_string(static_cast<int>(kMaxReferralsPerWeekPerPdu)) +
                      " referrals a week in one PDU, found " + describe_number(*rate) +
                      ": all of England and Wales has about 3,200 a week across 110 PDUs "
                      "(scenarios/england_wales_2022.yaml, from the caseload CT-8), so this is more than the "
                      "whole nation's in one PDU (a rate per year, or a typo?), and its open cases would "
                      "need gigabytes of memory per replication");
        else
          pdu_spec.referrals.per_week = *rate;
      }
      // A snapshot's staff come from its staff CSV (attach_snapshot refuses any listed here).
      const bool staff_required = pdu.ok() && s.window.warm_start != WarmStart::snapshot;
      if (const ConfigNode* staff = pdu.node("staff", staff_required))
        read_staff(*staff, pdu.child_path("staff"), s.workforce.trainee_pipeline, pdu_spec, d);
      // Without an establishment the staff in post at the start are the establishment (no vacancies).
      if (auto establishment = read_per_grade(pdu, "establishment_fte", false, 0.0, 1e5)) {
        pdu_spec.establishment_fte = *establishment;
      } else {
        for (const StaffGroup& group : pdu_spec.staff) {
          const Grade grade = group.person.grade;
          at(pdu_spec.establishment_fte, grade) += group.headcount * group.person.fte;
        }
      }
      if (const ConfigNode* twin = pdu.node("paired_with", false))
        pairings.push_back({s.pdu_count() + spec.pdus.size(), twin, pdu.child_path("paired_with")});
      pdu.reject_unknown_keys();
      spec.pdus.push_back(std::move(pdu_spec));
    }
    region.reject_unknown_keys();
    s.regions.push_back(std::move(spec));
  }
  for (const Pairing& pairing : pairings) {
    auto twin = find_pdu(s, *pairing.twin, pairing.path, d);
    if (!twin) continue;
    if (*twin == pairing.pdu) {
      d.error(pairing.twin->where, pairing.path, "a PDU cannot be paired with itself");
      continue;
    }
    s.pdu_at(pairing.pdu).paired_with = *twin;
  }
  for (const Pairing& pairing : pairings) {
    const auto twin = s.pdu_at(pairing.pdu).paired_with;
    if (twin && s.pdu_at(*twin).paired_with)
      d.error(
          pairing.twin->where, pairing.path,
          "'" + s.pdu_at(*twin).name + "' is itself paired with another PDU; pair both with the same one");
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
  if (s.caseload.allocation.licence_allocated_before_release_weeks > 0 &&
      !s.caseload.workload.has_custody_points)
    if (const ConfigNode* alloc = root.node("allocation", false))
      if (const ConfigNode* weeks = alloc->find("licence_allocated_before_release_weeks"))
        root.diagnostics().error(weeks->where, "allocation.licence_allocated_before_release_weeks",
                                 "needs workload.points_per_case_per_week.custody (WMT-1's custody row)");
  read_workforce(root, s.workforce);
  read_regions(root, s, pattern);
  read_staffing_plan(root, s);
  read_calendar(root, s);
  read_sentence_management(root, s.caseload.sentence_management);
  read_enforcement(root, s.caseload.sentence_management);
  read_prioritisation(root, s);
  read_interventions(root, s.window, s.interventions);
  read_interventions_teams(root, s);
  root.reject_unknown_keys();
  if (diagnostics.items().size() != errors_before) return std::nullopt;
  if (s.window.warm_start == WarmStart::snapshot) {
    attach_snapshot(s, find_at_path(root_node, "simulation.warm_start")->where, diagnostics);
    if (diagnostics.items().size() != errors_before) return std::nullopt;
  }
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
  // The resolved scenario names the CSVs it read wherever it is written (scenario.resolved.yaml).
  if (scenario->snapshot_files)
    for (auto [key, file] : {std::pair{"caseload_csv", scenario->snapshot_files->caseload_csv},
                             std::pair{"staff_csv", scenario->snapshot_files->staff_csv}})
      tree->find("simulation")->find(key)->scalar =
          std::filesystem::absolute(file).lexically_normal().string();
  return LoadedScenario{std::move(*scenario), std::move(*tree)};
}

}  // namespace probsim
