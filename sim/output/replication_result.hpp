#pragma once
// What one replication produces, before it is written: long-format time-series rows and KPIs.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "output/label_pool.hpp"

namespace probsim {

// The labels are views into the result's LabelPool (ReplicationResult::labels).
struct TimeseriesRow {
  std::string_view date;   // ISO date of the snapshot (a month end, or the report end)
  std::string_view level;  // pdu | region | national | team
  std::string_view unit;   // the PDU's, region's or team's name, or "national"
  std::string_view metric;
  double value = 0.0;
};

// A KPI of one unit over the report window: the nation (first, in the order the national KPIs have
// always had), a region, a PDU, or an interventions team (docs/outputs-by-unit.md).
struct Kpi {
  std::string name;
  double value = 0.0;
  std::string level = "national";  // national | region | pdu | team
  std::string unit = "national";   // the region's, PDU's or team's name, or "national"
};

struct ReplicationResult {
  // Shared, so that a copy of the result keeps the labels its rows point to alive.
  std::shared_ptr<LabelPool> labels = std::make_shared<LabelPool>();
  std::vector<TimeseriesRow> timeseries;
  std::vector<Kpi> kpis;
  std::int64_t case_events = 0;  // referrals, initial cases, allocations and terminations simulated

  void add_row(std::string_view date, std::string_view level, std::string_view unit, std::string_view metric,
               double value) {
    timeseries.push_back(TimeseriesRow{labels->intern(date), labels->intern(level), labels->intern(unit),
                                       labels->intern(metric), value});
  }
};

}  // namespace probsim
