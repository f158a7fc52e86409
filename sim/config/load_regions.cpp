// `regions`: the regions, their PDUs, each PDU's referrals, staff in post and establishment, and pairs.

#include <map>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

// One PDU with more referrals than the whole of England and Wales (about 3,200 a week across 110 PDUs in
// scenarios/england_wales_2022.yaml, from CT-8's caseload) is not something a user means: 100,000 a week
// (the old maximum) holds some 9 million cases open, 8.5 GiB per replication (docs/performance.md).
constexpr double kMaxReferralsPerWeekPerPdu = 5000.0;

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

}  // namespace

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
      pdu.node("case_mix", false);  // read by read_case_mix_overrides (load_case_mix_overrides.cpp)
      if (const ConfigNode* twin = pdu.node("paired_with", false))
        pairings.push_back({s.pdu_count() + spec.pdus.size(), twin, pdu.child_path("paired_with")});
      pdu.reject_unknown_keys();
      spec.pdus.push_back(std::move(pdu_spec));
    }
    region.node("case_mix", false);  // read by read_case_mix_overrides, with its PDUs'
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

}  // namespace probsim::scenario_loading
