#include "runner/kpi_pattern_check.hpp"

#include <fnmatch.h>

#include <string_view>
#include <vector>

#include "config/diagnostics.hpp"
#include "output/metric_catalogue.hpp"

namespace probsim {

namespace {

// `terminations_<reason>` → `terminations_*`: the catalogue's placeholders as globs.
std::string placeholders_as_globs(std::string_view name) {
  std::string glob;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '<') {
      const std::size_t close = name.find('>', i);
      if (close != std::string_view::npos) {
        glob += '*';
        i = close;
        continue;
      }
    }
    glob += name[i];
  }
  return glob;
}

bool glob_matches(const std::string& glob, const std::string& text) {
  return ::fnmatch(glob.c_str(), text.c_str(), 0) == 0;
}

}  // namespace

std::string unmatched_kpi_pattern(const std::string& pattern) {
  std::vector<std::string> names;
  for (const MetricSpec& metric : metric_catalogue()) {
    if (metric.file != MetricFile::kpis) continue;
    const std::string name(metric.name), glob = placeholders_as_globs(metric.name);
    // Either the pattern matches the name as written, or a name the placeholder stands for fits both.
    if (glob_matches(pattern, name) || glob_matches(pattern, glob) || glob_matches(glob, pattern)) return "";
    names.push_back(name);
  }
  std::string message = "no KPI matches '" + pattern + "'";
  const std::string suggestion = did_you_mean(pattern, names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  return message + "; docs/reference/outputs.md lists the KPIs";
}

}  // namespace probsim
