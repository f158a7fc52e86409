#include "runner/precision_rule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "config/diagnostics.hpp"
#include "output/csv.hpp"
#include "output/metric_catalogue.hpp"

namespace probsim {

namespace {
std::string percent(double fraction) {
  char text[32];
  if (std::isinf(fraction)) return "unbounded (mean 0)";
  std::snprintf(text, sizeof text, "%.3g%%", 100.0 * fraction);
  return text;
}
}  // namespace

PrecisionCheck check_precision(const std::vector<std::pair<std::string, std::vector<double>>>& values,
                               const PrecisionRule& rule) {
  std::vector<std::string> chosen = rule.kpis;
  if (chosen.empty())
    for (const auto& [kpi, v] : values) chosen.push_back(kpi);
  PrecisionCheck check;
  check.met = true;
  for (const auto& kpi : chosen) {
    const auto found =
        std::find_if(values.begin(), values.end(), [&](const auto& kv) { return kv.first == kpi; });
    if (found == values.end()) {
      std::vector<std::string> names;
      for (const auto& kv : values) names.push_back(kv.first);
      // The name passed the catalogue's check before the run, so it is one of a family (a programme's,
      // a reason's, a grade's) that this scenario does not write, or a report's that is off: the family's
      // names this run does write are the useful list.
      std::string message = "this run writes no KPI called '" + kpi + "'";
      const std::string suggestion = did_you_mean(kpi, names);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      const std::string stem = kpi.substr(0, kpi.rfind('_') + 1);
      std::string family;
      for (const auto& name : names)
        if (!stem.empty() && name.rfind(stem, 0) == 0) family += (family.empty() ? "" : ", ") + name;
      throw std::invalid_argument(message +
                                  "; a programme's or a reason's KPI exists only where the scenario has it" +
                                  (family.empty() ? std::string() : "; this run writes " + family) + "");
    }
    KpiPrecision p;
    p.kpi = kpi;
    p.statistics = summarise(found->second);
    const double half_width = p.statistics.ci95_half_width();
    if (half_width == 0.0 && p.statistics.n >= 2)
      p.relative_half_width = 0.0;
    else if (p.statistics.n < 2 || p.statistics.mean == 0.0)
      p.relative_half_width = std::numeric_limits<double>::infinity();
    else
      p.relative_half_width = half_width / std::fabs(p.statistics.mean);
    p.met = p.relative_half_width <= rule.relative_half_width;
    check.met = check.met && p.met;
    check.kpis.push_back(std::move(p));
  }
  return check;
}

std::string precision_csv(const PrecisionCheck& check, const PrecisionRule& rule) {
  std::string text = kPrecisionHeader;
  for (const auto& p : check.kpis)
    text += csv_row({p.kpi, std::to_string(p.statistics.n), format_number(p.statistics.mean),
                     format_number(p.statistics.ci95_half_width()),
                     std::isinf(p.relative_half_width) ? "Inf" : format_number(p.relative_half_width),
                     format_number(rule.relative_half_width), p.met ? "true" : "false"});
  return text;
}

std::string describe_precision(const PrecisionCheck& check, const PrecisionRule& rule,
                               std::uint64_t replications) {
  const std::string target = percent(rule.relative_half_width);
  const std::string which = rule.kpis.empty() ? "every KPI's" : "every chosen KPI's";
  if (check.met)
    return "precision reached: " + which + " 95% CI half-width is within " + target + " of its mean after " +
           std::to_string(replications) + " replications";
  std::string missing;
  for (const auto& p : check.kpis)
    if (!p.met)
      missing += (missing.empty() ? "" : ", ") + p.kpi + " (" + percent(p.relative_half_width) + ")";
  return "precision not reached: stopped at the maximum of " + std::to_string(replications) +
         " replications; not yet within " + target + ": " + missing;
}

}  // namespace probsim
