#pragma once
// The KPIs and monthly series of appointments, absences and breach (issue 24; docs/reference/outputs.md),
// written only when the scenario enables enforcement, so scenarios without it keep their outputs; those of
// the first weeks' appointments (SDA-10) only when it sets that standard.

#include <string>
#include <vector>

#include "office/pdu_office.hpp"
#include "output/replication_result.hpp"

namespace probsim {

class EnforcementRecorder {
 public:
  EnforcementRecorder(std::vector<const PduOffice*> offices, std::vector<std::size_t> region_of_office,
                      std::vector<std::string> region_names, bool first_weeks_standard);

  void open_window(Day first_report_day);
  // The month ending on `last`: rows by PDU, region and nation.
  void close_period(const std::string& iso, Day last, ReplicationResult& result);
  // The window's KPIs of the offices `units` (indices), as `level`/`unit`.
  void add_window_kpis(const std::string& level, const std::string& unit,
                       const std::vector<std::size_t>& units, Day first, Day last,
                       std::vector<Kpi>& kpis) const;

 private:
  struct Figures {  // flows over a period, summed over offices
    EnforcementCounters flows;
    std::int64_t breaches_due = 0, breaches_on_time = 0;  // by due day, like reviews
    std::int64_t breaches_domestic_abuse_due = 0, breaches_domestic_abuse_on_time = 0;  // of those (§11.12)
    void add(const Figures& other);
  };
  [[nodiscard]] Figures figures_of(std::size_t office, const EnforcementCounters& before, Day first,
                                   Day last) const;

  std::vector<const PduOffice*> offices_;
  std::vector<std::size_t> region_of_office_;
  std::vector<std::string> region_names_;
  std::vector<EnforcementCounters> at_window_open_, at_last_period_;
  Day period_first_day_ = 0;
  bool first_weeks_standard_;
};

}  // namespace probsim
