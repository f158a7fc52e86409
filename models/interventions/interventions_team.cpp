#include "interventions/interventions_team.hpp"

#include <algorithm>
#include <cmath>

#include "core/random_stream.hpp"
#include "interventions/group_delivery.hpp"
#include "office/pdu_office.hpp"

namespace probsim {

namespace {

constexpr Day kDaysInSixMonths = 183;

bool is_sara_eligible_for_bbr(SaraLevel sara) {
  return sara == SaraLevel::medium || sara == SaraLevel::high;  // BBR-2
}

// The group-session counts after which a programme's individual sessions between the first and the
// last fall: evenly spaced (BBR with 24 sessions and 5 individual ones: after sessions 6, 12 and 18).
bool individual_session_due_after(const ProgrammeRules& rules, std::int32_t credited) {
  const int between = rules.individual_sessions - 2;
  if (between <= 0 || credited <= 0 || credited >= rules.group_sessions) return false;
  for (int i = 1; i <= between; ++i)
    if (credited == (i * rules.group_sessions) / (between + 1)) return true;
  return false;
}

}  // namespace

InterventionsTeam::InterventionsTeam(std::string name, const InterventionRules& rules,
                                     std::vector<PduOffice*> offices, std::vector<std::size_t> pdu_indices,
                                     const WorkingCalendar& calendar, std::uint64_t replication_seed)
    : name_(std::move(name)),
      rules_(rules),
      offices_(std::move(offices)),
      pdu_indices_(std::move(pdu_indices)),
      calendar_(calendar),
      replication_seed_(replication_seed),
      measures_(offices_.size()),
      team_key_(purpose_key(name_)),
      ready_(programme_count()),
      programme_counters_(programme_count()),
      starts_(programme_count()) {}

void InterventionsTeam::set_measures(std::uint32_t office, const InterventionMeasures& measures) {
  measures_[office] = measures;
  // A pause moves facilitator hours to sentence management from the day it begins, not the next review.
  measure_capacity();
}

namespace {

// The step's name in events.csv, after the programme's name ("bbr_start"). An order that ended the
// requirement is named by when it ended: before or after a start.
std::string_view step_name(InterventionEvent::Kind kind, ParticipantState state) {
  switch (kind) {
    case InterventionEvent::Kind::requirement:
      return "requirement";
    case InterventionEvent::Kind::ready:
      return "ready";
    case InterventionEvent::Kind::start:
      return "start";
    case InterventionEvent::Kind::session:
      return "session";
    case InterventionEvent::Kind::completion:
      return "completion";
    case InterventionEvent::Kind::removal:
      return "removed_non_attendance";
    case InterventionEvent::Kind::exit:
      return kParticipantStateNames[static_cast<std::size_t>(state)];
    case InterventionEvent::Kind::diversion:
      return "diverted";
  }
  return "unknown";
}

}  // namespace

void InterventionsTeam::log(Day day, InterventionEvent::Kind kind, const Participant& p, const Case* c) {
  if (event_log_) event_log_->push_back(InterventionEvent{day, kind, p.case_id, p.programme});
  const PduOffice& office = *offices_[p.office];
  if (!office.logs_events()) return;
  if (c == nullptr) c = office.case_in_slot(p.case_slot, p.case_id);
  if (c == nullptr) return;  // not reached: a participant's case is live until its exit, which passes it
  const std::string event = programme(p.programme).name + "_" + std::string(step_name(kind, p.state));
  const std::string_view reason = kind == InterventionEvent::Kind::exit ? to_string(p.end_reason) : "";
  office.record_intervention_event(day, event, *c, reason);
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
    start_toolkit(office, case_slot, c.id, day);
  }
}

void InterventionsTeam::refer(std::uint32_t office, std::uint32_t case_slot, const Case& c, CaseId draw_key,
                              std::uint32_t prog, Day requirement_day, Day day, bool one_to_one,
                              Day readiness_days) {
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
  if (prog == 0) refer_partner(index, day);
}

