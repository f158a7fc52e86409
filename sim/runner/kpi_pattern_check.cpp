#include "runner/kpi_pattern_check.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "config/diagnostics.hpp"
#include "output/metric_catalogue.hpp"

namespace probsim {

namespace {

// `si_cohort_completed_<programme>` → `si_cohort_completed_*`: the catalogue's placeholders as globs.
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

// `name` with every placeholder replaced by `fill`.
std::string filled(std::string_view name, const std::string& fill) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const std::size_t close = name[i] == '<' ? name.find('>', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      out += name[i];
      continue;
    }
    out += fill;
    i = close;
  }
  return out;
}

// Whether some name of the family `name` (a placeholder filled with anything) could match `pattern`.
// Exact would be an intersection of two globs; instead the placeholder is filled with the pattern's own
// literal pieces (`si_*_kaizen` fills it with `kaizen`, `si` and `` in turn), which a pattern aimed at a
// family member names, and a misspelling does not rescue.
bool family_could_match(std::string_view name, const std::string& pattern) {
  std::vector<std::string> fills{""};
  std::string piece;
  for (std::size_t i = 0; i <= pattern.size(); ++i) {
    const char c = i < pattern.size() ? pattern[i] : '*';
    if (c == '[') i = std::min(pattern.find(']', i), pattern.size());
    if (c == '*' || c == '?' || c == '[') {
      const std::size_t first = piece.find_first_not_of('_'), last = piece.find_last_not_of('_');
      if (first != std::string::npos) fills.push_back(piece.substr(first, last - first + 1));
      piece.clear();
    } else {
      piece += c;
    }
  }
  for (const std::string& fill : fills)
    if (glob_matches(pattern, filled(name, fill))) return true;
  return false;
}

}  // namespace

std::string unmatched_kpi_pattern(const std::string& pattern) {
  std::vector<std::string> names;
  for (const MetricSpec& metric : metric_catalogue()) {
    if (metric.file != MetricFile::kpis) continue;
    const std::string name(metric.name), glob = placeholders_as_globs(metric.name);
    // Either the pattern matches the name as written, or a name the placeholder stands for fits both.
    if (glob_matches(pattern, name) || glob_matches(pattern, glob) || glob_matches(glob, pattern) ||
        (glob != name && family_could_match(metric.name, pattern)))
      return "";
    names.push_back(name);
  }
  std::string message = "no KPI matches '" + pattern + "'";
  const std::string suggestion = did_you_mean(pattern, names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  return message + "; docs/reference/outputs.md lists the KPIs";
}

std::string unknown_national_kpi(const std::string& kpi, const std::string& reader) {
  const MetricSpec* spec = find_metric(MetricFile::kpis, kpi);
  if (spec != nullptr && (spec->levels & kNational) != 0) return "";
  std::vector<std::string> national;
  for (const MetricSpec& m : metric_catalogue())
    if (m.file == MetricFile::kpis && (m.levels & kNational) != 0 &&
        m.name.find('<') == std::string_view::npos)
      national.emplace_back(m.name);
  std::string message = spec != nullptr ? "'" + kpi + "' is not a national KPI (" + reader + ")"
                                        : "no KPI is called '" + kpi + "'";
  // --kpis takes shell globs; a rule or a headline names each KPI whole.
  if (spec == nullptr && kpi.find_first_of("*?[") != std::string::npos)
    return message +
           ": name each KPI in full here (patterns are for --kpis); docs/reference/outputs.md lists them";
  // The catalogue's names are lower case, a family's members too: `si_period_completions_Stepwise` is
  // `si_period_completions_stepwise` misspelt, which the closest whole name (`si_period_completions`,
  // families have no members here) missed.
  std::string lower = kpi;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const MetricSpec* in_lower_case = spec == nullptr ? find_metric(MetricFile::kpis, lower) : nullptr;
  const std::string suggestion = in_lower_case != nullptr && (in_lower_case->levels & kNational) != 0
                                     ? lower
                                     : did_you_mean(kpi, national);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  return message + "; docs/reference/outputs.md lists the KPIs";
}

}  // namespace probsim
