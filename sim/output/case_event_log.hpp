#pragma once
// events.csv: one row per thing that happens to a case (--events), for audit and research.
// Intervention rows carry the requirement's date; with --events-sessions (`sessions`) also a row per
// programme group session each member attended or missed (docs/reference/outputs.md).

#include <limits>
#include <ostream>

#include "office/case_event_sink.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

class CaseEventLog final : public CaseEventSink {
 public:
  CaseEventLog(std::ostream& out, std::uint64_t replication, const SimulationWindow& window,
               bool sessions = false)
      : out_(out), replication_(replication), window_(window), sessions_(sessions) {}

  static const char* header();
  void record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
              std::string_view practitioner_name) override;
  void record_intervention(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                           std::string_view reason, Day requirement_day) override;
  [[nodiscard]] bool wants_sessions() const override { return sessions_; }

 private:
  // `requirement_day` kNoRequirement: a supervision row, whose requirement_date field is empty.
  static constexpr Day kNoRequirement = std::numeric_limits<Day>::min();
  void write_row(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                 std::string_view practitioner_name, std::string_view reason, Day requirement_day);

  std::ostream& out_;
  std::uint64_t replication_;
  const SimulationWindow& window_;
  bool sessions_;
};

}  // namespace probsim
