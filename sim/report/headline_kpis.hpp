#pragma once
// The KPIs a report shows first: in a comparison's chart by default (the rest one click away), and in
// a sweep's KPI menu. A sweep may name its own (`headline_kpis`); otherwise they are chosen by what the
// sweep varies, since a facilitator sweep is read by its BBR completions, not by caseworkers' workload.

#include <string>
#include <vector>

namespace probsim {

// The national KPIs a director or a policy team reads first (the page's headline cards, and the RAG
// and BBR waiting-list outcomes).
[[nodiscard]] const std::vector<std::string>& headline_kpis();
[[nodiscard]] bool is_headline_kpi(const std::string& kpi);

struct SweepHeadline {
  std::vector<std::string> kpis;
  std::string reason;  // for the page: "named by the sweep" or what the choice was made from
};

// The headline KPIs of a sweep that names none: `subject` is what its points vary, as words (the key
// paths, the names of the list items they step through, e.g. a staff group's grade, and the values).
[[nodiscard]] SweepHeadline default_sweep_headline(const std::string& subject);

}  // namespace probsim
