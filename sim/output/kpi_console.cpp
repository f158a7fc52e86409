#include "output/kpi_console.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <string_view>

#include "output/metric_names.hpp"

namespace probsim {

bool is_share_kpi(const std::string& kpi) {
  constexpr std::string_view suffix = "_share";
  if (kpi.size() >= suffix.size() && kpi.compare(kpi.size() - suffix.size(), suffix.size(), suffix) == 0)
    return true;
  // Shares and ratios of hours or places not named *_share (docs/reference/outputs.md).
  constexpr std::array<std::string_view, 3> kOtherShares = {metric_name::facilitator_utilisation,
                                                            metric_name::bbr_group_fill_mean,
                                                            metric_name::bbr_completed_share_of_ended};
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

namespace {

// The position of the first pattern `kpi` matches; patterns.size() when none does.
std::size_t first_matching_pattern(const std::string& kpi, const std::vector<std::string>& patterns) {
  for (std::size_t i = 0; i < patterns.size(); ++i)
    if (::fnmatch(patterns[i].c_str(), kpi.c_str(), 0) == 0) return i;
  return patterns.size();
}

}  // namespace

std::vector<std::size_t> console_order(const std::vector<ConsoleRow>& rows,
                                       const std::vector<std::string>& patterns) {
  struct Chosen {
    std::size_t unit_ordinal, pattern, row;
  };
  std::vector<Chosen> chosen;
  std::map<std::string, std::size_t> unit_ordinals;  // by first appearance, should a unit's rows be apart
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::size_t unit_ordinal = unit_ordinals.emplace(rows[r].unit, unit_ordinals.size()).first->second;
    const std::size_t pattern = patterns.empty() ? 0 : first_matching_pattern(rows[r].kpi, patterns);
    if (patterns.empty() || pattern < patterns.size()) chosen.push_back(Chosen{unit_ordinal, pattern, r});
  }
  std::stable_sort(chosen.begin(), chosen.end(), [](const Chosen& a, const Chosen& b) {
    return a.unit_ordinal != b.unit_ordinal ? a.unit_ordinal < b.unit_ordinal : a.pattern < b.pattern;
  });
  std::vector<std::size_t> order;
  order.reserve(chosen.size());
  for (const Chosen& c : chosen) order.push_back(c.row);
  return order;
}

bool level_chosen(const std::string& level, const std::string& by) {
  if (level == "national" || by == "all") return true;
  return level == by;
}

bool valid_by(const std::string& by) {
  return by.empty() || by == "national" || by == "region" || by == "pdu" || by == "team" || by == "all";
}

}  // namespace probsim
