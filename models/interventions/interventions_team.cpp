#include "interventions/interventions_team.hpp"

#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

namespace {

bool is_sara_eligible_for_bbr(SaraLevel sara) {
  return sara == SaraLevel::medium || sara == SaraLevel::high;  // BBR-2
}

}  // namespace

InterventionsTeam::InterventionsTeam(std::string name, const InterventionRules& rules,
                                     std::vector<PduOffice*> offices, std::vector<std::size_t> pdu_indices,
                                     const WorkingCalendar& calendar, std::uint64_t replication_seed)
    : name_(std::move(name)),
      rules_(rules),
      bbr_order_(rules.bbr_priority_order),
      fifo_order_({PriorityCriterion::earliest_created}),
      offices_(std::move(offices)),
      pdu_indices_(std::move(pdu_indices)),
      calendar_(calendar),
      replication_seed_(replication_seed),
      measures_(offices_.size()),
      team_key_(purpose_key(name_)),
      ready_(programme_count()),
      capacity_(rules_.facilitation),
      partner_support_(rules_.daso, replication_seed_),
      toolkit_(rules_.toolkit),
      programme_counters_(programme_count()),
      starts_(programme_count()) {}

void InterventionsTeam::set_measures(std::uint32_t office, const InterventionMeasures& measures) {
  measures_[office] = measures;
  // A pause moves facilitator hours to sentence management from the day it begins, not the next review.
  capacity_.measure(offices_, measures_);
}

void InterventionsTeam::set_state(Participant& p, ParticipantState s) {
  if (p.state == ParticipantState::awaiting_group) awaiting_group_ -= 1;
  if (s == ParticipantState::awaiting_group) awaiting_group_ += 1;
  p.state = s;
}

std::uint32_t InterventionsTeam::add_participant(const Participant& p) {
  const auto index = static_cast<std::uint32_t>(participants_.size());
  participants_.push_back(p);
  current_of_case_[p.case_id] = index;
  return index;
}

// --- Routing (INT-5, G-19, G-20) -------------------------------------------------------------------

void InterventionsTeam::case_started(std::uint32_t office, std::uint32_t case_slot, const Case& c,
                                     CaseId draw_key, Day day, bool initial) {
  if (!hears_of(c)) return;
  // Every draw is made whatever the route, so each stays on the same position of the case's stream.
  RandomStream routing(replication_seed_, stream::kInterventionRouting, draw_key);
  const double u_sara = routing.uniform01();
  const double u_requirement = routing.uniform01();
  const double u_one_to_one = routing.uniform01();
  const double u_low_route = routing.uniform01();
  const double u_programme = routing.uniform01();
  const double u_readiness = routing.uniform01();

  const auto& shares = rules_.routing.sara_level_shares;
  const SaraLevel sara = u_sara < shares[0]               ? SaraLevel::low
                         : u_sara < shares[0] + shares[1] ? SaraLevel::medium
                                                          : SaraLevel::high;
  const Day requirement_day = c.referral_day;
  const Day readiness_days = rules_.readiness.days_at(u_readiness);

  if (c.sex == Sex::male && is_sara_eligible_for_bbr(sara)) {
    if (u_requirement >= rules_.routing.bbr_requirement_share) return;
    if (c.sentence_length_days < months_to_days(rules_.routing.bbr_minimum_order_months)) return;
    if (initial) {
      // The warm start's BBR list (G-21): recent requirements wait, older ones were settled before.
      const double age_weeks = static_cast<double>(day - requirement_day) / 7.0;
      if (age_weeks > rules_.warm_start.waiting_list_max_weeks ||
          u_readiness >= rules_.warm_start.waiting_share)
        return;
    }
    const bool one_to_one = u_one_to_one < rules_.routing.bbr_one_to_one_share;
    refer(office, case_slot, c, draw_key, 0, requirement_day, day, one_to_one, initial ? 0 : readiness_days);
    return;
  }
  if (initial) return;  // structured interventions and the toolkit of warm-start cases were settled before
  const double si_share = rules_.routing.sara_low_structured_intervention_share;
  if (u_low_route < si_share && !rules_.structured_interventions.empty()) {
    // Which structured intervention: the mix, without men-only programmes for women.
    double total = 0.0;
    const auto& mix = rules_.routing.structured_intervention_mix;
    for (std::size_t i = 0; i < rules_.structured_interventions.size(); ++i)
      if (c.sex == Sex::male || !rules_.structured_interventions[i].men_only)
        total += i < mix.size() ? mix[i] : 0.0;
    if (total <= 0.0) return;
    double acc = 0.0;
    for (std::size_t i = 0; i < rules_.structured_interventions.size(); ++i) {
      if (c.sex != Sex::male && rules_.structured_interventions[i].men_only) continue;
      acc += (i < mix.size() ? mix[i] : 0.0) / total;
      if (u_programme < acc || i + 1 == rules_.structured_interventions.size()) {
        refer(office, case_slot, c, draw_key, static_cast<std::uint32_t>(i + 1), requirement_day, day, false,
              readiness_days);
        return;
      }
    }
  } else if (u_low_route < si_share + rules_.routing.sara_low_toolkit_share) {
    toolkit_.start(office, case_slot, c.id, day);
  }
}

