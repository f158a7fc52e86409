#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "report/chart_limits.hpp"
#include "report/chart_parts.hpp"

// A sweep's KPI against one swept key at a time. The data is a row per point and KPI, plus a small
// table of each point's value of each key (joined on the page by a lookup), so the page grows as
// points × (KPIs + keys), not points × KPIs × keys as it did (20 MB for one sweep with 24 keys).

namespace probsim::chart {

namespace {

bool is_number(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end == text.c_str() + text.size();
}

// The KPIs in the menu: the sweep's headline KPIs that it has first, then the rest; fewer when the
// point × KPI rows would pass kMaxSweepChartRows.
std::vector<std::string> menu_kpis(const SweepData& sweep, std::vector<std::string>& reductions) {
  std::vector<std::string> all;
  std::set<std::string> seen;
  for (const auto& point : sweep.points)
    for (const auto& row : point.kpis)
      if (seen.insert(row.kpi).second) all.push_back(row.kpi);
  std::vector<std::string> kpis;
  for (const auto& kpi : sweep.headline_kpis)
    if (seen.count(kpi)) kpis.push_back(kpi);
  const std::size_t headline = kpis.size();
  for (const auto& kpi : all)
    if (std::find(kpis.begin(), kpis.end(), kpi) == kpis.end()) kpis.push_back(kpi);
  const std::size_t points = std::max<std::size_t>(1, sweep.points.size());
  const std::size_t fit = std::max<std::size_t>(1, kMaxSweepChartRows / points);
  if (kpis.size() > fit) {
    const std::size_t keep = std::min(fit, std::max<std::size_t>(1, headline));
    reductions.push_back("the sweep chart offers " + std::to_string(keep) + " of its " +
                         std::to_string(kpis.size()) + " KPIs (" +
                         std::string(headline ? "its headline KPIs" : "the first") +
                         "): " + std::to_string(points) + " points x " + std::to_string(kpis.size()) +
                         " KPIs is over the limit of " + std::to_string(kMaxSweepChartRows) +
                         " rows; sweep_summary.csv has every KPI");
    kpis.resize(keep);
  }
  return kpis;
}

}  // namespace

void add_sweep_chart(const ReportData& data, std::vector<Chart>& charts,
                     std::vector<std::string>& reductions) {
  if (!data.sweep || data.sweep->keys.empty() || data.sweep->points.empty()) return;
  const SweepData& sweep = *data.sweep;
  std::size_t keys = sweep.keys.size();
  if (keys > kMaxSweepChartKeys) {
    reductions.push_back("the sweep chart's parameter menu offers the first " +
                         std::to_string(kMaxSweepChartKeys) + " of the " + std::to_string(keys) +
                         " swept keys; points.csv lists every key's values");
    keys = kMaxSweepChartKeys;
  }
  bool numeric = true;
  for (const auto& point : sweep.points)
    for (std::size_t k = 0; k < keys; ++k) numeric = numeric && is_number(point.values[k]);
  const std::vector<std::string> kpis = menu_kpis(sweep, reductions);
  const std::set<std::string> shown(kpis.begin(), kpis.end());
  const std::vector<std::string> key_menu(sweep.key_labels.begin(),
                                          sweep.key_labels.begin() + static_cast<std::ptrdiff_t>(keys));

  Json values = Json::array();
  for (const auto& point : sweep.points)
    for (const auto& row : point.kpis)
      if (shown.count(row.kpi))
        values.push(Json::object({{"p", point.id},
                                  {"kpi", row.kpi},
                                  {"mean", row.stats.mean},
                                  {"lo", row.stats.ci95_low},
                                  {"hi", row.stats.ci95_high}}));
  // Each point's value of each key, and the legend entry of the points that share its other values
  // (by their labels, not key paths).
  const bool several_scenarios =
      std::any_of(sweep.points.begin(), sweep.points.end(),
                  [&](const ReportedSweepPoint& p) { return p.scenario != sweep.points.front().scenario; });
  // With many keys a legend of every other value is unreadable and grows as keys squared: past
  // kMaxLegendKeys the points that share their other values are named as a numbered group instead.
  constexpr std::size_t kMaxLegendKeys = 6;
  Json table = Json::array();
  std::size_t most_groups = 0;  // of any key: the legend's entries when that key is chosen
  for (std::size_t k = 0; k < keys; ++k) {
    std::map<std::string, std::size_t> groups;
    for (const auto& point : sweep.points) {
      std::string others;
      for (std::size_t j = 0; j < sweep.keys.size(); ++j)
        if (j != k) others += (others.empty() ? "" : ", ") + sweep.key_labels[j] + "=" + point.values[j];
      if (several_scenarios) others = point.scenario + (others.empty() ? "" : ": ") + others;
      if (others.empty()) others = "(no other parameter)";
      const auto [group, added] = groups.emplace(others, groups.size() + 1);
      if (sweep.keys.size() > kMaxLegendKeys)
        others = "points with the same other values, group " + std::to_string(group->second);
      table.push(Json::object(
          {{"join", point.id + "|" + sweep.key_labels[k]},
           {"x", numeric ? Json(std::strtod(point.values[k].c_str(), nullptr)) : Json(point.values[k])},
           {"others", others}}));
    }
    most_groups = std::max(most_groups, groups.size());
  }
  Json labels = Json::array();
  for (const auto& point : sweep.points) labels.push(Json::object({{"p", point.id}, {"label", point.label}}));
  Json series =
      Json::object({{"field", "others"},
                    {"type", "nominal"},
                    {"title", "other parameters"},
                    {"legend", Json::object({{"orient", "bottom"}, {"columns", 1}, {"labelLimit", 600}})}});
  // No legend for one line, nor for more lines than a legend can list (Vega drops entries past about
  // 20 with a warning); the tooltip names each point by its label.
  constexpr std::size_t kMaxLegendEntries = 20;
  if (most_groups <= 1 || most_groups > kMaxLegendEntries || sweep.keys.size() > kMaxLegendKeys)
    series.set("legend", nullptr);
  const Json x = Json::object({{"field", "x"},
                               {"type", numeric ? "quantitative" : "ordinal"},
                               {"title", "value of the swept parameter chosen above"},
                               {"scale", Json::object({{"zero", false}, {"padding", 12}})}});
  Json spec = Json::object(
      {{"width", "container"},
       {"height", 280},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("kpi", "KPI ", kpis),
                               select_param("parameter", "Swept parameter ", key_menu)})},
       {"transform",
        Json::array(
            {Json::object({{"filter", "datum.kpi === kpi"}}),
             Json::object({{"calculate", "datum.p + '|' + parameter"}, {"as", "join"}}),
             Json::object({{"lookup", "join"},
                           {"from", Json::object({{"data", Json::object({{"values", std::move(table)}})},
                                                  {"key", "join"},
                                                  {"fields", Json::array({"x", "others"})}})}}),
             Json::object({{"lookup", "p"},
                           {"from", Json::object({{"data", Json::object({{"values", std::move(labels)}})},
                                                  {"key", "p"},
                                                  {"fields", Json::array({"label"})}})}})})},
       {"encoding", Json::object({{"x", x}, {"color", series}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", Json::object({{"type", "rule"}, {"strokeWidth", 2}})},
                           {"encoding",
                            Json::object({{"y", Json::object({{"field", "lo"},
                                                              {"type", "quantitative"},
                                                              {"title", "KPI: mean with 95% CI"},
                                                              {"scale", Json::object({{"zero", false}})}})},
                                          {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "line"},
                                         {"point", Json::object({{"filled", true}, {"size", 60}})}})},
                  {"encoding",
                   Json::object({{"y", Json::object({{"field", "mean"}, {"type", "quantitative"}})},
                                 {"strokeDash", series},
                                 {"tooltip", tooltip({{"label", "point"},
                                                      {"kpi", "KPI"},
                                                      {"mean", "mean"},
                                                      {"lo", "95% CI low"},
                                                      {"hi", "95% CI high"}})}})}})})}});
  std::string caption =
      "Choose a KPI and one of the swept parameters: each point of the sweep is plotted at its value of "
      "that parameter (mean over its replications, rule: 95% CI); points that share their other parameters "
      "are joined. The KPI menu starts with the headline KPIs (" +
      sweep.headline_reason + ").";
  charts.push_back({"chart-sweep", "sweep", "A KPI against a swept parameter", caption, std::move(spec)});
}

}  // namespace probsim::chart
