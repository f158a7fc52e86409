#pragma once
// A unit of sentence-management work: what it is, for which case, how many hours it needs and by when.
// Work is counted in whole seconds so that hours are conserved exactly (demanded = worked + open +
// cancelled + missed, with no floating-point residue); outputs convert to hours.

#include <array>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "caseload/case.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

using WorkSeconds = std::int64_t;
inline constexpr double kSecondsPerHour = 3600.0;

[[nodiscard]] inline WorkSeconds seconds_of_hours(double hours) {
  return static_cast<WorkSeconds>(std::llround(hours * kSecondsPerHour));
}
[[nodiscard]] inline double hours_of(WorkSeconds seconds) {
  return static_cast<double>(seconds) / kSecondsPerHour;
}

// The kinds of task (docs/sources.md, pathway: "INITIAL ASSESSMENT", "SUPERVISION LOOP", "TERMINATION").
enum class TaskKind : std::uint8_t {
  initial_assessment,  // OASys at the start of supervision (G-6)
  sara,                // SARA, domestic-abuse cases (TS-2, G-6)
  home_visit,          // domestic-abuse cases (TS-1, G-7)
  contact,             // a supervision appointment, due within its window (G-3, G-24)
  periodic_review,     // RoH and plan review every N weeks (3a.10, G-5)
  event_review,        // review after a significant event (3a.13, TS-5, G-5)
  termination,         // closing the case (last practitioner)
  court_report,        // pre-sentence report, PDU workload (3a.1, G-28)
  toolkit_session,     // Skills for Relationships Toolkit, one-to-one with the case's practitioner (SRT-1)
  absence_judgement,   // recording and judging a missed appointment, with any warning (enforcement_rules.hpp)
  breach_action,       // laying a breach, due within N working days of the failure (3a.2)
  risk_management_plan,  // high/very high RoSH, within N working days of the start (3a.12, G-6)
};
inline constexpr std::size_t kTaskKindCount = 12;
inline constexpr std::array<std::string_view, kTaskKindCount> kTaskKindNames = {
    "initial_assessment", "sara",
    "home_visit",         "contact",
    "periodic_review",    "event_review",
    "termination",        "court_report",
    "toolkit_session",    "absence_judgement",
    "breach_action",      "risk_management_plan"};

inline std::string_view to_string(TaskKind kind) {
  return kTaskKindNames[static_cast<std::size_t>(kind)];
}

inline constexpr std::uint32_t kNoTask = 0xffffffffU;
inline constexpr std::uint32_t kNoCaseSlot = 0xffffffffU;

struct Task {
  TaskKind kind = TaskKind::contact;
  bool mandated = false;  // in the scenario's mandated_tasks
  bool open = false;
  bool face_to_face = false;  // contacts: delivered in person (G-4)
  bool deferred = false;      // let slip by an overloaded holder: worked after all else (OverloadTriage)
  bool set_aside = false;     // judged not needed under revised measures: never worked (RAG-13)
  RoshLevel rosh = RoshLevel::low;  // the case's RoSH (the task order may put high RoSH first)
  bool domestic_abuse = false;      // the case's DA flag (its tasks are also counted apart: §11.12)
  bool after_event = false;         // a home visit an event brought (TS-1, G-7), not the start's
  std::uint32_t generation = 0;     // bumped when the task is freed, moved or cancelled (stale queue entries)
  std::uint32_t case_slot = kNoCaseSlot;  // the office's case slot; kNoCaseSlot for court reports etc.
  std::uint32_t next_of_case = kNoTask;   // the case's open tasks form a list
  CaseId case_id = 0;                     // ordering tie-break and audit; a sequence for non-case tasks
  PractitionerIndex holder = kUnallocated;
  WorkSeconds seconds = 0;            // the whole task
  WorkSeconds seconds_remaining = 0;  // not yet worked
  Day available_from = 0;             // the day it was created; work may start that day
  Day due_day = 0;                    // done on or before this day is on time (a contact's window end)
};

}  // namespace probsim
