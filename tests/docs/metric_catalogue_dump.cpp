// Prints the metric catalogue (sim/output/metric_catalogue.hpp) as tab-separated rows, one a metric:
// file, name, unit, levels (comma-separated), aggregation, chart group, description. Read by
// check_metric_catalogue.py, which compares it with what probsim writes and with the docs.

#include <iostream>
#include <string>

#include "output/metric_catalogue.hpp"

int main() {
  using namespace probsim;
  for (const MetricSpec& m : metric_catalogue()) {
    std::string levels;
    const auto add = [&](MetricLevel bit, const char* name) {
      if ((m.levels & bit) == 0) return;
      if (!levels.empty()) levels += ',';
      levels += name;
    };
    add(kNational, "national");
    add(kRegion, "region");
    add(kPdu, "pdu");
    add(kTeam, "team");
    std::cout << (m.file == MetricFile::kpis ? "kpis" : "timeseries") << '\t' << m.name << '\t' << m.unit
              << '\t' << levels << '\t' << aggregation_name(m.aggregation) << '\t' << m.chart_group << '\t'
              << m.description << '\n';
  }
  return 0;
}
