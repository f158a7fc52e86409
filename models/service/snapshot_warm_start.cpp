#include "service/snapshot_warm_start.hpp"

#include "caseload/imported_case.hpp"
#include "workforce/new_staff.hpp"

namespace probsim {

std::vector<Practitioner> snapshot_staff(const Scenario& scenario, std::size_t pdu_index) {
  std::vector<Practitioner> staff;
  const CalendarDate snapshot_day = scenario.window.day_zero();
  for (const SnapshotStaffMember& m : scenario.snapshot->staff) {
    if (m.pdu != pdu_index) continue;
    // Training months are counted to the snapshot day, so the pipeline's reduction is the one in force.
    Practitioner person =
        make_staff_member(m.person, scenario.caseload.workload.default_contracted_hours_per_week,
                          scenario.workforce.trainee_pipeline, snapshot_day);
    if (!person.in_trainee_pipeline) {
      person.reduction_share = m.reduction_share;
      person.reduction_until = m.reduction_until;  // the workforce model ends it (RegionWorkforce::start)
    }
    if (m.long_term_sick_until > 0) {
      // An episode under way: the workforce model ends it on the day given (RegionWorkforce::start).
      person.long_term_sick = true;
      person.sick_from = 0;
      person.sick_until = m.long_term_sick_until;
    }
    staff.push_back(std::move(person));
  }
  return staff;
}

void place_snapshot_caseload(const Scenario& scenario, std::span<PduOffice* const> offices,
                             std::span<InterventionsTeam* const> teams, std::uint64_t replication_seed) {
  std::vector<std::vector<PduOffice::ImportedCase>> by_office(offices.size());
  const CaseloadRules& rules = scenario.caseload;
  for (const SnapshotCase& row : scenario.snapshot->cases) {
    const PduOffice& office = *offices[row.pdu];
    auto& cases = by_office[row.pdu];
    const std::uint64_t ordinal = cases.size();
    const ImportedCaseRow attributes{row.sentence_type,
                                     row.sentence_start_day,
                                     row.expected_end_day,
                                     row.rosh,
                                     row.tier,
                                     row.domestic_abuse_flag,
                                     row.sex};
    cases.push_back(PduOffice::ImportedCase{
        make_imported_case(attributes, make_imported_case_id(office.index(), ordinal),
                           make_imported_case_id(office.stream_index(), ordinal), 0, office.case_mix(),
                           rules.early_termination, replication_seed),
        row.practitioner, row.next_review_due});
  }
  std::vector<std::vector<std::uint32_t>> slots(offices.size());
  for (std::size_t k = 0; k < offices.size(); ++k)
    slots[k] = offices[k]->place_imported_caseload(by_office[k], 0);
  if (teams.empty()) return;

  // Each man's BBR record goes to the team serving his PDU, in file order (teams are in the order of
  // scenario.interventions_teams; the loader has checked every PDU with a record is served).
  struct Served {
    std::size_t team;
    std::uint32_t office_in_team;
  };
  std::vector<std::optional<Served>> served(offices.size());
  for (std::size_t t = 0; t < scenario.interventions_teams.size(); ++t)
    for (std::size_t k = 0; k < scenario.interventions_teams[t].pdus.size(); ++k)
      served[scenario.interventions_teams[t].pdus[k]] = Served{t, static_cast<std::uint32_t>(k)};
  std::vector<std::vector<InterventionsTeam::ImportedBbr>> records(teams.size());
  std::vector<std::vector<InterventionsTeam::ImportedSi>> si_records(teams.size());
  std::vector<std::size_t> next(offices.size(), 0);
  for (const SnapshotCase& row : scenario.snapshot->cases) {
    const std::size_t ordinal = next[row.pdu]++;
    if ((!row.bbr && !row.si) || !served[row.pdu]) continue;
    const PduOffice& office = *offices[row.pdu];
    const std::uint32_t slot = slots[row.pdu][ordinal];
    const Case& c = by_office[row.pdu][ordinal].c;
    const std::uint32_t office_in_team = served[row.pdu]->office_in_team;
    const CaseId draw_key = make_imported_case_id(office.stream_index(), ordinal);
    if (row.bbr)
      records[served[row.pdu]->team].push_back(InterventionsTeam::ImportedBbr{
          office_in_team, slot, office.case_in_slot(slot, c.id), draw_key, *row.bbr});
    else
      si_records[served[row.pdu]->team].push_back(InterventionsTeam::ImportedSi{
          office_in_team, slot, office.case_in_slot(slot, c.id), draw_key, *row.si});
  }
  // BBR first, as a steady-state warm start's list is all BBR: the structured interventions' records
  // follow, so a snapshot with none leaves BBR's draws and order as they were.
  for (std::size_t t = 0; t < teams.size(); ++t) {
    teams[t]->import_bbr(records[t], 0);
    teams[t]->import_si(si_records[t], 0);
  }
}

}  // namespace probsim