void InterventionsTeam::refer_partner(std::uint32_t participant, Day day) {
  if (!rules_.daso.enabled) return;
  team_counters_.daso_referrals += 1;
  if (!measures_[participants_[participant].office].daso_new_cases_offered) {
    team_counters_.daso_not_offered += 1;  // RAG-5: no liaison for new cases
    return;
  }
  const auto index = static_cast<std::uint32_t>(partners_.size());
  partners_not_ended_.push_back(index);
  partners_.push_back(Partner{participant, day});
  partner_queue_.push_back(index);
  partner_of_participant_[participant] = index;
}

void InterventionsTeam::start_toolkit(std::uint32_t office, std::uint32_t case_slot, CaseId case_id,
                                      Day day) {
  const auto index = static_cast<std::uint32_t>(toolkit_courses_.size());
  const Day interval =
      std::max<Day>(1, static_cast<Day>(std::lround(rules_.toolkit.session_interval_weeks * 7)));
  toolkit_courses_.push_back(ToolkitCourse{office, case_slot, case_id, day + interval});
  toolkit_of_case_[case_id] = index;
}

void InterventionsTeam::case_ended(CaseId id, TerminationReason reason, Day day, const Case* c) {
  if (auto t = toolkit_of_case_.find(id); t != toolkit_of_case_.end()) {
    toolkit_courses_[t->second].ended = true;
    toolkit_of_case_.erase(t);
  }
  const auto found = current_of_case_.find(id);
  if (found == current_of_case_.end()) return;
  const std::uint32_t index = found->second;
  current_of_case_.erase(found);
  Participant& p = participants_[index];
  p.order_ended = true;
  // An order ended before the court could remove the requirement: the order's end terminates it.
  if (p.requirement_removed_day > day) p.requirement_removed_day = kNoDay;
  // A requirement completed or removed for good before its order ended only notes how the order ended
  // (the cohort report's reading of a requirement as terminated with its order, docs/validation.md).
  if (p.state == ParticipantState::completed || p.state == ParticipantState::removed) {
    p.end_reason = reason;
    return;
  }
  if (auto partner = partner_of_participant_.find(index); partner != partner_of_participant_.end()) {
    Partner& who = partners_[partner->second];
    if (!who.contacted) team_counters_.daso_not_offered += 1;  // the order ended first
    end_support(who);
    partner_of_participant_.erase(partner);
  }
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
  team_counters_.facilitator_hours_available += capacity_hours_per_week_ / 5.0;
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
  do_toolkit_work(day);
}

void InterventionsTeam::weekly_review(Day day) {
  measure_capacity();
  divert_by_demand_management(day);
  give_pre_group_sessions(day);
  for (std::uint32_t prog = 0; prog < programme_count(); ++prog) start_groups(prog, day);
}

void InterventionsTeam::measure_capacity() {
  // The facilitators in post in the team's PDUs, less what never becomes sessions and less what a RAG
  // measure has redeployed to sentence management (RAG-4). Redeployed hours go to the PDU whose
  // facilitators they are, which counts them (OfficeCounters::facilitator_hours_redeployed) as it works
  // them.
  double hours = 0.0;
  redeployed_hours_per_week_ = 0.0;
  for (std::uint32_t o = 0; o < offices_.size(); ++o) {
    double office_hours = 0.0;
    for (const Practitioner& person : offices_[o]->staff())
      if (person.in_post && person.grade == Grade::facilitator && !person.long_term_sick)
        office_hours += person.contracted_hours_per_week;
    office_hours *= rules_.facilitation.facilitator_scale;
    const InterventionMeasures& m = measures_[o];
    const double redeployed = m.programme_delivery_paused ? m.facilitator_hours_redeployed_share : 0.0;
    hours += office_hours * (1.0 - redeployed);
    redeployed_hours_per_week_ += office_hours * redeployed;
    offices_[o]->set_redeployed_hours_per_working_day(office_hours * redeployed / 5.0);
  }
  capacity_hours_per_week_ = hours * (1.0 - rules_.facilitation.non_delivery_share);
}

