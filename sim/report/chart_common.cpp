#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "report/chart_parts.hpp"

namespace probsim::chart {

namespace {

int level_rank(const std::string& level) {
  return level == "national" ? 0 : level == "region" ? 1 : 2;
}

}  // namespace

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

// A unit as the page names it: "National", "Region: X", "PDU: Y".
std::string unit_label(const SeriesKey& key) {
  if (key.level == "national") return "National";
  if (key.level == "region") return "Region: " + key.unit;
  if (key.level == "pdu") return "PDU: " + key.unit;
  return key.level + ": " + key.unit;
}

std::vector<const SeriesEntry*> series_of(const ReportData& data,
                                          const std::map<SeriesKey, std::vector<SeriesValue>>& series,
                                          const std::string& metric) {
  std::vector<const SeriesEntry*> found;
  for (const auto& entry : series)
    if (entry.first.metric == metric) found.push_back(&entry);
  auto position = [&](const SeriesKey& key) -> std::size_t {
    const auto& units = key.level == "region" ? data.regions : data.pdus;
    return static_cast<std::size_t>(std::find(units.begin(), units.end(), key.unit) - units.begin());
  };
  std::stable_sort(found.begin(), found.end(), [&](const auto* a, const auto* b) {
    if (level_rank(a->first.level) != level_rank(b->first.level))
      return level_rank(a->first.level) < level_rank(b->first.level);
    return position(a->first) < position(b->first);
  });
  return found;
}

std::vector<const SeriesEntry*> series_of(const ReportData& data, const std::string& metric) {
  return series_of(data, data.series, metric);
}

void sort_unit_labels(std::vector<std::string>& units) {
  std::stable_sort(units.begin(), units.end(), [](const std::string& a, const std::string& b) {
    auto rank = [](const std::string& u) {
      return starts_with(u, "National") ? 0 : starts_with(u, "Region") ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
}

Json tooltip(std::initializer_list<std::pair<const char*, const char*>> fields, const char* format) {
  Json items = Json::array();
  for (const auto& [field, title] : fields) {
    Json item = Json::object({{"field", field}, {"title", title}});
    static const std::set<std::string> numbers = {"mean", "lo", "hi", "base_mean", "other_mean"};
    if (numbers.count(field)) item.set("type", "quantitative").set("format", format);
    items.push(std::move(item));
  }
  return items;
}

Json select_param(const std::string& name, const std::string& label,
                  const std::vector<std::string>& options) {
  Json choices = Json::array();
  for (const auto& option : options) choices.push(option);
  return Json::object({{"name", name},
                       {"value", options.empty() ? Json() : Json(options.front())},
                       {"bind", Json::object({{"input", "select"}, {"options", choices}, {"name", label}})}});
}

Json time_axis() {
  // A tick per month (labels thinned where they would overlap), never two labels for one month.
  return Json::object(
      {{"format", "%b %Y"}, {"tickCount", "month"}, {"labelOverlap", true}, {"labelSeparation", 8}});
}

// Monthly lines with their 95% CI bands, one unit at a time (chosen on the page).
Json series_spec(const ReportData& data, const std::vector<SeriesLine>& lines, const std::string& y_title,
                 double scale, bool by_grade, bool zero) {
  Json values = Json::array();
  std::vector<std::string> units;
  std::set<std::string> seen_units;
  // A quantity no replication ever took below 0 (people, FTE, a share) gets its CI band clipped at 0:
  // a t-interval over few replications can reach below, which only misleads.
  bool non_negative = true;
  for (const auto& line : lines)
    for (const auto* entry : series_of(data, line.metric))
      for (const auto& v : entry->second) non_negative = non_negative && v.min >= 0.0;
  const double floor = non_negative ? 0.0 : -std::numeric_limits<double>::infinity();
  for (const auto& line : lines)
    for (const auto* entry : series_of(data, line.metric)) {
      const std::string unit = unit_label(entry->first);
      for (const auto& v : entry->second) {
        Json row = Json::object({{"date", v.date},
                                 {"unit", unit},
                                 {"series", line.series},
                                 {"mean", v.stats.mean * scale},
                                 {"lo", std::max(floor, v.stats.ci95_low * scale)},
                                 {"hi", v.stats.ci95_high * scale}});
        if (by_grade) row.set("grade", line.grade).set("measure", line.measure);
        values.push(std::move(row));
      }
      if (seen_units.insert(unit).second) units.push_back(unit);
    }
  sort_unit_labels(units);  // national first, whichever metric listed it
  const Json y_scale = Json::object({{"zero", zero}});
  const Json y_axis =
      Json::object({{"field", "mean"}, {"type", "quantitative"}, {"title", y_title}, {"scale", y_scale}});
  Json band_encoding = Json::object(
      {{"y",
        Json::object({{"field", "lo"}, {"type", "quantitative"}, {"title", y_title}, {"scale", y_scale}})},
       {"y2", Json::object({{"field", "hi"}})}});
  Json line_encoding = Json::object({{"y", y_axis}});
  if (by_grade) {
    const Json grade = Json::object({{"field", "grade"}, {"type", "nominal"}, {"title", "grade"}});
    band_encoding.set("color", grade).set("detail", Json::object({{"field", "measure"}}));
    line_encoding.set("color", grade)
        .set("strokeDash", Json::object({{"field", "measure"},
                                         {"type", "nominal"},
                                         {"title", "line"},
                                         {"sort", Json::array({"in post", "establishment"})},
                                         // Vega draws this legend's dashes without a colour; the
                                         // caption says solid is in post, dashed establishment.
                                         {"legend", nullptr}}));
  } else {
    // One legend, drawn from the lines (a dashed line per series, so colour is not needed to tell
    // them apart); none for a single series, which the chart's title names.
    Json series = Json::object({{"field", "series"}, {"type", "nominal"}, {"title", nullptr}});
    if (lines.size() == 1) series.set("legend", nullptr);
    band_encoding.set("color", series);
    line_encoding.set("color", series).set("strokeDash", series);
  }
  line_encoding.set("tooltip", tooltip({{"series", "series"},
                                        {"unit", "unit"},
                                        {"date", "month end"},
                                        {"mean", "mean"},
                                        {"lo", "95% CI low"},
                                        {"hi", "95% CI high"}}));
  return Json::object(
      {{"width", "container"},
       {"height", 240},
       {"config", Json::object({{"legend", Json::object({{"symbolType", "stroke"},
                                                         {"symbolStrokeWidth", 2},
                                                         {"symbolOpacity", 1},
                                                         {"symbolSize", 300},
                                                         {"symbolStrokeColor", "#444"}})}})},
       {"data", Json::object({{"values", std::move(values)}})},
       {"params", Json::array({select_param("unit", "Unit ", units)})},
       {"transform", Json::array({Json::object({{"filter", "datum.unit === unit"}})})},
       {"encoding", Json::object({{"x", Json::object({{"field", "date"},
                                                      {"type", "temporal"},
                                                      {"title", "month end"},
                                                      {"axis", time_axis()}})}})},
       {"layer", Json::array({Json::object({{"mark", Json::object({{"type", "area"}, {"opacity", 0.18}})},
                                            {"encoding", std::move(band_encoding)}}),
                              Json::object({{"mark", Json::object({{"type", "line"},
                                                                   {"strokeWidth", 2},
                                                                   {"point", Json::object({{"size", 18}})}})},
                                            {"encoding", std::move(line_encoding)}})})}});
}

// Bars (or points) with 95% CI rules, one per KPI, in the given order.
Json kpi_bars_spec(const ReportData& data, const std::vector<std::pair<std::string, std::string>>& kpis,
                   const std::string& category_title, const std::string& value_title, bool points) {
  Json values = Json::array();
  Json order = Json::array();
  for (const auto& [kpi, label] : kpis)
    if (const KpiRow* row = data.kpi(kpi)) {
      values.push(Json::object({{"label", label},
                                {"kpi", kpi},
                                {"mean", row->stats.mean},
                                {"lo", row->stats.ci95_low},
                                {"hi", row->stats.ci95_high}}));
      order.push(label);
    }
  const Json category = Json::object({{"field", "label"},
                                      {"type", "nominal"},
                                      {"title", category_title},
                                      {"sort", order},
                                      {"axis", Json::object({{"labelAngle", 0}})}});
  const Json value = Json::object({{"field", "mean"}, {"type", "quantitative"}, {"title", value_title}});
  Json main_mark = points ? Json::object({{"type", "point"}, {"filled", true}, {"size", 80}})
                          : Json::object({{"type", "bar"}, {"color", "#4c78a8"}, {"opacity", 0.85}});
  return Json::object(
      {{"width", "container"},
       {"height", 220},
       {"data", Json::object({{"values", std::move(values)}})},
       {"encoding", Json::object({{"x", category}})},
       {"layer",
        Json::array(
            {Json::object({{"mark", main_mark},
                           {"encoding", Json::object({{"y", value},
                                                      {"tooltip", tooltip({{"kpi", "KPI"},
                                                                           {"mean", "mean"},
                                                                           {"lo", "95% CI low"},
                                                                           {"hi", "95% CI high"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "rule"}, {"strokeWidth", 2}, {"color", "#222"}})},
                  {"encoding", Json::object({{"y", Json::object({{"field", "lo"}, {"type", "quantitative"}})},
                                             {"y2", Json::object({{"field", "hi"}})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "text"}, {"dy", -8}, {"align", "left"}, {"dx", 6}})},
                  {"encoding", Json::object({{"y", Json::object({{"field", "hi"}, {"type", "quantitative"}})},
                                             {"text", Json::object({{"field", "mean"},
                                                                    {"type", "quantitative"},
                                                                    {"format", ",.1f"}})}})}})})}});
}

// A BBR KPI's or metric's label: its name without the prefix.
std::string suffix_after(const std::string& name, const std::string& prefix) {
  return starts_with(name, prefix) ? name.substr(prefix.size()) : name;
}

}  // namespace probsim::chart
