#include "output/metric_catalogue.hpp"

#include <vector>

#include "output/metric_catalogue_tables.hpp"

namespace probsim {

std::span<const MetricSpec> metric_catalogue() {
  // One table in the order of the docs: KPIs, then series.
  static const std::vector<MetricSpec> all = [] {
    std::vector<MetricSpec> rows = casework_kpi_catalogue();
    rows.insert(rows.end(), intervention_kpi_catalogue().begin(), intervention_kpi_catalogue().end());
    rows.insert(rows.end(), series_catalogue().begin(), series_catalogue().end());
    return rows;
  }();
  return all;
}

bool metric_name_matches(std::string_view pattern, std::string_view name) {
  const auto open = pattern.find('<');
  if (open == std::string_view::npos) return pattern == name;
  const auto close = pattern.find('>', open);
  if (close == std::string_view::npos) return false;
  const std::string_view prefix = pattern.substr(0, open), suffix = pattern.substr(close + 1);
  if (name.size() <= prefix.size() + suffix.size()) return false;
  if (!name.starts_with(prefix) || !name.ends_with(suffix)) return false;
  const std::string_view filler = name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  for (const char c : filler)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

const MetricSpec* find_metric(MetricFile file, std::string_view name) {
  const MetricSpec* family = nullptr;
  for (const MetricSpec& spec : metric_catalogue()) {
    if (spec.file != file) continue;
    if (spec.name == name) return &spec;
    if (family == nullptr && metric_name_matches(spec.name, name)) family = &spec;
  }
  return family;
}

std::uint8_t metric_level_bit(std::string_view level) {
  if (level == "national") return kNational;
  if (level == "region") return kRegion;
  if (level == "pdu") return kPdu;
  if (level == "team") return kTeam;
  return 0;
}

std::string_view aggregation_name(Aggregation aggregation) {
  switch (aggregation) {
    case Aggregation::sum:
      return "sum";
    case Aggregation::mean:
      return "mean";
    case Aggregation::share:
      return "share";
    case Aggregation::quantile:
      return "quantile";
    case Aggregation::max:
      return "max";
    case Aggregation::status:
      return "status";
  }
  return "?";
}

}  // namespace probsim