double InterventionsTeam::weekly_hours_of(const ProgrammeRules& rules, bool one_to_one,
                                          int sessions_per_week) const {
  const FacilitationRules& f = rules_.facilitation;
  const double weeks = static_cast<double>(rules.group_sessions) / sessions_per_week;
  if (one_to_one) {
    // Every session one-to-one with one facilitator, plus the individual sessions.
    return (rules.group_sessions + rules.individual_sessions) * f.hours_per_individual_session / weeks;
  }
  const double group = sessions_per_week * f.facilitators_per_group_session * f.hours_per_group_session;
  // Individual sessions and the catch-ups of sessions missed within the allowance, expected over a
  // member's course, for a full group.
  const double catch_ups = rules.group_sessions * (1.0 - rules.attendance_probability);
  const double individual =
      rules.group_size_max * (rules.individual_sessions + catch_ups) * f.hours_per_individual_session / weeks;
  return group + individual;
}

bool InterventionsTeam::may_start(const Participant& p) const {
  const InterventionMeasures& m = measures_[p.office];
  if (p.programme == 0 && m.bbr_new_starts_suspended && !p.started) return false;
  return true;
}

std::vector<std::uint32_t> InterventionsTeam::ready_in_priority_order(std::uint32_t prog,
                                                                      bool one_to_one) const {
  std::vector<std::uint32_t> order;
  for (std::uint32_t index : ready_[prog]) {
    const Participant& p = participants_[index];
    if ((p.state == ParticipantState::waiting || p.state == ParticipantState::awaiting_rejoin ||
         p.state == ParticipantState::awaiting_group) &&
        p.one_to_one == one_to_one && may_start(p))
      order.push_back(index);
  }
  const WaitingListPriority rule = prog == 0 ? rules_.bbr_priority : WaitingListPriority::fifo;
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Participant& x = participants_[a];
    const Participant& y = participants_[b];
    // People removed and waiting to rejoin keep their place ahead of new starters (BBR-6).
    if (x.started != y.started) return x.started;
    // Men given their pre-group session take places in the order they had it, after the rejoiners: the
    // place was theirs when the session was given (InterventionDelivery, recorded_start).
    const Day x_queued = x.state == ParticipantState::awaiting_group ? x.start_day : kNoDay;
    const Day y_queued = y.state == ParticipantState::awaiting_group ? y.start_day : kNoDay;
    if (x_queued != y_queued) return x_queued < y_queued;
    if (rule == WaitingListPriority::risk_then_order_end && x.rosh != y.rosh) return x.rosh > y.rosh;
    if (rule != WaitingListPriority::fifo && x.order_end_day != y.order_end_day)
      return x.order_end_day < y.order_end_day;
    if (x.requirement_day != y.requirement_day) return x.requirement_day < y.requirement_day;
    return x.case_id < y.case_id;
  });
  // A man removed and sent back to the list is listed again while his first entry (made when he became
  // ready, dropped only at the next review) may still be there: count him once, or he would join a
  // group twice. Equal indices sort next to each other.
  order.erase(std::unique(order.begin(), order.end()), order.end());
  return order;
}