void InterventionsTeam::refer(std::uint32_t office, std::uint32_t case_slot, const Case& c, CaseId draw_key,
                              std::uint32_t prog, Day requirement_day, Day day, bool one_to_one,
                              Day readiness_days, bool offer_partner_support) {
  Participant p;
  p.case_id = c.id;
  p.draw_key = draw_key;
  p.office = office;
  p.case_slot = case_slot;
  p.programme = prog;
  p.rosh = c.rosh;
  p.sex = c.sex;
  p.one_to_one = one_to_one;
  p.requirement_day = requirement_day;
  p.ready_day = day + readiness_days;
  p.order_end_day = c.referral_day + c.sentence_length_days;
  const std::uint32_t index = add_participant(p);
  programme_counters_[prog].requirements += 1;
  log(day, InterventionEvent::Kind::requirement, participants_[index], &c);
  if (participants_[index].ready_day <= day) {
    set_state(participants_[index], ParticipantState::waiting);
    ready_[prog].push_back(index);
  } else {
    in_readiness_.push_back(index);
  }
  if (prog == 0 && offer_partner_support)
    partner_support_.refer(index, day, measures_[participants_[index].office].daso_new_cases_offered,
                           team_counters_);
}

void InterventionsTeam::case_ended(CaseId id, TerminationReason reason, Day day, const Case* c) {
  toolkit_.case_ended(id);
  const auto found = current_of_case_.find(id);
  if (found == current_of_case_.end()) return;
  const std::uint32_t index = found->second;
  current_of_case_.erase(found);
  Participant& p = participants_[index];
  p.order_ended = true;
  if (reason == TerminationReason::sentence_end && p.requirement_day >= 0) {
    ProgrammeCounters& n = programme_counters_[p.programme];
    n.orders_ended_successfully += 1;
    if (p.started) n.orders_ended_successfully_started += 1;
  }
  // An order ended before the court could remove the requirement: the order's end terminates it.
  if (p.requirement_removed_day > day) p.requirement_removed_day = kNoDay;
  // A requirement completed or removed for good before its order ended only notes how the order ended
  // (the cohort report's reading of a requirement as terminated with its order, docs/validation.md).
  if (p.state == ParticipantState::completed || p.state == ParticipantState::removed) {
    p.end_reason = reason;
    return;
  }
  partner_support_.order_ended(index, team_counters_);
  if (is_final(p.state)) return;
  ProgrammeCounters& n = programme_counters_[p.programme];
  p.end_reason = reason;
  if (is_waiting_to_start(p.state)) {
    n.exits_before_start[static_cast<std::size_t>(reason)] += 1;
    set_state(p, ParticipantState::exited_before_start);
  } else {
    if (p.state == ParticipantState::attending) leave_group(p);
    n.ended_after_start[static_cast<std::size_t>(reason)] += 1;
    set_state(p, ParticipantState::ended_after_start);
  }
  log(day, InterventionEvent::Kind::exit, p, c);
  // Removed from the readiness and ready lists lazily: they hold only live states after each pass.
}

// --- The day -------------------------------------------------------------------------------------

void InterventionsTeam::run_day(Day day) {
  // People whose paperwork is done join the list (in referral order).
  std::erase_if(in_readiness_, [&](std::uint32_t index) {
    Participant& p = participants_[index];
    if (p.state != ParticipantState::in_readiness) return true;
    if (p.ready_day > day) return false;
    set_state(p, ParticipantState::waiting);
    ready_[p.programme].push_back(index);
    log(day, InterventionEvent::Kind::ready, p);
    return true;
  });
  if (!calendar_.is_working_day(day)) return;

  // The weekly review on the week's first working day (Monday unless it is a bank holiday).
  const Day monday = day - calendar_.weekday_index(day);
  if (monday != last_review_monday_) {
    last_review_monday_ = monday;
    weekly_review(day);
  }
  team_counters_.facilitator_hours_available += capacity_.hours_per_week() / 5.0;
  // No group meets in the holiday break; each group's schedule moves past it (InterventionDelivery).
  const HolidayBreak& holiday = rules_.delivery.holiday_break;
  const bool in_break = holiday.weeks > 0.0 && in_holiday_break(holiday, calendar_.date_of(day));
  for (std::uint32_t g = 0; g < groups_.size(); ++g) {
    const ProgrammeGroup& group = groups_[g];
    if (!group.open) continue;
    const int weekday = calendar_.weekday_index(day);
    bool session_day = false;
    for (int k = 0; k < group.sessions_per_week; ++k)
      if (group.session_weekdays[static_cast<std::size_t>(k)] == weekday) session_day = true;
    if (session_day && in_break) {
      programme_counters_[group.programme].sessions_cancelled_holiday += 1;
    } else if (session_day) {
      hold_session(g, day);
    }
  }
  do_daso_work(day);
  toolkit_.work_day(day, offices_, measures_);
}

void InterventionsTeam::weekly_review(Day day) {
  capacity_.measure(offices_, measures_);
  divert_by_demand_management(day);
  give_pre_group_sessions(day);
  start_all_groups(day);
}

// --- DASO partner support (VIC-1..4, G-25): the hours; the work is PartnerSupport's --------------------

void InterventionsTeam::do_daso_work(Day day) {
  if (!rules_.daso.enabled) return;
  double hours = 0.0;
  for (const PduOffice* office : offices_)
    for (const Practitioner& person : office->staff())
      if (person.in_post && person.grade == Grade::daso && !person.long_term_sick)
        hours += person.available_hours_on_working_day(day);
  hours *= 1.0 - rules_.daso.non_delivery_share;
  team_counters_.daso_hours_available += hours;
  partner_support_.work_day(day, hours, participants_, team_counters_);
}

}  // namespace probsim
