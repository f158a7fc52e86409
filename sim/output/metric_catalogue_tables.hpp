#pragma once
// The catalogue's two tables, one file each (metric_catalogue.hpp is the interface).

#include <vector>

#include "output/metric_catalogue.hpp"

namespace probsim {

const std::vector<MetricSpec>& kpi_catalogue();
const std::vector<MetricSpec>& series_catalogue();

}  // namespace probsim