void InterventionsTeam::start_groups(std::uint32_t prog, Day day) {
  // Drop people no longer waiting from the ready list.
  std::erase_if(ready_[prog], [&](std::uint32_t index) {
    const ParticipantState s = participants_[index].state;
    return s != ParticipantState::waiting && s != ParticipantState::awaiting_rejoin &&
           s != ParticipantState::awaiting_group;
  });
  const ProgrammeRules& rules = programme(prog);

  // One-to-one courses (BBR-7): each starts as soon as a facilitator's hours allow.
  if (prog == 0) {
    const int per_week = sessions_per_week_of_next_group(prog, true);
    const double need = weekly_hours_of(rules, true, per_week);
    for (std::uint32_t index : ready_in_priority_order(prog, true)) {
      if (reserved_hours_per_week_ + need > capacity_hours_per_week_ + 1e-9) break;
      open_group(prog, true, {index}, day, per_week);
    }
  }

  std::vector<std::uint32_t> candidates = ready_in_priority_order(prog, false);
  // Rolling groups take joiners at their next module: count their free places before opening more.
  std::size_t free_places = 0;
  if (rules.format == GroupFormat::rolling)
    for (const ProgrammeGroup& g : groups_)
      if (g.open && g.programme == prog && !g.one_to_one)
        free_places += static_cast<std::size_t>(rules.group_size_max) - g.members.size();
  std::size_t next = std::min(free_places, candidates.size());
  // Each new group's pace is drawn by its serial number (BBR-4), so its hours are known before it opens.
  while (candidates.size() - next >= static_cast<std::size_t>(rules.group_size_min) &&
         reserved_hours_per_week_ +
                 weekly_hours_of(rules, false, sessions_per_week_of_next_group(prog, false)) <=
             capacity_hours_per_week_ + 1e-9) {
    const std::size_t take =
        std::min(candidates.size() - next, static_cast<std::size_t>(rules.group_size_max));
    std::vector<std::uint32_t> cohort(candidates.begin() + static_cast<std::ptrdiff_t>(next),
                                      candidates.begin() + static_cast<std::ptrdiff_t>(next + take));
    open_group(prog, false, cohort, day, sessions_per_week_of_next_group(prog, false));
    next += take;
  }
}

int InterventionsTeam::sessions_per_week_of_next_group(std::uint32_t prog, bool one_to_one) const {
  return sessions_per_week_of_new_group(programme(prog), rules_.delivery, prog == 0, one_to_one,
                                        replication_seed_, combine_seed(team_key_, prog),
                                        programme_counters_[prog].groups_started);
}

void InterventionsTeam::open_group(std::uint32_t prog, bool one_to_one,
                                   const std::vector<std::uint32_t>& joiners, Day day,
                                   int sessions_per_week) {
  const ProgrammeRules& rules = programme(prog);
  ProgrammeGroup g;
  g.programme = prog;
  g.one_to_one = one_to_one;
  g.rolling = !one_to_one && rules.format == GroupFormat::rolling;
  g.facilitators = one_to_one ? 1 : rules_.facilitation.facilitators_per_group_session;
  g.hours_per_session = one_to_one ? rules_.facilitation.hours_per_individual_session
                                   : rules_.facilitation.hours_per_group_session;
  g.sessions_per_week = sessions_per_week;
  // Tuesday and Thursday, or Tuesday alone (BBR-4 "often twice a week"); the review is on Monday.
  g.session_weekdays = {1, 3};
  g.serial = programme_counters_[prog].groups_started;
  g.reserved_hours_per_week = weekly_hours_of(rules, one_to_one, sessions_per_week);
  reserved_hours_per_week_ += g.reserved_hours_per_week;
  programme_counters_[prog].groups_started += 1;
  std::uint32_t index;
  if (!free_groups_.empty()) {
    index = free_groups_.back();
    free_groups_.pop_back();
    groups_[index] = std::move(g);
  } else {
    index = static_cast<std::uint32_t>(groups_.size());
    groups_.push_back(std::move(g));
  }
  for (std::uint32_t participant : joiners) join(groups_[index], index, participant, day);
}

void InterventionsTeam::join(ProgrammeGroup& g, std::uint32_t group_index, std::uint32_t participant,
                             Day day) {
  Participant& p = participants_[participant];
  if (!p.started) record_start(p, day);
  p.misses = 0;
  p.group = static_cast<std::int32_t>(group_index);
  set_state(p, ParticipantState::attending);
  g.members.push_back(participant);
}

void InterventionsTeam::individual_session(const Participant& p) {
  programme_counters_[p.programme].individual_sessions += 1;
  team_counters_.facilitator_hours_used += rules_.facilitation.hours_per_individual_session;
}

void InterventionsTeam::leave_group(Participant& p) {
  ProgrammeGroup& g = groups_[static_cast<std::size_t>(p.group)];
  const auto index = static_cast<std::uint32_t>(&p - participants_.data());
  std::erase(g.members, index);
  p.group = kNoGroup;
  // A closed group or a one-to-one course ends when its last member goes; a rolling group waits for its
  // next module, where it may take joiners.
  if (g.members.empty() && !g.rolling) close_group(g);
}

