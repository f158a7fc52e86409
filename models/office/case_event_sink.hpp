#pragma once
// Where a PDU office reports what happens to each case, for the optional per-case event log.

#include <string_view>

#include "caseload/case.hpp"
#include "sentence_management/task.hpp"

namespace probsim {

enum class CaseEvent { initial, referral, allocated, terminated };
inline constexpr std::array<std::string_view, 4> kCaseEventNames = {"initial", "referral", "allocated",
                                                                    "terminated"};

class CaseEventSink {
 public:
  virtual ~CaseEventSink() = default;
  // `practitioner_name` is empty when the event involves no practitioner.
  virtual void record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
                      std::string_view practitioner_name) = 0;
  // A step of the case through an intervention (docs/reference/outputs.md): `event` names the programme and
  // the step ("bbr_start"), `reason` is the termination reason of an order that ended it, or empty;
  // `requirement_day` is the day the requirement was made (before the window for the warm-start list), so
  // that waits can be computed from the log alone. Sinks that only follow cases through supervision ignore
  // it.
  virtual void record_intervention(Day /*day*/, std::string_view /*event*/, const Case& /*c*/,
                                   std::string_view /*pdu_name*/, std::string_view /*reason*/,
                                   Day /*requirement_day*/) {}
  // Whether the sink wants a row per programme group session attended or missed (`--events-sessions`):
  // a row per member per session held (in bbr_capacity 2.7 times every other intervention row together;
  // docs/reference/outputs.md gives the sizes), so off unless asked for.
  [[nodiscard]] virtual bool wants_sessions() const { return false; }
  // A casework task of case `c` completed on `day` by `practitioner_name`, its holder. Asked for only
  // when wants_tasks(): an office collects nothing otherwise.
  virtual void record_task_done(Day /*day*/, TaskKind /*kind*/, const Case& /*c*/,
                                std::string_view /*pdu_name*/, std::string_view /*practitioner_name*/) {}
  // Whether the sink wants a row per casework task of a case completed, contacts aside (`--events-tasks`):
  // when each OASys review was done, for comparisons case by case (docs/reference/outputs.md gives the
  // sizes).
  [[nodiscard]] virtual bool wants_tasks() const { return false; }
};

}  // namespace probsim
