#pragma once
// events.csv: one row per thing that happens to a case (--events), for audit and research.
// Intervention rows carry the requirement's date; with --events-sessions (`sessions`) also a row per
// programme group session each member attended or missed, and with --events-tasks (`tasks`) a row per
// casework task of a case completed, contacts aside (docs/reference/outputs.md).

#include <limits>
#include <ostream>

#include "office/case_event_sink.hpp"
#include "scenario/scenario.hpp"

namespace probsim {

// The rows written beyond the case events, each off unless asked for (they are many).
struct OptionalEventRows {
  bool sessions = false;  // --events-sessions
  bool tasks = false;     // --events-tasks
};

class CaseEventLog final : public CaseEventSink {
 public:
  CaseEventLog(std::ostream& out, std::uint64_t replication, const SimulationWindow& window,
               OptionalEventRows optional_rows = {})
      : out_(out), replication_(replication), window_(window), optional_rows_(optional_rows) {}

  static const char* header();
  void record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
              std::string_view practitioner_name) override;
  void record_intervention(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                           std::string_view reason, Day requirement_day) override;
  [[nodiscard]] bool wants_sessions() const override { return optional_rows_.sessions; }
  void record_task_done(Day day, TaskKind kind, const Case& c, std::string_view pdu_name,
                        std::string_view practitioner_name) override;
  [[nodiscard]] bool wants_tasks() const override { return optional_rows_.tasks; }

 private:
  // `requirement_day` kNoRequirement: a supervision row, whose requirement_date field is empty.
  static constexpr Day kNoRequirement = std::numeric_limits<Day>::min();
  void write_row(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                 std::string_view practitioner_name, std::string_view reason, Day requirement_day);

  std::ostream& out_;
  std::uint64_t replication_;
  const SimulationWindow& window_;
  OptionalEventRows optional_rows_;
};

}  // namespace probsim