void InterventionsTeam::close_group(ProgrammeGroup& g) {
  if (!g.open) return;
  g.open = false;
  reserved_hours_per_week_ -= g.reserved_hours_per_week;
  if (reserved_hours_per_week_ < 1e-9) reserved_hours_per_week_ = 0.0;
  free_groups_.push_back(static_cast<std::uint32_t>(&g - groups_.data()));
}

void InterventionsTeam::hold_session(std::uint32_t group_index, Day day) {
  ProgrammeGroup& g = groups_[group_index];
  const ProgrammeRules& rules = programme(g.programme);
  ProgrammeCounters& n = programme_counters_[g.programme];

  // A rolling group takes joiners at the start of each module (BBR-6, G-11).
  if (g.rolling && g.cycle_position % rules.module_sessions == 0 &&
      g.members.size() < static_cast<std::size_t>(rules.group_size_max)) {
    for (std::uint32_t index : ready_in_priority_order(g.programme, false)) {
      if (g.members.size() >= static_cast<std::size_t>(rules.group_size_max)) break;
      join(g, group_index, index, day);
    }
  }
  if (g.members.empty()) {
    if (g.rolling) close_group(g);
    return;
  }

  // RAG-4: the session is cancelled when most members' PDUs have programme delivery paused; the group
  // then simply holds its next session later, and nobody misses anything.
  std::size_t paused = 0;
  for (std::uint32_t index : g.members)
    if (measures_[participants_[index].office].programme_delivery_paused) ++paused;
  if (2 * paused > g.members.size()) {
    n.sessions_cancelled_rag += 1;
    return;
  }
  // A facilitator absent (G-23, leave): cancelled, held at the next slot; nobody misses anything.
  if (session_cancelled_for_absence(rules_.delivery, replication_seed_, combine_seed(team_key_, g.programme),
                                    g.serial, g.slots_scheduled++)) {
    n.sessions_cancelled_absence += 1;
    return;
  }

  n.group_sessions_held += 1;
  n.group_session_places_filled += static_cast<std::int64_t>(g.members.size());
  n.group_session_places_offered += g.one_to_one ? 1 : rules.group_size_max;
  team_counters_.facilitator_hours_used += g.facilitators * g.hours_per_session;
  g.sessions_held += 1;
  if (g.rolling) g.cycle_position = (g.cycle_position + 1) % rules.group_sessions;

  const std::vector<std::uint32_t> members = g.members;  // members may leave during the session
  for (std::uint32_t index : members) {
    Participant& p = participants_[index];
    RandomStream draw(replication_seed_, stream::kProgrammeAttendance,
                      combine_seed(p.draw_key, p.sessions_drawn++));
    const bool attended = draw.uniform01() < rules.attendance_probability;
    if (attended) {
      n.sessions_attended += 1;
      // For the tests' schedules only: a row per attended session would swell events.csv.
      if (event_log_)
        event_log_->push_back(
            InterventionEvent{day, InterventionEvent::Kind::session, p.case_id, p.programme});
    } else {
      n.sessions_missed += 1;
      p.misses += 1;
      if (p.misses > rules.missed_sessions_allowed) {  // BBR-5: removed on the (k+1)-th miss
        n.removals_non_attendance += 1;
        log(day, InterventionEvent::Kind::removal, p);
        leave_group(p);
        // An order the breach will end is not resumed: the court date comes first (RemovalEnforcement).
        const bool order_will_end = enforce_removal(p, rules, n, day);
        // Rolling groups: rejoin at a later module while rejoins are left; closed groups: back to the
        // list or out, as configured; a one-to-one course: out.
        bool may_rejoin = false;
        if (!p.one_to_one && !order_will_end)
          may_rejoin = rules.format == GroupFormat::rolling
                           ? p.rejoins < rules.rolling_rejoins_allowed
                           : rules.closed_removed_to == AfterRemoval::waiting_list;
        if (may_rejoin) {
          p.rejoins += 1;
          // Rolling: the modules completed count; closed: a new cohort starts from the beginning.
          p.sessions_credited = rules.format == GroupFormat::rolling
                                    ? p.sessions_credited - p.sessions_credited % rules.module_sessions
                                    : 0;
          set_state(p, ParticipantState::awaiting_rejoin);
          ready_[p.programme].push_back(index);
        } else {
          n.removed_out += 1;
          set_state(p, ParticipantState::removed);  // still the case's record, until its order ends
        }
        continue;
      }
      individual_session(p);  // the missed content is caught up one-to-one
    }
    p.sessions_credited += 1;
    if (individual_session_due_after(rules, p.sessions_credited)) individual_session(p);
    if (p.sessions_credited >= rules.group_sessions) {
      if (rules.individual_sessions > 1) individual_session(p);  // the one after the group phase
      n.completions += 1;
      p.completion_recorded_day =
          g.programme == 0 ? completion_recorded_day(rules_.delivery, replication_seed_, p.draw_key, day)
                           : day;
      log(day, InterventionEvent::Kind::completion, p);
      leave_group(p);
      set_state(p, ParticipantState::completed);  // still the case's record, until its order ends
    }
  }
}

