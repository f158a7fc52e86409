// Filling posts: backfill of leavers after a recruitment lag, the staffing plan's dated intakes, and
// the recruit who joins a PDU's roster.
#include <algorithm>
#include <cmath>

#include "workforce/region_workforce.hpp"

namespace probsim {

namespace {

constexpr double kFteTolerance = 1e-9;

}  // namespace

void RegionWorkforce::request_backfill(std::uint32_t office, const Practitioner& leaver, Day day) {
  const BackfillPolicy& backfill = plan_.backfill;
  if (!backfill.enabled || !at(backfill.grades, leaver.grade) || day < first_report_day_) return;
  RandomStream draw(seed_, stream::kRecruitmentLag, combine_seed(leaver.id, leaver.grade_epoch));
  const double lag_weeks = backfill.recruitment_lag_weeks.sample(draw);
  Event event;
  event.kind = EventKind::backfill_arrival;
  event.day = day + static_cast<Day>(std::lround(lag_weeks * kDaysPerWeek));
  event.office = office;
  event.grade = leaver.grade;
  event.fte = leaver.fte;
  if ((leaver.grade == Grade::po || leaver.grade == Grade::pqip) &&
      backfill.po_leavers_replaced_by_trainees) {
    event.grade = Grade::pqip;
    event.fills_po_post = true;
  }
  schedule(event);
}

void RegionWorkforce::on_backfill_arrival(const Event& event) {
  StaffRoster& office = *offices_[event.office];
  // A trainee in a PO post counts against the PO establishment, with the POs and trainees in post.
  const double in_post = event.fills_po_post ? office.in_post_fte(Grade::po) + office.in_post_fte(Grade::pqip)
                                             : office.in_post_fte(event.grade);
  const double establishment = office.establishment_fte(event.fills_po_post ? Grade::po : event.grade);
  if (in_post + event.fte > establishment + kFteTolerance) {
    office.staff_counters().backfills_not_needed += 1;  // filled meanwhile (an intake, a qualifier)
    return;
  }
  NewStaffMember spec;
  spec.grade = event.grade;
  spec.fte = event.fte;
  recruit(event.office, spec, event.day);
}

void RegionWorkforce::on_intake(const Event& event) {
  const RecruitmentIntake& intake = plan_.intakes[event.intake];
  NewStaffMember spec;
  spec.grade = intake.grade;
  spec.fte = intake.fte_each;
  spec.training_months_completed = intake.training_months_completed;
  for (int n = 0; n < intake.count; ++n) {
    std::uint32_t office = 0;
    if (intake.pdu)
      office = static_cast<std::uint32_t>(std::find(pdu_indices_.begin(), pdu_indices_.end(), *intake.pdu) -
                                          pdu_indices_.begin());
    else
      office = office_with_largest_vacancy(intake.grade);
    recruit(office, spec, event.day);
  }
}

PractitionerIndex RegionWorkforce::recruit(std::uint32_t office, const NewStaffMember& spec, Day day) {
  const Practitioner person = make_staff_member(spec, default_contracted_hours_per_week_,
                                                rules_.trainee_pipeline, window_.date_of(day));
  const PractitionerIndex who = offices_[office]->hire(person);
  schedule_person(office, who, day, day);
  return who;
}

std::uint32_t RegionWorkforce::office_with_largest_vacancy(Grade grade) const {
  std::uint32_t best = 0;
  double best_vacancy = 0.0;
  for (std::uint32_t k = 0; k < offices_.size(); ++k) {
    const double vacancy = offices_[k]->establishment_fte(grade) - offices_[k]->in_post_fte(grade);
    if (k == 0 || vacancy > best_vacancy + kFteTolerance) {
      best = k;
      best_vacancy = vacancy;
    }
  }
  return best;
}

}  // namespace probsim
