#pragma once
// The catalogue's tables, one file each by concept (metric_catalogue.hpp is the interface): the KPIs of
// cases, staff and casework, the KPIs of the interventions, and the monthly series.

#include <vector>

#include "output/metric_catalogue.hpp"

namespace probsim {

const std::vector<MetricSpec>& casework_kpi_catalogue();
const std::vector<MetricSpec>& intervention_kpi_catalogue();
const std::vector<MetricSpec>& series_catalogue();

}  // namespace probsim
