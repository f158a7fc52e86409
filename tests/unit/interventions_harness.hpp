#pragma once
// A one-PDU interventions team on a weekdays-only calendar, for the unit tests of the team's schedules
// (the interventions_*_test.cpp files, bbr_delivery_test.cpp).

#include <memory>
#include <vector>

#include "interventions/interventions_team.hpp"
#include "office/pdu_office.hpp"
#include "unit/test_rules.hpp"

using namespace probsim;

namespace {

// 2024-01-01 is a Monday; the calendar here has weekdays only, so day 0 is a Monday and a team's
// weekly review falls on days 0, 7, 14, ... and Tuesday/Thursday sessions on days 1, 3, 8, 10, ...
const CalendarDate kMonday{2024, 1, 1};

// Every case a male domestic-abuse case with SARA high and a BBR requirement, ready on its referral day,
// attending every session: the model reduces to deterministic arrivals and full attendance.
InterventionRules deterministic_rules() {
  InterventionRules rules;
  rules.enabled = true;
  rules.routing.sara_level_shares = {0.0, 0.0, 1.0};
  rules.routing.bbr_requirement_share = 1.0;
  rules.routing.bbr_one_to_one_share = 0.0;
  rules.readiness = {0.0, 0.0};
  rules.bbr.group_sessions = 6;
  rules.bbr.individual_sessions = 0;
  rules.bbr.sessions_per_week = 2;
  rules.bbr.attendance_probability = 1.0;
  rules.facilitation.non_delivery_share = 0.0;
  rules.daso.enabled = false;
  return rules;
}

struct Harness {
  explicit Harness(const InterventionRules& r, int facilitators = 1)
      : rules(r), calendar(kMonday), office(make_office(facilitators)) {
    team = std::make_unique<InterventionsTeam>("Team", rules, std::vector<PduOffice*>{&office},
                                               std::vector<std::size_t>{0}, calendar, 99);
    team->set_event_log(&events);
  }

  PduOffice make_office(int facilitators) {
    std::vector<Practitioner> staff;
    for (int i = 0; i < facilitators; ++i)
      staff.push_back(fixtures::practitioner(Grade::facilitator, caseload.workload));
    ReferralRate none;
    none.per_week = 0.0;
    return PduOffice(PduIdentity{0, 0, "PDU"}, caseload, ReferralProcess(none, kMonday, 0, 0, 1), 1,
                     std::move(staff), calendar);
  }

  // A case referred on `day` (run the team through the day before first): its id orders ties; `rosh` and
  // `order_months` feed the priority rules.
  void refer(Day day, RoshLevel rosh = RoshLevel::medium, int order_months = 24) {
    Case c;
    c.id = make_case_id(0, day, next_ordinal++);
    c.referral_day = day;
    c.sentence_length_days = months_to_days(order_months);
    c.end_day = day + c.sentence_length_days;
    c.rosh = rosh;
    c.domestic_abuse_flag = true;
    c.sex = Sex::male;
    team->case_started(0, next_ordinal, c, c.id, day, false);
    ids.push_back(c.id);
  }

  void run_through(Day last) {
    while (next_day <= last) team->run_day(next_day++);
  }

  std::vector<Day> days_of(InterventionEvent::Kind kind, CaseId id) const {
    std::vector<Day> days;
    for (const auto& e : events)
      if (e.kind == kind && e.case_id == id) days.push_back(e.day);
    return days;
  }

  InterventionRules rules;
  CaseloadRules caseload = fixtures::fixed_length_rules();
  WorkingCalendar calendar;
  PduOffice office;
  std::unique_ptr<InterventionsTeam> team;
  std::vector<InterventionEvent> events;
  std::vector<CaseId> ids;
  std::uint32_t next_ordinal = 0;
  Day next_day = 0;
};

}  // namespace
