// Case mix per PDU (issue 21 item 2): `case_mix` under a region or a PDU, over the national block. The
// loader's rules and messages, the shares new cases are drawn at, and common random numbers: one PDU's
// override leaves every other PDU's people exactly as they were.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "caseload/case_factory.hpp"
#include "office/case_event_sink.hpp"
#include "unit/model_run.hpp"
#include "scratch_directory.hpp"

using namespace probsim;

namespace {

const std::string kExample = std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";

std::optional<LoadedScenario> load(const std::vector<std::string>& overrides, Diagnostics& d) {
  return load_scenario(kExample, overrides, d);
}

// Every case a PDU opens (the warm start's and the referrals), with the attributes drawn for it.
struct CaseRecorder final : CaseEventSink {
  using Row = std::tuple<Day, CaseEvent, CaseId, int, int, std::string, bool, int, Day>;
  std::map<std::string, std::vector<Row>> by_pdu;
  void record(Day day, CaseEvent event, const Case& c, std::string_view pdu, std::string_view) override {
    if (event != CaseEvent::initial && event != CaseEvent::referral) return;
    by_pdu[std::string(pdu)].emplace_back(day, event, c.id, static_cast<int>(c.sentence_type),
                                          static_cast<int>(c.rosh), to_string(c.tier), c.domestic_abuse_flag,
                                          static_cast<int>(c.sex), c.end_day);
  }
};

CaseRecorder run_recording(const Scenario& scenario, Day last_day) {
  CaseRecorder recorder;
  ProbationService service(scenario, replication_seed(7, 1), &recorder);
  OneAfterAnother units;
  for (Day day = 0; day <= last_day; ++day)
    for (const auto& phase : kDayPhases) service.run_phase(phase.phase, day, units);
  return recorder;
}

}  // namespace

TEST(CaseMixOverride, NoOverrideMeansTheNationalMixEverywhere) {
  Diagnostics d;
  auto loaded = load({}, d);
  ASSERT_TRUE(loaded) << d.describe();
  for (const auto& pdu : loaded->scenario.regions[0].pdus) {
    EXPECT_FALSE(pdu.case_mix) << pdu.name;
    EXPECT_EQ(&loaded->scenario.case_mix_of(pdu), &loaded->scenario.caseload.case_mix);
  }
}

TEST(CaseMixOverride, RegionOverrideIsInheritedAndAPduOverrideLaysOverIt) {
  Diagnostics d;
  auto loaded =
      load({"regions.0.case_mix={domestic_abuse_share: 0.4, sentence_type_shares: {community_order: 0.2, "
            "suspended_sentence_order: 0.1, licence: 0.7}}",
            "regions.0.pdus.Eastmoor.case_mix={domestic_abuse_share: 0.1, sentence_length_months: {licence: "
            "{fixed: 30}}}"},
           d);
  ASSERT_TRUE(loaded) << d.describe();
  const Scenario& s = loaded->scenario;
  const CaseMix& national = s.caseload.case_mix;
  const CaseMix& northgate = s.case_mix_of(s.regions[0].pdus[0]);
  const CaseMix& eastmoor = s.case_mix_of(s.regions[0].pdus[1]);
  EXPECT_DOUBLE_EQ(northgate.domestic_abuse_share, 0.4);  // the region's
  EXPECT_DOUBLE_EQ(northgate.sentence_type.weights()[2], 0.7);
  EXPECT_DOUBLE_EQ(northgate.male_share, national.male_share);  // not overridden: national
  EXPECT_DOUBLE_EQ(eastmoor.domestic_abuse_share, 0.1);         // its own over the region's
  EXPECT_DOUBLE_EQ(eastmoor.sentence_type.weights()[2], 0.7);   // the region's, inherited
  // One entry of a per-type block replaced, the others kept.
  EXPECT_DOUBLE_EQ(eastmoor.sentence_length_months[2].mean(), 30.0);
  EXPECT_DOUBLE_EQ(eastmoor.sentence_length_months[0].mean(), national.sentence_length_months[0].mean());
  EXPECT_GE(s.longest_sentence_days(), months_to_days(30.0));
}

TEST(CaseMixOverride, BadOverridesAreRefusedWithFileLineAndKey) {
  const std::string path =
      (probsim::testing::scratch_root("probsim-case-mix-override") / "override.yaml").string();
  std::ofstream(path) << "extends: " << kExample << R"(
regions:
  - name: Example region
    case_mix:
      rosh_shares: {low: 0.5, medium: 0.3, high: 0.1, very_high: 0.2}
    pdus:
      - name: Eastmoor
        case_mix:
          domestic_abuse_shares: 0.3
      - name: Southbridge
        case_mix: 0.3
)";
  Diagnostics d;
  EXPECT_FALSE(load_scenario(path, {}, d));
  const std::string all = d.describe();
  // The region's shares sum to 1.1: refused at the line of rosh_shares.
  EXPECT_NE(all.find(path + ":5:"), std::string::npos) << all;
  EXPECT_NE(all.find("regions[0].case_mix.rosh_shares"), std::string::npos) << all;
  // Its PDUs are not read over a region mix that failed (its errors would repeat for each).
  EXPECT_EQ(all.find("domestic_abuse_shares"), std::string::npos) << all;

  std::ofstream(path) << "extends: " << kExample << R"(
