// The caseload's structured-intervention columns (issue 21): which SI a person is on (SI-2..5), where
// the requirement stands on the snapshot day, and which running group they are in. The checks are the
// model's routing (INT-5: SIs are for domestic-abuse cases; Help is for men only, SI-4) and its groups
// (as BBR's: one team, one programme, one place in the programme).

#include "config/snapshot_si_columns.hpp"

#include <algorithm>

namespace probsim {

namespace {

namespace column {
constexpr std::string_view group = "si_group";
constexpr std::string_view programme = "si_programme";
constexpr std::string_view requirement_date = "si_requirement_date";
constexpr std::string_view sessions = "si_sessions_attended";
constexpr std::string_view status = "si_status";
}  // namespace column

}  // namespace

std::optional<std::optional<SnapshotSi>> read_si_columns(RowReader& row, const Scenario& s,
                                                         const SnapshotCase& person, bool person_ok,
                                                         bool has_bbr, SnapshotBbrGroups& groups) {
  const bool any = row.given(column::programme) || row.given(column::status) ||
                   row.given(column::requirement_date) || row.given(column::sessions) ||
                   row.given(column::group);
  if (!any) return std::optional<SnapshotSi>{};
  const auto& programmes = s.interventions.structured_interventions;
  if (!s.interventions.enabled || programmes.empty()) {
    row.error(column::status,
              "a structured intervention is given but the scenario has " +
                  std::string(s.interventions.enabled ? "no interventions.structured_interventions"
                                                      : "interventions off (interventions.enabled)") +
                  "; turn them on or leave the si_ columns empty");
    return std::nullopt;
  }
  if (has_bbr) {
    row.error(column::status,
              "the row gives a BBR requirement too; the model holds one programme under way per person "
              "(a man moved from BBR to an SI has only the SI): leave the bbr_ or the si_ columns empty");
    return std::nullopt;
  }
  SnapshotSi si;
  bool ok = true;
  std::optional<std::size_t> programme;
  if (auto name = row.required_text(column::programme)) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < programmes.size(); ++i) {
      if (programmes[i].name == *name) programme = i;
      names.push_back(programmes[i].name);
    }
    if (!programme) {
      std::string allowed;
      for (const auto& n : names) allowed += (allowed.empty() ? "" : ", ") + n;
      std::string message = "'" + std::string(*name) +
                            "' is not one of the scenario's structured "
                            "interventions (" +
                            allowed + ")";
      const std::string suggestion = did_you_mean(std::string(*name), names);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      row.error(column::programme, message);
    }
  }
  auto status = row.choice(column::status, kSnapshotSiStatusNames);
  auto requirement = row.date(column::requirement_date);
  ok = programme && status && requirement;
  if (programme) si.programme = static_cast<std::uint32_t>(*programme + 1);
  if (status) si.status = static_cast<SnapshotSiStatus>(*status);
  if (requirement) {
    si.requirement_day = *requirement;
    if (*requirement > 0)
      row.error(column::requirement_date, "is after the snapshot day " + s.window.day_zero().iso() +
                                              "; a requirement not yet made is a future referral"),
          ok = false;
    else if (person_ok && *requirement < person.sentence_start_day)
      row.error(column::requirement_date,
                "is before sentence_start_date; a requirement is part of the order"),
          ok = false;
  }
  // The model routes only domestic-abuse cases to SIs (INT-5), and its team hears only of them.
  if (person_ok && !person.domestic_abuse_flag)
    row.error(column::status, "structured interventions are for cases with domestic_abuse true (INT-5)"),
        ok = false;
  if (person_ok && programme && programmes[*programme].men_only && person.sex != Sex::male)
    row.error(column::programme, "'" + programmes[*programme].name + "' is for men only (SI-4)"), ok = false;
  if (person_ok && !served_by_interventions_team(s, person.pdu))
    row.error(column::status, "PDU '" + s.pdu_at(person.pdu).name +
                                  "' is served by no interventions team (interventions_teams)"),
        ok = false;
  if (!status || !programme) return std::nullopt;

  const ProgrammeRules& rules = programmes[*programme];
  bool sessions_known = true;
  if (row.given(column::sessions)) {
    if (!snapshot_si_has_sessions(si.status)) {
      row.error(column::sessions, "is given for a person " + std::string(row.text(column::status)) +
                                      "; only awaiting_rejoin, attending and removed have sessions attended");
      ok = false;
    } else if (auto n = row.whole_number(column::sessions, 0, rules.group_sessions - 1, "sessions")) {
      si.sessions_attended = *n;
    } else {
      ok = false;
      sessions_known = false;
    }
  }
  if (si.status == SnapshotSiStatus::completed) si.sessions_attended = rules.group_sessions;
  if (si.status == SnapshotSiStatus::awaiting_rejoin) {
    const int unit = rejoin_unit_sessions(rules);
    if (si.sessions_attended % unit != 0)
      row.error(column::sessions, "a person awaiting a rejoin keeps whole modules only (" +
                                      std::to_string(unit) + " sessions each in '" + rules.name +
                                      "'), found " + std::to_string(si.sessions_attended)),
          ok = false;
  }
  if (si.status == SnapshotSiStatus::attending) {
    if (auto name = row.required_text(column::group)) {
      si.group = add_group_member(groups, *name, row.line(), person.pdu, si.sessions_attended, si.programme,
                                  sessions_known);
    } else {
      ok = false;
    }
  } else if (row.given(column::group)) {
    row.error(column::group, "is given for a person not attending a group (si_status attending)"), ok = false;
  }
  if (!ok) return std::nullopt;
  return std::optional<SnapshotSi>{si};
}

void check_si_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                     std::vector<CsvProblem>& problems) {
  check_snapshot_groups(groups, s, file, problems, column::group, column::sessions);
}

}  // namespace probsim
