#pragma once
// A scenario, typed and validated. The YAML loader (sim/config) is the only code that reads scenario
// files; everything downstream reads this struct.

#include <string>
#include <vector>

#include "caseload/caseload_rules.hpp"
#include "caseload/referral_process.hpp"
#include "core/calendar_date.hpp"
#include "workforce/grade.hpp"

namespace probsim {

enum class WarmStart { empty, steady_state };

// When the simulation runs. Day 0 is `warm_up_weeks` before the report start; KPIs and time series
// cover the report window [report_start, report_end] only.
struct SimulationWindow {
  CalendarDate report_start;
  CalendarDate report_end;  // inclusive
  int warm_up_weeks = 0;
  WarmStart warm_start = WarmStart::steady_state;

  [[nodiscard]] Day first_report_day() const { return warm_up_weeks * 7; }
  [[nodiscard]] CalendarDate day_zero() const { return report_start.plus_days(-first_report_day()); }
  [[nodiscard]] Day last_day() const {
    return first_report_day() +
           static_cast<Day>(report_end.days_since_epoch() - report_start.days_since_epoch());
  }
  [[nodiscard]] CalendarDate date_of(Day day) const { return day_zero().plus_days(day); }
};

// Practitioners of one grade in post in a PDU at the start.
struct StaffGroup {
  Grade grade = Grade::po;
  int headcount = 0;
  double fte_each = 1.0;
};

struct PduSpec {
  std::string name;
  ReferralRate referrals;
  std::vector<StaffGroup> staff;
};

struct RegionSpec {
  std::string name;
  std::vector<PduSpec> pdus;
};

struct Scenario {
  std::string name;
  std::string description;
  SimulationWindow window;
  CaseloadRules caseload;
  std::vector<RegionSpec> regions;

  [[nodiscard]] std::size_t pdu_count() const {
    std::size_t n = 0;
    for (const auto& region : regions) n += region.pdus.size();
    return n;
  }
  // The longest a case can last: how far back the warm-start pre-history must look.
  [[nodiscard]] Day longest_sentence_days() const;
};

}  // namespace probsim
