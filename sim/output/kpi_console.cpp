#include "output/kpi_console.hpp"

#include <fnmatch.h>

#include <array>
#include <cstdio>
#include <string_view>

#include "output/metric_names.hpp"

namespace probsim {

bool is_share_kpi(const std::string& kpi) {
  constexpr std::string_view suffix = "_share";
  if (kpi.size() >= suffix.size() && kpi.compare(kpi.size() - suffix.size(), suffix.size(), suffix) == 0)
    return true;
  // Ratios of hours or places, not named *_share (README "Interventions KPIs").
  constexpr std::array<std::string_view, 2> kOtherShares = {metric_name::facilitator_utilisation,
                                                            metric_name::bbr_group_fill_mean};
  for (const auto name : kOtherShares)
    if (kpi == name) return true;
  return false;
}

std::string format_kpi_value(const std::string& kpi, double value, int width) {
  char text[64];
  if (is_share_kpi(kpi))
    std::snprintf(text, sizeof text, "%*.1f%%", width > 0 ? width - 1 : 0, 100.0 * value);
  else
    std::snprintf(text, sizeof text, "%*.2f", width, value);
  return text;
}

std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> items;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    if (comma > start) items.push_back(list.substr(start, comma - start));
    start = comma + 1;
  }
  return items;
}

bool kpi_chosen(const std::string& kpi, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  for (const auto& pattern : patterns)
    if (::fnmatch(pattern.c_str(), kpi.c_str(), 0) == 0) return true;
  return false;
}

bool level_chosen(const std::string& level, const std::string& by) {
  if (level == "national" || by == "all") return true;
  return level == by;
}

bool valid_by(const std::string& by) {
  return by.empty() || by == "national" || by == "region" || by == "pdu" || by == "team" || by == "all";
}

}  // namespace probsim
