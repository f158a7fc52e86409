#include "interventions/toolkit_delivery.hpp"

#include <algorithm>
#include <cmath>

#include "office/pdu_office.hpp"

namespace probsim {

Day ToolkitDelivery::interval_days() const {
  return std::max<Day>(1, static_cast<Day>(std::lround(rules_.session_interval_weeks * 7)));
}

void ToolkitDelivery::start(std::uint32_t office, std::uint32_t case_slot, CaseId case_id, Day day) {
  const auto index = static_cast<std::uint32_t>(toolkit_courses_.size());
  toolkit_courses_.push_back(ToolkitCourse{office, case_slot, case_id, day + interval_days()});
  toolkit_of_case_[case_id] = index;
}

void ToolkitDelivery::case_ended(CaseId case_id) {
  if (auto t = toolkit_of_case_.find(case_id); t != toolkit_of_case_.end()) {
    toolkit_courses_[t->second].ended = true;
    toolkit_of_case_.erase(t);
  }
}

void ToolkitDelivery::work_day(Day day, std::span<PduOffice* const> offices,
                               std::span<const InterventionMeasures> measures) {
  const Day interval = interval_days();
  for (ToolkitCourse& course : toolkit_courses_) {
    if (course.ended || course.next_session_day > day) continue;
    if (course.sessions_requested >= rules_.sessions) {
      course.ended = true;
      toolkit_of_case_.erase(course.case_id);
      continue;
    }
    course.next_session_day = day + interval;
    if (measures[course.office].toolkit_delivery_stopped) continue;  // RAG-9, RAG-11
    // Delivered by the case's practitioner from their own hours, due before the next one.
    if (offices[course.office]->add_toolkit_session(course.case_slot, course.case_id,
                                                    rules_.hours_per_session, day, day + interval - 1))
      course.sessions_requested += 1;
  }
}

}  // namespace probsim