// A removal for missed sessions may be breached, and the breach may end the order or remove the
// requirement from it (RemovalEnforcement). Called before the removal counts against the rejoins, so
// `p.rejoins` numbers the removal. True if the requirement will end for it (either way): it is not resumed.
bool InterventionsTeam::enforce_removal(Participant& p, const ProgrammeRules& rules, ProgrammeCounters& n,
                                        Day day) {
  const RemovalEnforcement& e = rules.removal_enforcement;
  if (e.breach_probability <= 0.0) return false;
  RandomStream draw(replication_seed_, stream::kRemovalEnforcement,
                    combine_seed(p.draw_key, static_cast<std::uint64_t>(p.rejoins)));
  const double u_breach = draw.uniform01();
  const double u_outcome = draw.uniform01();
  const double u_weeks = draw.uniform01();
  if (u_breach >= e.breach_probability) return false;
  n.breaches_after_removal += 1;
  PduOffice& office = *offices_[p.office];
  const Case* c = office.case_in_slot(p.case_slot, p.case_id);
  if (c == nullptr) return false;
  const Day outcome_day = day + std::max<Day>(1, e.weeks_to_outcome.days_at(u_weeks));
  // One draw splits the outcomes: [0, p_end) ends the order, the next requirement_removed share of what
  // is left removes the requirement, the rest leaves the order as it was.
  const double p_end = e.order_ended_probability[static_cast<std::size_t>(c->sentence_type)];
  if (u_outcome < p_end) {
    if (!office.end_order_early(p.case_slot, p.case_id, outcome_day, termination_on_breach(c->sentence_type)))
      return false;  // it ends by then anyway
    n.orders_ended_on_breach += 1;
    return true;
  }
  if (u_outcome < p_end + (1.0 - p_end) * e.requirement_removed_probability && outcome_day < c->end_day) {
    p.requirement_removed_day = outcome_day;
    n.requirements_ended_on_breach += 1;
    return true;
  }
  return false;
}

// --- Demand management (INT-8, LV-15) ------------------------------------------------------------

void InterventionsTeam::divert_by_demand_management(Day day) {
  const DemandManagement& dm = rules_.demand_management;
  if (!dm.enabled) return;
  std::vector<std::uint32_t> waiting;  // BBR, not started, longest waiting first
  for (std::uint32_t index = 0; index < participants_.size(); ++index) {
    const Participant& p = participants_[index];
    if (p.programme == 0 && is_waiting_to_start(p.state)) waiting.push_back(index);
  }
  std::sort(waiting.begin(), waiting.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Participant& x = participants_[a];
    const Participant& y = participants_[b];
    return x.requirement_day != y.requirement_day ? x.requirement_day < y.requirement_day
                                                  : x.case_id < y.case_id;
  });
  std::size_t list_length = waiting.size();
  for (std::uint32_t index : waiting) {
    const Participant& p = participants_[index];
    if (!dm.divert_rosh[static_cast<std::size_t>(p.rosh)]) continue;
    const bool waited_too_long =
        dm.divert_after_weeks_waiting > 0.0 &&
        static_cast<double>(day - p.requirement_day) >= 7.0 * dm.divert_after_weeks_waiting;
    const bool list_too_long = dm.divert_when_list_longer_than > 0 &&
                               list_length > static_cast<std::size_t>(dm.divert_when_list_longer_than);
    if (!waited_too_long && !list_too_long) continue;
    divert(index, day);
    --list_length;
  }
}

