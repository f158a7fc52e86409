// The region's agenda of staff events and a person's career in it: leaving, PSO-to-PQiP progression and
// the PQiP pipeline. Sickness is region_workforce_sickness.cpp; backfill, intakes and recruits are
// region_workforce_recruitment.cpp.
#include "workforce/region_workforce.hpp"

#include <algorithm>
#include <cmath>

#include "workforce/hazard_days.hpp"

namespace probsim {

RegionWorkforce::RegionWorkforce(const WorkforceRules& rules, const StaffingPlan& plan,
                                 const SimulationWindow& window, double default_contracted_hours_per_week,
                                 std::optional<CalendarDate> responsive_weighting_from,
                                 std::size_t region_index, std::vector<StaffRoster*> offices,
                                 std::vector<std::size_t> pdu_indices, std::uint64_t replication_seed)
    : rules_(rules),
      plan_(plan),
      window_(window),
      default_contracted_hours_per_week_(default_contracted_hours_per_week),
      responsive_weighting_from_(responsive_weighting_from),
      region_index_(region_index),
      offices_(std::move(offices)),
      pdu_indices_(std::move(pdu_indices)),
      seed_(replication_seed),
      first_report_day_(window.first_report_day()),
      last_day_(window.last_day()),
      onsets_per_well_day_(rules.sickness.onsets_per_well_day()) {}

Day RegionWorkforce::day_of(const CalendarDate& date) const {
  return static_cast<Day>(date.days_since_epoch() - window_.day_zero().days_since_epoch());
}

void RegionWorkforce::schedule(Event event) {
  if (event.day > last_day_) return;  // beyond the run: never happens
  event.sequence = next_sequence_++;
  agenda_.push(event);
}

void RegionWorkforce::schedule_end_of(EventKind kind, Day day, std::uint32_t office, PractitionerIndex who,
                                      StaffId id) {
  Event end;
  end.kind = kind;
  end.day = day;
  end.office = office;
  end.who = who;
  end.id = id;
  schedule(end);
}

void RegionWorkforce::start() {
  for (std::uint32_t k = 0; k < offices_.size(); ++k) {
    const auto staff = offices_[k]->staff();
    for (std::size_t i = 0; i < staff.size(); ++i) {
      if (!staff[i].in_post) continue;
      const auto who = static_cast<PractitionerIndex>(i);
      if (staff[i].reduction_until > 0)
        schedule_end_of(EventKind::reduction_end, staff[i].reduction_until, k, who, staff[i].id);
      if (staff[i].sick_until <= 0) {
        schedule_person(k, who, first_report_day_, 0);
        continue;
      }
      // Long-term sick on a snapshot day: the episode ends on the day the snapshot gives, and the next
      // onset is drawn from then on (on_sickness_end), as after any episode.
      schedule_leaving(k, who, first_report_day_);
      if (staff[i].in_trainee_pipeline) schedule_pipeline_steps(k, who, first_report_day_);
      schedule_end_of(EventKind::sickness_end, staff[i].sick_until, k, who, staff[i].id);
    }
  }
  for (std::size_t i = 0; i < plan_.intakes.size(); ++i) {
    const RecruitmentIntake& intake = plan_.intakes[i];
    bool ours = intake.region == region_index_;
    if (intake.pdu)
      ours = std::find(pdu_indices_.begin(), pdu_indices_.end(), *intake.pdu) != pdu_indices_.end();
    if (!ours) continue;
    Event event;
    event.kind = EventKind::intake;
    event.day = day_of(intake.date);
    event.intake = i;
    schedule(event);
  }
  if (const auto& from = responsive_weighting_from_) {
    Event event;
    event.kind = EventKind::responsive_weighting;
    event.day = std::max<Day>(0, day_of(*from));
    schedule(event);
  }
}

void RegionWorkforce::on_responsive_weighting() {
  for (StaffRoster* office : offices_) office->start_responsive_weighting();
}

std::optional<Day> RegionWorkforce::next_event_day() const {
  if (agenda_.empty()) return std::nullopt;
  return agenda_.top().day;
}

void RegionWorkforce::run_events_on(Day day) {
  while (!agenda_.empty() && agenda_.top().day <= day) {
    const Event event = agenda_.top();
    agenda_.pop();
    switch (event.kind) {
      case EventKind::leave:
        on_leave(event);
        break;
      case EventKind::progression:
        on_progression(event);
        break;
      case EventKind::pipeline_step:
        on_pipeline_step(event);
        break;
      case EventKind::sickness_onset:
        on_sickness_onset(event);
        break;
      case EventKind::sickness_end:
        on_sickness_end(event);
        break;
      case EventKind::reduction_end:
        on_reduction_end(event);
        break;
      case EventKind::responsive_weighting:
        on_responsive_weighting();
        break;
      case EventKind::backfill_arrival:
        on_backfill_arrival(event);
        break;
      case EventKind::intake:
        on_intake(event);
        break;
    }
  }
}

// --- scheduling a person's future ---

void RegionWorkforce::schedule_person(std::uint32_t office, PractitionerIndex who, Day career_from,
                                      Day sickness_from) {
  const Practitioner& person = offices_[office]->staff_member(who);
  schedule_leaving(office, who, career_from);
  if (person.in_trainee_pipeline) schedule_pipeline_steps(office, who, career_from);
  schedule_sickness_onset(office, who, sickness_from);
}

void RegionWorkforce::schedule_pipeline_steps(std::uint32_t office, PractitionerIndex who, Day from) {
  const Practitioner& person = offices_[office]->staff_member(who);
  for (const CalendarDate& date : rules_.trainee_pipeline.change_dates(person.training_start)) {
    const Day day = day_of(date);
    if (day <= from) continue;  // already in force
    Event event;
    event.kind = EventKind::pipeline_step;
    event.day = day;
    event.office = office;
    event.who = who;
    event.id = person.id;
    schedule(event);
  }
}

void RegionWorkforce::schedule_leaving(std::uint32_t office, PractitionerIndex who, Day from) {
  const Practitioner& person = offices_[office]->staff_member(who);
  schedule_at_exponential_time(EventKind::leave, stream::kStaffLeaving,
                               at(rules_.leaver_rate_per_year, person.grade), office, who, from);
  if (person.grade == Grade::pso)
    schedule_at_exponential_time(EventKind::progression, stream::kStaffProgression,
                                 rules_.pso_to_pqip_progression_per_year, office, who, from);
}

void RegionWorkforce::schedule_at_exponential_time(EventKind kind, std::uint64_t stream_key,
                                                   double rate_per_year, std::uint32_t office,
                                                   PractitionerIndex who, Day from) {
  const double rate_per_day = rate_per_year / kDaysPerYear;
  if (rate_per_day <= 0.0) return;
  const Practitioner& person = offices_[office]->staff_member(who);
  RandomStream draw(seed_, stream_key, combine_seed(person.id, person.grade_epoch));
  const double days = exponential_days(draw.uniform01(), rate_per_day);
  if (days >= static_cast<double>(last_day_ - from + 1)) return;  // after the run's last day
  Event event;
  event.kind = kind;
  event.day = from + static_cast<Day>(days);
  event.office = office;
  event.who = who;
  event.id = person.id;
  event.epoch = person.grade_epoch;
  schedule(event);
}

bool RegionWorkforce::still_in_post(const Event& event) {
  const Practitioner& person = offices_[event.office]->staff_member(event.who);
  return person.in_post && person.id == event.id;
}

// --- events ---

void RegionWorkforce::on_leave(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  const Practitioner& person = office.staff_member(event.who);
  if (person.grade_epoch != event.epoch) return;  // drawn for a grade the person has since left
  request_backfill(event.office, person, event.day);
  office.remove(event.who, event.day);
}

void RegionWorkforce::on_progression(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  Practitioner& person = office.staff_member(event.who);
  if (person.grade_epoch != event.epoch || person.grade != Grade::pso) return;
  request_backfill(event.office, person, event.day);  // the PSO post is now empty
  const CalendarDate today = window_.date_of(event.day);
  person.training_start = today;
  person.in_trainee_pipeline = true;
  office.change_grade(event.who, Grade::pqip);
  person.reduction_share = rules_.trainee_pipeline.stage_on(today, today).reduction_share;
  person.reduction_until = 0;  // the pipeline's reduction replaces any imported one
  office.refresh_capacity(event.who);
  // Sickness carries on as it was; the career (leaving at the PQiP rate, the pipeline) starts again.
  schedule_leaving(event.office, event.who, event.day);
  schedule_pipeline_steps(event.office, event.who, event.day);
}

void RegionWorkforce::on_pipeline_step(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  Practitioner& person = office.staff_member(event.who);
  if (!person.in_trainee_pipeline) return;
  const TraineeStage stage =
      rules_.trainee_pipeline.stage_on(person.training_start, window_.date_of(event.day));
  const bool qualifies = person.grade == Grade::pqip && stage.grade == Grade::po;
  person.reduction_share = stage.reduction_share;
  person.in_trainee_pipeline = stage.in_pipeline;
  if (qualifies) {
    office.change_grade(event.who, Grade::po);
    office.staff_counters().trainees_qualified += 1;
    schedule_leaving(event.office, event.who, event.day);  // now at the PO leaver rate
  }
  office.refresh_capacity(event.who);
}

// A reduction imported from a snapshot ends: the person's hours are whole again. A PSO who has since
// started PQiP has the pipeline's reduction instead, which this leaves alone.
void RegionWorkforce::on_reduction_end(const Event& event) {
  if (!still_in_post(event)) return;
  StaffRoster& office = *offices_[event.office];
  Practitioner& person = office.staff_member(event.who);
  if (person.in_trainee_pipeline || person.reduction_until != event.day) return;
  person.reduction_share = 0.0;
  person.reduction_until = 0;
  office.refresh_capacity(event.who);
}

}  // namespace probsim
