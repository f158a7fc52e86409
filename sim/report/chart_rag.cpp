#include <algorithm>

#include "report/chart_parts.hpp"

// The RAG heat map: a PDU × month grid of the status most replications had.

namespace probsim::chart {

void add_rag_chart(const ReportData& data, std::vector<Chart>& charts) {
  Json values = Json::array();
  Json pdu_order = Json::array();
  static const char* const kStatus[] = {"green", "amber", "red"};
  static const char* const kLetter[] = {"G", "A", "R"};
  for (const auto* entry : series_of(data, kRagStatusMetric)) {
    if (entry->first.level != "pdu") continue;
    pdu_order.push(entry->first.unit);
    for (const auto& v : entry->second) {
      const std::size_t total = v.status_counts[0] + v.status_counts[1] + v.status_counts[2];
      if (total == 0) continue;
      // The most frequent status over replications; a tie goes to the worse one.
      std::size_t mode = 0;
      for (std::size_t s = 1; s < 3; ++s)
        if (v.status_counts[s] >= v.status_counts[mode]) mode = s;
      values.push(Json::object({{"pdu", entry->first.unit},
                                {"month", v.date},
                                {"status", kStatus[mode]},
                                {"letter", kLetter[mode]},
                                {"replications", std::to_string(v.status_counts[0]) + " green, " +
                                                     std::to_string(v.status_counts[1]) + " amber, " +
                                                     std::to_string(v.status_counts[2]) + " red"}}));
    }
  }
  const auto* cells = values.as_array();
  if (!cells || cells->empty()) return;
  // Up to 30 px a month, narrower for long runs so that the map fits a laptop screen and a printed page.
  const std::size_t months = cells->size() / std::max<std::size_t>(1, pdu_order.as_array()->size());
  const double cell_width =
      std::clamp(960.0 / static_cast<double>(std::max<std::size_t>(1, months)), 12.0, 30.0);
  Json spec = Json::object(
      // Both sizes by step (no "container" width, which Vega-Lite cannot fit to a discrete axis): a
      // cell per PDU and month, as wide as the months need.
      {{"width", Json::object({{"step", cell_width}})},
       {"height", Json::object({{"step", 24}})},
       {"data", Json::object({{"values", std::move(values)}})},
       {"encoding",
        Json::object(
            {{"x", Json::object({{"field", "month"},
                                 {"type", "ordinal"},
                                 {"timeUnit", "yearmonth"},
                                 {"title", "month"},
                                 {"axis", Json::object({{"format", "%b %Y"}, {"labelAngle", -45}})}})},
             {"y", Json::object(
                       {{"field", "pdu"}, {"type", "nominal"}, {"title", "PDU"}, {"sort", pdu_order}})}})},
       {"layer",
        Json::array(
            {Json::object(
                 {{"mark", Json::object({{"type", "rect"}, {"stroke", "white"}, {"strokeWidth", 1}})},
                  {"encoding",
                   Json::object(
                       {{"color",
                         Json::object(
                             {{"field", "status"},
                              {"type", "nominal"},
                              {"title", "RAG status (letters: G, A, R)"},
                              {"scale",
                               Json::object({{"domain", Json::array({"green", "amber", "red"})},
                                             {"range", Json::array({kRagGreen, kRagAmber, kRagRed})}})}})},
                        {"tooltip",
                         Json::array(
                             {Json::object({{"field", "pdu"}, {"title", "PDU"}}),
                              Json::object({{"field", "month"},
                                            {"type", "temporal"},
                                            {"timeUnit", "yearmonth"},
                                            {"title", "month"}}),
                              Json::object({{"field", "status"}, {"title", "status (most frequent)"}}),
                              Json::object({{"field", "replications"}, {"title", "replications"}})})}})}}),
             Json::object(
                 {{"mark", Json::object({{"type", "text"}, {"fontWeight", "bold"}, {"fontSize", 11}})},
                  {"encoding",
                   Json::object({{"text", Json::object({{"field", "letter"}})},
                                 {"color", Json::object({{"condition",
                                                          Json::object({{"test", "datum.status === 'amber'"},
                                                                        {"value", "black"}})},
                                                         {"value", "white"}})}})}})})}});
  charts.push_back({"chart-rag-heatmap", "rag", "RAG status by PDU and month",
                    "Each cell is a PDU's red/amber/green status at the month end, the status most "
                    "replications had (a tie shows the worse). The letter repeats the colour.",
                    std::move(spec)});
}

}  // namespace probsim::chart
