#pragma once
// The Skills for Relationships Toolkit (SRT-1, SRT-2), one part of an interventions team: a course of
// sessions, each delivered by the case's own practitioner from their hours (the team asks the office to
// add the session to the practitioner's work), one every `session_interval_weeks`, until the course's
// sessions are asked for or the order ends. Not asked for while a RAG measure stops toolkit delivery.

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "caseload/case.hpp"
#include "interventions/intervention_rules.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

class PduOffice;

class ToolkitDelivery {
 public:
  explicit ToolkitDelivery(const ToolkitRules& rules) : rules_(rules) {}

  // Case `case_id`, in slot `case_slot` of the team's office `office`, starts a course on `day`.
  void start(std::uint32_t office, std::uint32_t case_slot, CaseId case_id, Day day);
  // The case's order ended: its course, if any, ends.
  void case_ended(CaseId case_id);
  // Asks the practitioners for the sessions due on `day`. `offices` and `measures` are the team's, by
  // its office index.
  void work_day(Day day, std::span<PduOffice* const> offices, std::span<const InterventionMeasures> measures);

  // One case's course; `ended` when its sessions have all been asked for or its order ended.
  struct ToolkitCourse {
    std::uint32_t office = 0;
    std::uint32_t case_slot = 0;
    CaseId case_id = 0;
    Day next_session_day = 0;
    std::int32_t sessions_requested = 0;
    bool ended = false;
  };
  // Every course begun, in the order begun (ended ones too).
  [[nodiscard]] std::span<const ToolkitCourse> courses() const { return toolkit_courses_; }
  // Every session of the course has been asked of the practitioner.
  [[nodiscard]] bool finished(const ToolkitCourse& course) const {
    return course.sessions_requested >= rules_.sessions;
  }

 private:
  [[nodiscard]] Day interval_days() const;

  const ToolkitRules& rules_;
  std::vector<ToolkitCourse> toolkit_courses_;
  std::unordered_map<CaseId, std::uint32_t> toolkit_of_case_;
};

}  // namespace probsim
