#pragma once
// What one replication produces, before it is written: long-format time-series rows and KPIs.

#include <cstdint>
#include <string>
#include <vector>

namespace probsim {

struct TimeseriesRow {
  std::string date;   // ISO date of the snapshot (a month end, or the report end)
  std::string level;  // pdu | region | national
  std::string unit;   // the PDU's or region's name, or "national"
  std::string metric;
  double value = 0.0;
};

struct Kpi {
  std::string name;
  double value = 0.0;
};

struct ReplicationResult {
  std::vector<TimeseriesRow> timeseries;
  std::vector<Kpi> kpis;
  std::int64_t case_events = 0;  // referrals, initial cases, allocations and terminations simulated
};

}  // namespace probsim
