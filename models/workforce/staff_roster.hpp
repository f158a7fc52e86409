#pragma once
// The staff of one office as the region's workforce model changes them: who is in post, and the staff
// changes (hire, leave, change grade, capacity) that the office applies to its caseload. PduOffice
// implements it, so the workforce layer never includes the office layer (docs/architecture.md).

#include <span>

#include "core/calendar_date.hpp"
#include "core/working_calendar.hpp"
#include "workforce/grade.hpp"
#include "workforce/practitioner.hpp"
#include "workforce/staff_counters.hpp"

namespace probsim {

class StaffRoster {
 public:
  virtual ~StaffRoster() = default;

  [[nodiscard]] virtual const WorkingCalendar& calendar() const = 0;
  // Every staff slot, including vacant ones (in_post false): indices stay valid.
  [[nodiscard]] virtual std::span<const Practitioner> staff() const = 0;
  virtual Practitioner& staff_member(PractitionerIndex who) = 0;
  virtual StaffCounters& staff_counters() = 0;
  [[nodiscard]] virtual double in_post_fte(Grade grade) const = 0;
  [[nodiscard]] virtual double establishment_fte(Grade grade) const = 0;

  // A new member of staff joins (into the lowest vacant slot).
  virtual PractitionerIndex hire(Practitioner person) = 0;
  // The person leaves the service; their cases go to colleagues.
  virtual void remove(PractitionerIndex who, Day day) = 0;
  // The person's cases go to colleagues; the person stays in post (long-term sickness).
  virtual void reallocate_cases_of(PractitionerIndex who, Day day) = 0;
  // The person moves to another grade, keeping their cases.
  virtual void change_grade(PractitionerIndex who, Grade grade) = 0;
  // Recomputes the person's available workload after a change of reduction or sickness.
  virtual void refresh_capacity(PractitionerIndex who) = 0;
  // From today every case's workload carries the responsive weighting (WMT-7).
  virtual void start_responsive_weighting() = 0;

 protected:
  StaffRoster() = default;
  StaffRoster(const StaffRoster&) = default;
  StaffRoster& operator=(const StaffRoster&) = default;
  StaffRoster(StaffRoster&&) = default;
  StaffRoster& operator=(StaffRoster&&) = default;
};

}  // namespace probsim