void InterventionsTeam::divert(std::uint32_t index, Day day) {
  Participant& p = participants_[index];
  programme_counters_[0].diverted += 1;
  team_counters_.diverted_from_bbr += 1;
  set_state(p, ParticipantState::diverted);
  log(day, InterventionEvent::Kind::diversion, p);
  current_of_case_.erase(p.case_id);
  const DemandManagement& dm = rules_.demand_management;
  if (dm.divert_to == DiversionRoute::toolkit || rules_.structured_interventions.empty()) {
    start_toolkit(p.office, p.case_slot, p.case_id, day);
    return;
  }
  Participant next = p;
  next.programme = static_cast<std::uint32_t>(dm.divert_to_programme + 1);
  next.state = ParticipantState::waiting;  // already assessed: no new readiness step
  next.one_to_one = false;
  next.requirement_day = day;
  next.ready_day = day;
  next.started = false;
  next.sessions_credited = next.misses = next.rejoins = 0;
  const std::uint32_t added = add_participant(next);
  programme_counters_[next.programme].requirements += 1;
  ready_[next.programme].push_back(added);
  // The partner's support (if any) goes on while the man is on the new programme.
  if (auto partner = partner_of_participant_.find(index); partner != partner_of_participant_.end()) {
    partners_[partner->second].participant = added;
    partner_of_participant_[added] = partner->second;
    partner_of_participant_.erase(partner);
  }
}

// --- DASO partner support (VIC-1..4, G-25) and the toolkit (SRT-1, SRT-2) ---------------------------

void InterventionsTeam::do_daso_work(Day day) {
  if (!rules_.daso.enabled) return;
  double hours = 0.0;
  for (const PduOffice* office : offices_)
    for (const Practitioner& person : office->staff())
      if (person.in_post && person.grade == Grade::daso && !person.long_term_sick)
        hours += person.available_hours_on_working_day(day);
  hours *= 1.0 - rules_.daso.non_delivery_share;
  team_counters_.daso_hours_available += hours;

  // Support of the partners engaged comes first; what is left goes to first contacts, oldest first.
  // Added once per partner supported, as a scan of every partner ever referred did (the same sum to
  // the last bit), without the scan: it grew with the run and was 3% of a national year.
  // The sum of k equal terms added one at a time is kept for every k reached, so the same bits come
  // from a lookup instead of a loop as long as the number supported (a daily loop of thousands of
  // dependent additions, 1% of a national run on the serial thread).
  while (support_sums_.size() <= partners_supported_)
    support_sums_.push_back(support_sums_.empty()
                                ? 0.0
                                : support_sums_.back() + rules_.daso.support_hours_per_week / 5.0);
  const double support = support_sums_[partners_supported_];
  const double used_on_support = std::min(support, hours);
  double left = hours - used_on_support;
  team_counters_.daso_hours_used += used_on_support;

  while (partner_queue_head_ < partner_queue_.size()) {
    Partner& partner = partners_[partner_queue_[partner_queue_head_]];
    if (partner.ended) {
      ++partner_queue_head_;
      continue;
    }
    const double needed = rules_.daso.hours_per_first_contact - daso_hours_into_next_contact_;
    if (left < needed) {
      daso_hours_into_next_contact_ += left;
      team_counters_.daso_hours_used += left;
      break;
    }
    left -= needed;
    team_counters_.daso_hours_used += needed;
    daso_hours_into_next_contact_ = 0.0;
    ++partner_queue_head_;
    partner.contacted = true;
    const Participant& man = participants_[partner.participant];
    const Day delay = day - man.requirement_day;
    team_counters_.daso_first_contacts += 1;
    daso_contacts_.push_back(DasoContact{day, delay});
    // Acceptance falls with the time since sentence (VIC-4): linear to six months, flat after.
    const double t = std::clamp(static_cast<double>(delay) / kDaysInSixMonths, 0.0, 1.0);
    const double accept = rules_.daso.acceptance_at_sentence +
                          t * (rules_.daso.acceptance_after_6_months - rules_.daso.acceptance_at_sentence);
    RandomStream draw(replication_seed_, stream::kDasoAcceptance, man.draw_key);
    if (draw.uniform01() < accept) {
      partner.engaged = true;
      partners_supported_ += 1;  // not ended: ended partners leave the queue unconsidered
    } else {
      team_counters_.daso_declined += 1;
    }
  }
  // Partners stop needing support when the man's requirement ends. Only partners not yet ended are
  // looked at (a scan of partner_of_participant_, which keeps them after, grew with the run: 4% of
  // the national benchmark); partners_[i].participant follows the man as the map does.
  std::erase_if(partners_not_ended_, [&](std::uint32_t i) {
    Partner& partner = partners_[i];
    if (!partner.ended && is_final(participants_[partner.participant].state)) end_support(partner);
    return partner.ended;
  });
  if (partner_queue_head_ > 4096 && partner_queue_head_ * 2 > partner_queue_.size()) {
    partner_queue_.erase(partner_queue_.begin(),
                         partner_queue_.begin() + static_cast<std::ptrdiff_t>(partner_queue_head_));
    partner_queue_head_ = 0;
  }
}

