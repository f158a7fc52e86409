#include "output/snapshot_writer.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "caseload/imported_case.hpp"
#include "output/atomic_file.hpp"
#include "output/csv.hpp"

namespace probsim {

namespace {

// Whole calendar months from `from` to `to` (a month is complete on the same day of the next month).
int whole_months(const CalendarDate& from, const CalendarDate& to) {
  int months = (to.year - from.year) * 12 + (to.month - from.month);
  if (to.day < from.day) months -= 1;
  return months;
}

// A man's BBR record as the caseload's bbr_* columns give it, or nullopt for a state they do not hold
// (a requirement diverted to another programme, or one that ended with its order).
std::optional<SnapshotBbrStatus> bbr_status(const Participant& p, const ProgrammeGroup* group) {
  switch (p.state) {
    case ParticipantState::in_readiness:
      return SnapshotBbrStatus::in_readiness;
    case ParticipantState::waiting:
      return SnapshotBbrStatus::waiting;
    case ParticipantState::awaiting_group:
      return SnapshotBbrStatus::awaiting_group;
    case ParticipantState::awaiting_rejoin:
      return SnapshotBbrStatus::awaiting_rejoin;
    case ParticipantState::attending:
      return group != nullptr && group->one_to_one ? SnapshotBbrStatus::attending_one_to_one
                                                   : SnapshotBbrStatus::attending;
    case ParticipantState::completed:
      return SnapshotBbrStatus::completed;
    case ParticipantState::removed:
      return SnapshotBbrStatus::removed;
    default:
      return std::nullopt;
  }
}

// A structured intervention's record as the si_* columns give it, or nullopt for a record that is over
// (its order ended, or it was diverted). SIs have no pre-group start and no one-to-one course.
std::optional<SnapshotSiStatus> si_status(const Participant& p) {
  switch (p.state) {
    case ParticipantState::in_readiness:
      return SnapshotSiStatus::in_readiness;
    case ParticipantState::waiting:
      return SnapshotSiStatus::waiting;
    case ParticipantState::awaiting_rejoin:
      return SnapshotSiStatus::awaiting_rejoin;
    case ParticipantState::attending:
      return SnapshotSiStatus::attending;
    case ParticipantState::completed:
      return SnapshotSiStatus::completed;
    case ParticipantState::removed:
      return SnapshotSiStatus::removed;
    default:
      return std::nullopt;
  }
}

// A case's programme record under way, and the team holding it.
struct LiveRecord {
  const Participant* p;
  const InterventionsTeam* team;
};

// The si_* columns of a case's live SI record; group names are `<team>/<programme>-<n>`, numbered per
// team and programme in the order the file first names them.
std::vector<std::string> si_columns(
    const Participant& p, const InterventionsTeam& team, const InterventionRules& rules,
    const SimulationWindow& window,
    std::map<std::pair<const InterventionsTeam*, std::int32_t>, std::string>& names,
    std::map<std::pair<const InterventionsTeam*, std::uint32_t>, int>& named) {
  const SnapshotSiStatus s = *si_status(p);
  const std::string& programme = rules.structured_interventions[p.programme - 1].name;
  std::string sessions, group;
  if (snapshot_si_has_sessions(s)) sessions = std::to_string(p.sessions_credited);
  if (s == SnapshotSiStatus::attending) {
    auto [it, fresh] = names.emplace(std::pair{&team, p.group}, "");
    if (fresh)
      it->second = team.name() + "/" + programme + "-" + std::to_string(++named[{&team, p.programme}]);
    group = it->second;
  }
  return {programme, std::string(kSnapshotSiStatusNames[static_cast<std::size_t>(s)]),
          window.date_of(p.requirement_day).iso(), sessions, group};
}

}  // namespace

void write_snapshot_csvs(const Scenario& scenario, std::span<const PduOffice* const> offices, Day day,
                         const std::string& caseload_csv, const std::string& staff_csv,
                         std::span<const InterventionsTeam* const> teams) {
  const SimulationWindow& window = scenario.window;
  const Day snapshot_day = day + 1;
  const CalendarDate snapshot_date = window.date_of(snapshot_day);
  const TraineePipeline& pipeline = scenario.workforce.trainee_pipeline;

  AtomicFile staff(staff_csv);
  staff.stream() << csv_row({"staff_id", "pdu", "grade", "fte", "reduction_pct", "reduction_reason",
                             "reduction_end_date", "pqip_training_month", "nqo_months_completed",
                             "long_term_sick", "sickness_end_date"});
  for (const PduOffice* office : offices)
    for (const Practitioner& p : office->staff()) {
      if (!p.in_post) continue;
      std::string reduction, reason, reduction_end, pqip_month, nqo_months;
      const int months = p.in_trainee_pipeline ? whole_months(p.training_start, snapshot_date) : 0;
      if (p.in_trainee_pipeline && p.grade == Grade::pqip) {
        pqip_month = std::to_string(std::clamp(months, 0, pipeline.training_months - 1));
      } else if (p.in_trainee_pipeline) {
        nqo_months = std::to_string(
            std::clamp(months - pipeline.training_months, 0, std::max(0, pipeline.nqo_months - 1)));
      } else if (p.reduction_share > 0.0) {
        // The model keeps no reason; any reduction outside the pipeline reads back the same.
        reduction = format_number(100.0 * p.reduction_share);
        reason = "other";
        if (p.reduction_until > snapshot_day) reduction_end = window.date_of(p.reduction_until).iso();
      }
      // Short-term sickness is not in the schema: the workforce model draws it afresh.
      const bool long_term = p.long_term_sick && p.sick_until > snapshot_day;
      staff.stream() << csv_row({p.name, office->name(), std::string(to_string(p.grade)),
                                 format_number(p.fte), reduction, reason, reduction_end, pqip_month,
                                 nqo_months, long_term ? "true" : "false",
                                 long_term ? window.date_of(p.sick_until).iso() : ""});
    }

  // Each case's live BBR record (a man's BBR record ends `diverted` when he is moved to another
  // programme; the record of a requirement whose order has ended is not his any more).
  const bool with_bbr = scenario.interventions.enabled;
  const bool with_si = with_bbr && !scenario.interventions.structured_interventions.empty();
  std::unordered_map<CaseId, LiveRecord> bbr_of_case, si_of_case;
  for (const InterventionsTeam* team : teams)
    for (const Participant& p : team->participants()) {
      if (p.order_ended) continue;
      if (p.programme == 0 && bbr_status(p, nullptr)) bbr_of_case[p.case_id] = {&p, team};
      if (p.programme > 0 && si_status(p)) si_of_case[p.case_id] = {&p, team};
    }
  std::map<std::pair<const InterventionsTeam*, std::int32_t>, std::string> group_names, si_group_names;
  std::map<const InterventionsTeam*, int> groups_named;
  std::map<std::pair<const InterventionsTeam*, std::uint32_t>, int> si_groups_named;

  // The carried columns (rar_days, unpaid_work_hours) of the cases imported from a snapshot, by the id
  // the import gave them (file order within each PDU): written back as read, since no mechanism changes
  // them; a generated case has none.
  std::unordered_map<CaseId, const SnapshotCase*> imported_row;
  if (scenario.snapshot) {
    std::vector<std::uint64_t> next(offices.size(), 0);
    for (const SnapshotCase& row : scenario.snapshot->cases)
      imported_row[make_imported_case_id(offices[row.pdu]->index(), next[row.pdu]++)] = &row;
  }
  auto carried = [](double value) { return value == SnapshotCase::kNotGiven ? "" : format_number(value); };

  AtomicFile caseload(caseload_csv);
  std::vector<std::string> header = {"person_id",
                                     "pdu",
                                     "sentence_type",
                                     "sentence_start_date",
                                     "expected_end_date",
                                     "rosh",
                                     "tier",
                                     "sex",
                                     "domestic_abuse",
                                     "practitioner",
                                     "next_review_due",
                                     "sara_level",
                                     "rar_days",
                                     "unpaid_work_hours"};
  if (with_bbr)
    header.insert(header.end(), {"bbr_status", "bbr_requirement_date", "bbr_sessions_attended", "bbr_group",
                                 "bbr_sessions_missed", "bbr_start_date"});
  if (with_si)
    header.insert(header.end(),
                  {"si_programme", "si_status", "si_requirement_date", "si_sessions_attended", "si_group"});
  caseload.stream() << csv_row(header);
  for (const PduOffice* office : offices) {
    std::vector<std::pair<const Case*, std::uint32_t>> open;
    // Cases ending on the snapshot day close before its work: they are not on its caseload.
    office->for_each_open_case_slot([&](std::uint32_t slot, const Case& c) {
      if (c.end_day > snapshot_day) open.emplace_back(&c, slot);
    });
    std::sort(open.begin(), open.end(),
              [](const auto& a, const auto& b) { return a.first->id < b.first->id; });
    for (const auto& [c, slot] : open) {
      const std::string holder = c->practitioner == kUnallocated
                                     ? ""
                                     : office->staff()[static_cast<std::size_t>(c->practitioner)].name;
      std::vector<std::string> row = {std::to_string(c->id),
                                      office->name(),
                                      std::string(to_string(c->sentence_type)),
                                      window.date_of(c->referral_day).iso(),
                                      window.date_of(c->referral_day + c->sentence_length_days).iso(),
                                      std::string(to_string(c->rosh)),
                                      std::string(to_string(c->tier)),
                                      std::string(to_string(c->sex)),
                                      c->domestic_abuse_flag ? "true" : "false",
                                      holder};
      const auto imported = imported_row.find(c->id);
      const std::optional<Day> review_due = office->next_periodic_review_due(slot);
      row.push_back(review_due ? window.date_of(*review_due).iso() : "");
      const bool sara = imported != imported_row.end() && imported->second->sara_level;
      row.push_back(sara ? std::string(to_string(*imported->second->sara_level)) : "");
      row.push_back(imported == imported_row.end() ? "" : carried(imported->second->rar_days));
      row.push_back(imported == imported_row.end() ? "" : carried(imported->second->unpaid_work_hours));
      if (with_bbr) {
        std::string status, requirement, sessions, group, missed, start;
        if (auto found = bbr_of_case.find(c->id); found != bbr_of_case.end()) {
          const Participant& p = *found->second.p;
          const InterventionsTeam* team = found->second.team;
          const ProgrammeGroup* g =
              p.group != kNoGroup ? &team->groups()[static_cast<std::size_t>(p.group)] : nullptr;
          const SnapshotBbrStatus s = *bbr_status(p, g);
          status = kSnapshotBbrStatusNames[static_cast<std::size_t>(s)];
          requirement = window.date_of(p.requirement_day).iso();
          if (s == SnapshotBbrStatus::awaiting_rejoin || s == SnapshotBbrStatus::attending ||
              s == SnapshotBbrStatus::attending_one_to_one || s == SnapshotBbrStatus::removed)
            sessions = std::to_string(p.sessions_credited);
          if (s == SnapshotBbrStatus::attending) {
            auto [it, fresh] = group_names.emplace(std::pair{team, p.group}, "");
            if (fresh) it->second = team->name() + "/bbr-" + std::to_string(++groups_named[team]);
            group = it->second;
          }
          if (s == SnapshotBbrStatus::attending || s == SnapshotBbrStatus::attending_one_to_one)
            missed = std::to_string(p.misses);
          // A start imported from a snapshot is the date its row gave, if any (none is invented); a
          // start in the run is its day.
          const bool started_before_run = imported != imported_row.end() && imported->second->bbr &&
                                          imported->second->bbr->status != SnapshotBbrStatus::in_readiness &&
                                          imported->second->bbr->status != SnapshotBbrStatus::waiting;
          if (started_before_run && imported->second->bbr->start_day)
            start = window.date_of(*imported->second->bbr->start_day).iso();
          else if (!started_before_run && p.started)
            start = window.date_of(p.start_day).iso();
        }
        row.insert(row.end(), {status, requirement, sessions, group, missed, start});
      }
      if (with_si) {
        std::vector<std::string> si(5);
        if (auto found = si_of_case.find(c->id); found != si_of_case.end())
          si = si_columns(*found->second.p, *found->second.team, scenario.interventions, window,
                          si_group_names, si_groups_named);
        row.insert(row.end(), si.begin(), si.end());
      }
      caseload.stream() << csv_row(row);
    }
  }
  staff.commit();
  caseload.commit();
}

}  // namespace probsim
