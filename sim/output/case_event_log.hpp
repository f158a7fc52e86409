#pragma once
// events.csv: one row per thing that happens to a case (--events), for audit and research.

#include <ostream>

#include "office/case_event_sink.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class CaseEventLog final : public CaseEventSink {
 public:
  CaseEventLog(std::ostream& out, std::uint64_t replication, const SimulationWindow& window)
      : out_(out), replication_(replication), window_(window) {}

  static const char* header();
  void record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
              std::string_view practitioner_name) override;
  void record_intervention(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                           std::string_view reason) override;

 private:
  void write_row(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                 std::string_view practitioner_name, std::string_view reason);

  std::ostream& out_;
  std::uint64_t replication_;
  const SimulationWindow& window_;
};

}  // namespace probsim