void InterventionsTeam::end_support(Partner& partner) {
  if (partner.engaged && !partner.ended) partners_supported_ -= 1;
  partner.ended = true;
}

void InterventionsTeam::do_toolkit_work(Day day) {
  const Day interval =
      std::max<Day>(1, static_cast<Day>(std::lround(rules_.toolkit.session_interval_weeks * 7)));
  for (ToolkitCourse& course : toolkit_courses_) {
    if (course.ended || course.next_session_day > day) continue;
    if (course.sessions_requested >= rules_.toolkit.sessions) {
      course.ended = true;
      toolkit_of_case_.erase(course.case_id);
      continue;
    }
    course.next_session_day = day + interval;
    if (measures_[course.office].toolkit_delivery_stopped) continue;  // RAG-9, RAG-11
    // Delivered by the case's practitioner from their own hours, due before the next one.
    if (offices_[course.office]->add_toolkit_session(
            course.case_slot, course.case_id, rules_.toolkit.hours_per_session, day, day + interval - 1))
      course.sessions_requested += 1;
  }
}

// --- Observations ---------------------------------------------------------------------------------

std::int64_t InterventionsTeam::waiting_to_start(std::uint32_t programme) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && is_waiting_to_start(p.state)) ++n;
  return n;
}

std::int64_t InterventionsTeam::waiting_longer_than(std::uint32_t programme, Day day, Day days) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && is_waiting_to_start(p.state) && day - p.requirement_day > days) ++n;
  return n;
}

std::int64_t InterventionsTeam::attending(std::uint32_t programme) const {
  std::int64_t n = 0;
  for (const Participant& p : participants_)
    if (p.programme == programme && p.state == ParticipantState::attending) ++n;
  return n;
}

std::array<std::int64_t, kParticipantStateCount> InterventionsTeam::count_by_state(
    std::uint32_t programme) const {
  std::array<std::int64_t, kParticipantStateCount> counts{};
  for (const Participant& p : participants_)
    if (p.programme == programme) counts[static_cast<std::size_t>(p.state)] += 1;
  return counts;
}

std::int64_t InterventionsTeam::open_groups() const {
  std::int64_t n = 0;
  for (const ProgrammeGroup& g : groups_)
    if (g.open) ++n;
  return n;
}

}  // namespace probsim
