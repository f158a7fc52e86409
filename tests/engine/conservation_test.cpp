// A whole replication of the default scenario on a SimGrid Engine, audited case by case and month by
// month: every referral is exactly once either on the caseload or terminated.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "engine/replication.hpp"

using namespace probsim;

namespace {
class CaseStateAudit final : public CaseEventSink {
 public:
  void record(Day, CaseEvent event, const Case& c, std::string_view, std::string_view) override {
    if (event == CaseEvent::initial || event == CaseEvent::referral) {
      if (!open.insert(c.id).second || closed.count(c.id)) ++violations;
      if (event == CaseEvent::referral) ++referrals;
    } else if (event == CaseEvent::terminated) {
      if (open.erase(c.id) != 1 || !closed.insert(c.id).second) ++violations;
    } else if (!open.count(c.id)) {
      ++violations;
    }
  }
  std::set<CaseId> open, closed;
  long referrals = 0, violations = 0;
};
}  // namespace

TEST(Conservation, EveryReferralIsOnTheCaseloadOrTerminatedAtEverySnapshot) {
  Diagnostics diagnostics;
  auto loaded =
      load_scenario(std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml", {}, diagnostics);
  ASSERT_TRUE(loaded) << diagnostics.describe();
  CaseStateAudit audit;
  const ReplicationResult result =
      run_replication(loaded->scenario, ReplicationSpec{1, replication_seed(1, 1), &audit});
  EXPECT_EQ(audit.violations, 0);

  std::map<std::string, double> kpi;
  for (const auto& k : result.kpis)
    if (k.level == "national") kpi[k.name] = k.value;
  EXPECT_EQ(kpi["caseload_end"], static_cast<double>(audit.open.size()));
  // Stock and flow over the report window.
  EXPECT_EQ(
      kpi["caseload_start"] + kpi["referrals"] - kpi["terminations_sentence_end"] - kpi["terminations_early"],
      kpi["caseload_end"]);

  // And at every monthly snapshot, for every PDU and for the nation.
  std::map<std::string, double> expected_caseload;
  std::map<std::pair<std::string, std::string>, std::map<std::string, double>> rows;  // (date, unit) → metric
  for (const auto& row : result.timeseries)
    if (row.level == "pdu" || row.level == "national") rows[{std::string(row.date), std::string(row.unit)}][std::string(row.metric)] = row.value;
  ASSERT_FALSE(rows.empty());
  std::map<std::string, double> previous;
  std::set<std::string> dates;
  for (const auto& [key, metrics] : rows) dates.insert(key.first);
  bool first = true;
  for (const auto& date : dates) {
    for (const auto& [key, m] : rows) {
      if (key.first != date) continue;
      if (!first) {
        EXPECT_EQ(previous[key.second] + m.at("referrals") - m.at("terminations_sentence_end") -
                      m.at("terminations_early"),
                  m.at("caseload"))
            << key.second << " " << date;
      }
      previous[key.second] = m.at("caseload");
    }
    first = false;
  }
  EXPECT_EQ(previous["national"], kpi["caseload_end"]);
}
