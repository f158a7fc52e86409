#pragma once
// The metric catalogue (issues 20 and 22): every KPI of kpis.csv and every monthly series of
// timeseries.csv, with its unit, the levels it is written at, how it combines across units, and the
// chart group a report would draw it in. Every name, and every family's pattern, is a constant of
// metric_names.hpp that the tables here and the recorders both use (the report still picks some
// metrics by name in sim/report). The test
// tests/docs/check_metric_catalogue.py runs shipped scenarios and fails on any name written that the
// catalogue lacks (or at a level it does not list), and on any difference between the catalogue and
// the metric tables of docs/reference/outputs.md, so the three cannot drift apart unnoticed.
//
// A name is exact, or a family pattern with one `<placeholder>` standing for a generated suffix:
// `<grade>` the seven grade names, `<reason>` the termination reasons, `<programme>` a structured
// intervention's `name` from the scenario.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace probsim {

enum class MetricFile { kpis, timeseries };

// The levels a metric is written at, as bits (a metric may be written at several).
enum MetricLevel : std::uint8_t { kNational = 1, kRegion = 2, kPdu = 4, kTeam = 8 };

// How a unit's value relates to its parts: sum (counts and stocks add up), mean (an average over
// people, cases or samples), share (a ratio of sums, so not additive), quantile (a percentile of
// samples), max, status (a coded state).
enum class Aggregation { sum, mean, share, quantile, max, status };

struct MetricSpec {
  MetricFile file;
  std::string_view name;  // exact, or a family pattern with one <placeholder>
  std::string_view unit;  // as docs/reference/outputs.md gives it
  std::uint8_t levels;    // MetricLevel bits
  Aggregation aggregation;
  // The report's chart for it: caseload, terminations, staffing, workload, timeliness, hours, rag,
  // enforcement, si, daso, cohort; for BBR, bbr_flow (requirements, starts, completions), bbr_exits
  // (leaving without completing), bbr_list (people on or around the list), bbr_wait (waits in weeks)
  // and bbr (the rest). sim/report/chart_specs.cpp picks BBR charts by these and the unit.
  std::string_view chart_group;
  std::string_view description;
};

// Every metric, KPIs first, in the order the docs list them.
std::span<const MetricSpec> metric_catalogue();

// True when `name` is `pattern`, or `pattern` has a `<placeholder>` and `name` is its text with the
// placeholder replaced by one or more of [a-z0-9_].
bool metric_name_matches(std::string_view pattern, std::string_view name);

// The catalogue's entry for a written name (an exact entry before a family), or nullptr.
const MetricSpec* find_metric(MetricFile file, std::string_view name);

// "national", "region", "pdu", "team" to its bit; 0 for anything else.
std::uint8_t metric_level_bit(std::string_view level);

std::string_view aggregation_name(Aggregation aggregation);

}  // namespace probsim
