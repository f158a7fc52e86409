// Sickness absence as episodes (G-23, SDA-8; workforce/sickness.hpp): the onset of each person's next
// episode, its length, and long-term sickness (WMT-5).
#include <algorithm>
#include <cmath>

#include "workforce/hazard_days.hpp"
#include "workforce/region_workforce.hpp"

namespace probsim {

void RegionWorkforce::schedule_sickness_onset(std::uint32_t office, PractitionerIndex who, Day from) {
  if (onsets_per_well_day_ <= 0.0) return;
  const Practitioner& person = offices_[office]->staff_member(who);
  RandomStream draw(seed_, stream::kSickness, combine_seed(person.id, person.sickness_episodes));
  const double days = exponential_days(draw.uniform01(), onsets_per_well_day_);
  if (days >= static_cast<double>(last_day_ - from + 1)) return;
  Event event;
  event.kind = EventKind::sickness_onset;
  // Episodes begin on working days: an onset at the weekend starts the absence on Monday.
  event.day = offices_[office]->calendar().next_working_day_from(from + static_cast<Day>(days));
  event.office = office;
  event.who = who;
  event.id = person.id;
  schedule(event);
}

void RegionWorkforce::on_sickness_onset(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  Practitioner& person = office.staff_member(event.who);
  // The same stream as the onset that led here, continued: the episode's length.
  RandomStream draw(seed_, stream::kSickness, combine_seed(person.id, person.sickness_episodes));
  (void)draw.uniform01();  // the onset gap, already used
  const SicknessRules& sickness = rules_.sickness;
  // Round to whole working days without bias (up with probability equal to the fraction), so the mean
  // episode, and so the days lost per FTE-year, are what the scenario says even for 4.6 days.
  const double drawn_days = sickness.episode_working_days.sample(draw);
  const double whole_days = std::floor(drawn_days);
  const int working_days =
      std::max(1, static_cast<int>(whole_days) + (draw.uniform01() < drawn_days - whole_days ? 1 : 0));
  person.sickness_episodes += 1;
  person.sick_from = event.day;
  person.sick_until = office.calendar().end_of_working_days(event.day, working_days);
  StaffCounters& counters = office.staff_counters();
  counters.sickness_episodes += 1;
  counters.sickness_hours_drawn += working_days * person.daily_contracted_hours();
  if (working_days >= sickness.long_term_from_working_days) {
    person.long_term_sick = true;
    office.refresh_capacity(event.who);
    if (sickness.reallocate_cases_when_long_term) office.reallocate_cases_of(event.who, event.day);
  }
  Event end;
  end.kind = EventKind::sickness_end;
  end.day = person.sick_until;
  end.office = event.office;
  end.who = event.who;
  end.id = person.id;
  schedule(end);
}

void RegionWorkforce::on_sickness_end(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  Practitioner& person = office.staff_member(event.who);
  if (person.long_term_sick) {
    person.long_term_sick = false;
    office.refresh_capacity(event.who);
  }
  schedule_sickness_onset(event.office, event.who, event.day);
}

}  // namespace probsim
