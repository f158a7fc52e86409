#pragma once
// What tasks a case creates and when, from the scenario's rules and the working calendar: the one-off
// tasks at the start of supervision, the contact windows, the periodic review dates, the event-review
// dates and every due day. Pure arithmetic; PduCasework turns it into tasks.

#include <boost/container/static_vector.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "core/working_calendar.hpp"
#include "sentence_management/task_rules.hpp"

namespace probsim {

struct PlannedTask {
  TaskKind kind = TaskKind::initial_assessment;
  double hours = 0.0;
  Day due_day = 0;
};

// A contact's window: it may be delivered on days [first, last]; after `last` it is missed.
struct ContactWindow {
  Day first = 0;
  Day last = 0;
};

class CaseTaskSchedule {
 public:
  CaseTaskSchedule(const SentenceManagementRules& rules, const WorkingCalendar& calendar)
      : rules_(rules), calendar_(calendar) {}

  // The one-off tasks of supervision starting on `start`, in kind order; kinds with 0 hours are off.
  // Initial assessment: due within its working days of the start (G-6). Domestic-abuse cases add a SARA
  // (same rule, TS-2) and a home visit: within N working days for high/very high RoSH, within N calendar
  // weeks otherwise (TS-1, G-7). A risk management plan, when the scenario has one, for the RoSH levels
  // it lists: within its working days of the start (3a.12, G-6).
  // At most four, held inline: every allocation asks, and a heap vector each time showed in profiles.
  using OneOffTasks = boost::container::static_vector<PlannedTask, 4>;
  [[nodiscard]] OneOffTasks one_off_tasks(RoshLevel rosh, bool domestic_abuse, Day start) const;

  // The contact window opening on `first` for supervision that started on `start`: as long as the
  // interval of the schedule step in force on `first`.
  [[nodiscard]] ContactWindow contact_window(RoshLevel rosh, Day start, Day first) const {
    const Day interval = rules_.contact_interval_days(rosh, first - start);
    return ContactWindow{first, first + interval - 1};
  }

  // The contacts the schedule offers supervision that started on `start` on the days [start, until): one on
  // the start and one a step's interval after each (a warm-start case's appointments before day 0).
  [[nodiscard]] std::int64_t contacts_offered(RoshLevel rosh, Day start, Day until) const {
    std::int64_t n = 0;
    for (Day d = start; d < until; ++n) {
      const Day interval = rules_.contact_interval_days(rosh, d - start);
      if (interval <= 0) return n + 1;  // no schedule: the first contact only
      d += interval;
    }
    return n;
  }

  // Periodic reviews fall at start + k × interval (k ≥ 1); the first such day on or after `today`.
  [[nodiscard]] Day first_periodic_review_from(Day start, Day today) const {
    const Day interval = SentenceManagementRules::interval_days(rules_.periodic_review.interval_weeks);
    Day k = 1;
    if (today > start) k = std::max<Day>(1, (today - start + interval - 1) / interval);
    return start + k * interval;
  }
  [[nodiscard]] Day next_periodic_review(Day review_day) const {
    return review_day + SentenceManagementRules::interval_days(rules_.periodic_review.interval_weeks);
  }

  [[nodiscard]] Day periodic_review_due(Day review_day) const {
    return calendar_.add_working_days(review_day, rules_.periodic_review.due_working_days);
  }
  // The day a review falls that is due on `due` or, when `due` is not a working day, on the first
  // working day after it: the earliest day whose review is due on or after `due` (reviews due on a
  // weekend or bank holiday are done by the next working day). Starts far enough back that even
  // weeks of bank holidays cannot hide the answer.
  [[nodiscard]] Day periodic_review_day_due_on(Day due) const {
    Day day = due - 7 * (rules_.periodic_review.due_working_days / 5 + 3);
    while (periodic_review_due(day) < due) ++day;
    return day;
  }
  [[nodiscard]] Day event_review_due(Day event_day) const {
    return calendar_.add_working_days(event_day, rules_.event_review.due_working_days);
  }
  // Whether an event of the case brings a home visit (TS-1, G-7: a domestic-abuse case, the key on).
  [[nodiscard]] bool home_visit_after_events(bool domestic_abuse) const {
    return domestic_abuse && rules_.home_visit.after_event_due_working_days > 0 &&
           rules_.home_visit.hours > 0.0;
  }
  // The due day of the home visit an event brings, or none.
  [[nodiscard]] std::optional<Day> home_visit_after_event_due(Day event_day, bool domestic_abuse) const {
    if (!home_visit_after_events(domestic_abuse)) return std::nullopt;
    return calendar_.add_working_days(event_day, rules_.home_visit.after_event_due_working_days);
  }
  [[nodiscard]] Day termination_due(Day end_day) const {
    return calendar_.add_working_days(end_day, rules_.termination.due_working_days);
  }
  [[nodiscard]] Day court_report_due(Day requested) const {
    return calendar_.add_working_days(requested, rules_.court_reports.due_working_days);
  }
  // A review of a domestic-abuse case includes a SARA review (TS-2, G-5).
  [[nodiscard]] double review_hours(double hours, bool domestic_abuse) const {
    return hours + (domestic_abuse ? rules_.sara_review_hours : 0.0);
  }

  // The day of the next significant event (new relationship, incident, move; TS-5) after `from`, from an
  // exponential gap at the scenario's hazard, drawn from the case's own stream (`draw` is uniform [0,1)).
  // Returns -1 when the hazard is 0.
  [[nodiscard]] Day next_event_day(Day from, double uniform01) const;

 private:
  const SentenceManagementRules& rules_;
  const WorkingCalendar& calendar_;
};

}  // namespace probsim
