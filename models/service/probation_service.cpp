#include "service/probation_service.hpp"

#include <algorithm>
#include <stdexcept>

#include "service/snapshot_warm_start.hpp"
#include "workforce/new_staff.hpp"

namespace probsim {

namespace {

// The staff in post on the report start, as the scenario describes them.
std::vector<Practitioner> initial_staff(const Scenario& scenario, const PduSpec& pdu, std::size_t pdu_index) {
  if (scenario.snapshot) return snapshot_staff(scenario, pdu_index);
  std::vector<Practitioner> staff;
  for (const StaffGroup& group : pdu.staff)
    for (int i = 0; i < group.headcount; ++i)
      staff.push_back(make_staff_member(group.person,
                                        scenario.caseload.workload.default_contracted_hours_per_week,
                                        scenario.workforce.trainee_pipeline, scenario.window.report_start));
  return staff;
}

// Stateless, so one serves every caller.
OneAfterAnother& one_after_another() {
  static OneAfterAnother serial;
  return serial;
}

}  // namespace

const Scenario& ProbationService::checked(const Scenario& scenario) {
  const RuleProblems problems = scenario.check();
  if (problems.empty()) return scenario;
  std::string text = "the scenario's rules do not hold together:";
  for (const RuleProblem& p : problems) text += "\n  " + p.key + ": " + p.message;
  throw std::invalid_argument(text);
}

ProbationService::ProbationService(const Scenario& scenario, std::uint64_t replication_seed,
                                   CaseEventSink* events, IndependentUnits& warm_start_units)
    : scenario_(checked(scenario)),
      seed_(replication_seed),
      calendar_(scenario.window.day_zero(), scenario.bank_holidays, 0, scenario.window.last_day()) {
  build_offices_and_workforces(events);
  // Interventions teams hear of every case from the start, warm-start cases included.
  build_interventions_teams();
  place_starting_caseload(warm_start_units);
  for (auto& workforce : workforces_) workforce->start();
  // After the starting caseload: the reviewer reads the offices as they start.
  if (scenario_.caseload.prioritisation.enabled)
    rag_reviewer_ = std::make_unique<RagReviewer>(scenario_.caseload.prioritisation, office_pointers_,
                                                  scenario_.window.day_zero(), seed_);
  offices_largest_first_ = office_pointers_;
  std::stable_sort(offices_largest_first_.begin(), offices_largest_first_.end(),
                   [](const PduOffice* a, const PduOffice* b) { return a->caseload() > b->caseload(); });
}

ProbationService::ProbationService(const Scenario& scenario, std::uint64_t replication_seed,
                                   CaseEventSink* events)
    : ProbationService(scenario, replication_seed, events, one_after_another()) {}

void ProbationService::build_offices_and_workforces(CaseEventSink* events) {
  const SimulationWindow& window = scenario_.window;
  for (std::size_t r = 0; r < scenario_.regions.size(); ++r) {
    std::vector<StaffRoster*> region_offices;
    std::vector<std::size_t> region_pdu_indices;
    for (const PduSpec& pdu : scenario_.regions[r].pdus) {
      const auto index = static_cast<std::uint32_t>(offices_.size());
      const auto stream_index = static_cast<std::uint32_t>(pdu.paired_with.value_or(index));
      ReferralProcess referrals(pdu.referrals, window.day_zero(), window.first_report_day(), stream_index,
                                seed_);
      offices_.push_back(std::make_unique<PduOffice>(
          PduIdentity{index, stream_index, pdu.name, &scenario_.case_mix_of(pdu)}, scenario_.caseload,
          referrals, seed_, initial_staff(scenario_, pdu, index), calendar_, window.last_day()));
      PduOffice& office = *offices_.back();
      office.set_establishment_fte(pdu.establishment_fte);
      office.set_event_sink(events);
      office_pointers_.push_back(&office);
      region_of_office_.push_back(r);
      region_offices.push_back(&office);
      region_pdu_indices.push_back(index);
    }
    workforces_.push_back(
        std::make_unique<RegionWorkforce>(scenario_.workforce, scenario_.staffing_plan, scenario_.window,
                                          scenario_.caseload.workload.default_contracted_hours_per_week,
                                          scenario_.caseload.workload.responsive_weighting.from, r,
                                          std::move(region_offices), std::move(region_pdu_indices), seed_));
  }
}

void ProbationService::build_interventions_teams() {
  if (!scenario_.interventions.enabled) return;
  for (const InterventionsTeamSpec& spec : scenario_.interventions_teams) {
    std::vector<PduOffice*> served;
    for (std::size_t pdu : spec.pdus) served.push_back(offices_[pdu].get());
    teams_.push_back(std::make_unique<InterventionsTeam>(spec.name, scenario_.interventions, served,
                                                         spec.pdus, calendar_, seed_));
    for (std::size_t k = 0; k < served.size(); ++k)
      served[k]->set_interventions(teams_.back().get(), static_cast<std::uint32_t>(k));
    teams_in_order_.push_back(teams_.back().get());
  }
  teams_largest_first_ = teams_in_order_;
  std::stable_sort(teams_largest_first_.begin(), teams_largest_first_.end(),
                   [](const InterventionsTeam* a, const InterventionsTeam* b) {
                     return a->office_count() > b->office_count();
                   });
}

void ProbationService::place_starting_caseload(IndependentUnits& units) {
  const SimulationWindow& window = scenario_.window;
  if (window.warm_start == WarmStart::snapshot)
    place_snapshot_caseload(scenario_, office_pointers_, teams_in_order_, seed_);
  if (window.warm_start != WarmStart::steady_state) return;
  // Like a day's casework: the offices' warm starts are independent but for what they tell the
  // interventions teams and the event log, which is delivered afterwards in office order.
  const bool parallel = units.threads() > 1;
  if (parallel)
    for (PduOffice* office : office_pointers_) office->set_deferring_notices(true);
  units.run(office_pointers_.size(), [&](std::size_t i) {
    office_pointers_[i]->place_warm_start_caseload(0, scenario_.longest_sentence_days());
  });
  if (parallel)
    for (PduOffice* office : office_pointers_) {
      office->set_deferring_notices(false);
      office->deliver_deferred_notices();
    }
}

std::optional<Day> ProbationService::next_staff_change_day() const {
  std::optional<Day> next;
  for (const auto& region : workforces_)
    if (const auto day = region->next_event_day(); day && (!next || *day < *next)) next = day;
  return next;
}

void ProbationService::run_staff_changes(Day day, IndependentUnits& units) {
  regions_due_.clear();
  for (auto& region : workforces_)
    if (const auto due = region->next_event_day(); due && *due <= day) regions_due_.push_back(region.get());
  units.run(regions_due_.size(), [&](std::size_t i) { regions_due_[i]->run_events_on(day); });
}

void ProbationService::run_rag_review(Day day) {
  if (rag_reviewer_) rag_reviewer_->run_day(day);
}

void ProbationService::run_casework(Day day, IndependentUnits& units) {
  if (units.threads() <= 1) {
    for (PduOffice* office : office_pointers_) office->run_day(day);
    return;
  }
  // Only the offices' own day is deferred: the staff changes (which allocate cases and log events
  // too) run in their own phase and deliver at once. Notices are delivered in office order, the order
  // the offices run in one after another, so the outputs do not depend on the threads.
  for (PduOffice* office : office_pointers_) office->set_deferring_notices(true);
  units.run(offices_largest_first_.size(), [&](std::size_t i) { offices_largest_first_[i]->run_day(day); });
  for (PduOffice* office : office_pointers_) {
    office->set_deferring_notices(false);
    office->deliver_deferred_notices();
  }
}

void ProbationService::run_interventions(Day day, IndependentUnits& units) {
  const std::vector<InterventionsTeam*>& order = units.threads() > 1 ? teams_largest_first_ : teams_in_order_;
  units.run(order.size(), [&](std::size_t i) { order[i]->run_day(day); });
}

void ProbationService::run_phase(DayPhase phase, Day day, IndependentUnits& units) {
  switch (phase) {
    case DayPhase::staff_changes:
      if (const auto due = next_staff_change_day(); due && *due <= day) run_staff_changes(day, units);
      return;
    case DayPhase::rag_review:
      run_rag_review(day);
      return;
    case DayPhase::casework:
      run_casework(day, units);
      return;
    case DayPhase::interventions:
      run_interventions(day, units);
      return;
    case DayPhase::observation:
      return;
  }
}

std::size_t ProbationService::units_in(DayPhase phase) const {
  switch (phase) {
    case DayPhase::staff_changes:
      return workforces_.size();
    case DayPhase::rag_review:
      return rag_reviewer_ ? 1 : 0;
    case DayPhase::casework:
      return offices_.size();
    case DayPhase::interventions:
      return teams_.size();
    case DayPhase::observation:
      return 0;
  }
  return 0;
}

std::vector<const PduOffice*> ProbationService::observed_offices() const {
  return {office_pointers_.begin(), office_pointers_.end()};
}

std::vector<const InterventionsTeam*> ProbationService::observed_teams() const {
  return {teams_in_order_.begin(), teams_in_order_.end()};
}

}  // namespace probsim