regions:
  - name: Example region
    pdus:
      - name: Eastmoor
        case_mix:
          domestic_abuse_shares: 0.3
      - name: Southbridge
        case_mix: 0.3
)";
  Diagnostics d2;
  EXPECT_FALSE(load_scenario(path, {}, d2));
  const std::string second = d2.describe();
  EXPECT_NE(second.find(path + ":7:"), std::string::npos) << second;
  EXPECT_NE(second.find("regions[0].pdus[1].case_mix.domestic_abuse_shares"), std::string::npos) << second;
  EXPECT_NE(second.find("did you mean"), std::string::npos) << second;
  EXPECT_NE(second.find(path + ":9:"), std::string::npos) << second;
  EXPECT_NE(second.find("regions[0].pdus[2].case_mix"), std::string::npos) << second;
  EXPECT_NE(second.find("expected a map of case_mix keys"), std::string::npos) << second;
}

// Analytic: a PDU drawing at DA share 0.5 and another at 0.2 flag their referrals in those shares. At
// 100,000 draws 4.5 standard errors of a proportion are 0.0071 at 0.5 and 0.0057 at 0.2.
TEST(CaseMixOverride, EachPduDrawsItsReferralsAtItsOwnShares) {
  Diagnostics d;
  auto loaded = load({"regions.0.pdus.Northgate.case_mix.domestic_abuse_share=0.5",
                      "regions.0.pdus.Eastmoor.case_mix.domestic_abuse_share=0.2"},
                     d);
  ASSERT_TRUE(loaded) << d.describe();
  probsim::testing::ModelRun run(loaded->scenario);
  const std::map<std::string, double> expected = {
      {"Northgate", 0.5},
      {"Eastmoor", 0.2},
      {"Southbridge", loaded->scenario.caseload.case_mix.domestic_abuse_share}};
  for (const auto& [name, share] : expected) {
    const PduOffice& office = run.office(name);
    CaseFactory factory(office.case_mix(), loaded->scenario.caseload.early_termination, 5);
    const int n = 100000;
    int flagged = 0;
    for (int i = 0; i < n; ++i) {
      const CaseId id = make_case_id(office.index(), i / 100, i % 100);
      flagged += factory.make(id, id, i / 100).domestic_abuse_flag;
    }
    EXPECT_NEAR(flagged / double(n), share, 4.5 * std::sqrt(share * (1 - share) / n)) << name;
  }

  // The same through a run: the referrals each office opens over two years at 60 a week (about 6,000
  // each), within 4.5 standard errors of its share.
  auto busy = load(
      {"regions.0.pdus.Northgate.case_mix.domestic_abuse_share=0.5",
       "regions.0.pdus.Eastmoor.case_mix.domestic_abuse_share=0.2",
       "regions.0.pdus.Northgate.referrals_per_week=60", "regions.0.pdus.Eastmoor.referrals_per_week=60"},
      d);
  ASSERT_TRUE(busy) << d.describe();
  const CaseRecorder recorded = run_recording(busy->scenario, 2 * 365);
  for (const auto& [name, share] : std::map<std::string, double>{{"Northgate", 0.5}, {"Eastmoor", 0.2}}) {
    int n = 0, flagged = 0;
    for (const auto& row : recorded.by_pdu.at(name))
      if (std::get<1>(row) == CaseEvent::referral) {
        ++n;
        flagged += std::get<6>(row);
      }
    ASSERT_GT(n, 5000) << name;
    EXPECT_NEAR(flagged / double(n), share, 4.5 * std::sqrt(share * (1 - share) / n)) << name << " n=" << n;
  }
}

// Common random numbers: Northgate's override (DA share and sentence types) leaves the people of
// Eastmoor and Southbridge, warm start and referrals, identical case by case; Northgate's own change.
TEST(CaseMixOverride, OnePdusOverrideLeavesTheOtherPdusPeopleIdentical) {
  Diagnostics d;
  auto national = load({}, d);
  auto overridden =
      load({"regions.0.pdus.Northgate.case_mix={domestic_abuse_share: 0.5, sentence_type_shares: "
            "{community_order: 0.1, suspended_sentence_order: 0.1, licence: 0.8}}"},
           d);
  ASSERT_TRUE(national && overridden) << d.describe();
  const CaseRecorder a = run_recording(national->scenario, 365);
  const CaseRecorder b = run_recording(overridden->scenario, 365);
  for (const std::string name : {"Eastmoor", "Southbridge"}) {
    ASSERT_GT(a.by_pdu.at(name).size(), 300u) << name;
    EXPECT_EQ(a.by_pdu.at(name), b.by_pdu.at(name)) << name;
  }
  EXPECT_NE(a.by_pdu.at("Northgate"), b.by_pdu.at("Northgate"));
}
