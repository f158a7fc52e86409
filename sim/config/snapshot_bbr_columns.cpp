// The caseload's BBR columns (issue 21): where a man's BBR requirement stands on the snapshot day, and
// which running group he is in. Read per row, then the groups are checked as a whole: members of one
// group are served by one interventions team, and sit at one place in the programme (a closed group's
// members have attended the same number of sessions; a rolling group's the same within a module, since
// men join only at a module's start).

#include "config/snapshot_bbr_columns.hpp"

#include <algorithm>
#include <map>

namespace probsim {

namespace {

namespace column {
constexpr std::string_view group = "bbr_group";
constexpr std::string_view missed = "bbr_sessions_missed";
constexpr std::string_view start_date = "bbr_start_date";
constexpr std::string_view requirement_date = "bbr_requirement_date";
constexpr std::string_view sessions = "bbr_sessions_attended";
constexpr std::string_view status = "bbr_status";
}  // namespace column

bool has_sessions(SnapshotBbrStatus s) {
  return s == SnapshotBbrStatus::awaiting_rejoin || s == SnapshotBbrStatus::attending ||
         s == SnapshotBbrStatus::attending_one_to_one || s == SnapshotBbrStatus::removed;
}

}  // namespace

bool served_by_interventions_team(const Scenario& s, std::size_t pdu) {
  return std::any_of(s.interventions_teams.begin(), s.interventions_teams.end(), [&](const auto& t) {
    return std::find(t.pdus.begin(), t.pdus.end(), pdu) != t.pdus.end();
  });
}

int rejoin_unit_sessions(const ProgrammeRules& rules) {
  return rules.format == GroupFormat::rolling ? rules.module_sessions : rules.group_sessions;
}

std::int32_t add_group_member(SnapshotBbrGroups& groups, std::string_view name, int line, std::size_t pdu,
                              int sessions, std::uint32_t programme, bool sessions_known) {
  auto [it, fresh] = groups.index.emplace(std::string(name), groups.names.size());
  if (fresh) groups.names.push_back(it->first);
  groups.members.push_back({it->second, line, pdu, sessions, programme, sessions_known});
  return static_cast<std::int32_t>(it->second);
}

std::optional<std::optional<SnapshotBbr>> read_bbr_columns(RowReader& row, const Scenario& s,
                                                           const SnapshotCase& person, bool person_ok,
                                                           SnapshotBbrGroups& groups) {
  const bool any = row.given(column::status) || row.given(column::requirement_date) ||
                   row.given(column::sessions) || row.given(column::group) || row.given(column::missed) ||
                   row.given(column::start_date);
  if (!any) return std::optional<SnapshotBbr>{};
  if (!s.interventions.enabled) {
    row.error(column::status,
              "a BBR requirement is given but the scenario has interventions off "
              "(interventions.enabled); turn them on or leave the bbr_ columns empty");
    return std::nullopt;
  }
  const ProgrammeRules& rules = s.interventions.bbr;
  SnapshotBbr bbr;
  bool ok = true;
  auto status = row.choice(column::status, kSnapshotBbrStatusNames);
  auto requirement = row.date(column::requirement_date);
  ok = status && requirement;
  if (status) bbr.status = static_cast<SnapshotBbrStatus>(*status);
  if (requirement) {
    bbr.requirement_day = *requirement;
    if (*requirement > 0)
      row.error(column::requirement_date, "is after the snapshot day " + s.window.day_zero().iso() +
                                              "; a requirement not yet made is a future referral"),
          ok = false;
    else if (person_ok && *requirement < person.sentence_start_day)
      row.error(column::requirement_date,
                "is before sentence_start_date; a requirement is part of the order"),
          ok = false;
  }
  // BBR is for men who are domestic abuse perpetrators (BBR-1, BBR-2): the model routes only them.
  if (person_ok && (!person.domestic_abuse_flag || person.sex != Sex::male))
    row.error(column::status, "BBR is for men with domestic_abuse true (BBR-1); this row is not"), ok = false;
  if (person_ok && !served_by_interventions_team(s, person.pdu))
    row.error(column::status, "PDU '" + s.pdu_at(person.pdu).name +
                                  "' is served by no interventions team (interventions_teams)"),
        ok = false;
  if (!status) return std::nullopt;

  bool sessions_known = true;
  if (row.given(column::sessions)) {
    if (!has_sessions(bbr.status)) {
      row.error(column::sessions, "is given for a man " + std::string(row.text(column::status)) +
                                      "; only awaiting_rejoin, attending, attending_one_to_one and removed "
                                      "have sessions attended");
      ok = false;
    } else if (auto n = row.whole_number(column::sessions, 0, rules.group_sessions - 1, "sessions")) {
      bbr.sessions_attended = *n;
    } else {
      ok = false;
      sessions_known = false;
    }
  }
  if (bbr.status == SnapshotBbrStatus::completed) bbr.sessions_attended = rules.group_sessions;
  if (bbr.status == SnapshotBbrStatus::awaiting_rejoin) {
    const int unit = rejoin_unit_sessions(rules);
    if (bbr.sessions_attended % unit != 0)
      row.error(column::sessions, "a man awaiting a rejoin keeps whole modules only (" +
                                      std::to_string(unit) + " sessions each in this scenario), found " +
                                      std::to_string(bbr.sessions_attended)),
          ok = false;
  }
  if (bbr.status == SnapshotBbrStatus::attending) {
    if (auto name = row.required_text(column::group)) {
      bbr.group =
          add_group_member(groups, *name, row.line(), person.pdu, bbr.sessions_attended, 0, sessions_known);
    } else {
      ok = false;
    }
  } else if (row.given(column::group)) {
    row.error(column::group, "is given for a man not attending a group (bbr_status attending)"), ok = false;
  }
  if (row.given(column::missed)) {
    const bool in_group =
        bbr.status == SnapshotBbrStatus::attending || bbr.status == SnapshotBbrStatus::attending_one_to_one;
    if (!in_group)
      row.error(column::missed,
                "is given for a man not attending; only attending and attending_one_to_one "
                "have sessions missed in a current attempt"),
          ok = false;
    else if (auto n = row.whole_number(column::missed, 0, rules.missed_sessions_allowed,
                                       "sessions (a man missing more is removed, BBR-5)"))
      bbr.sessions_missed = *n;
    else
      ok = false;
  }
  if (row.given(column::start_date)) {
    if (bbr.status == SnapshotBbrStatus::in_readiness || bbr.status == SnapshotBbrStatus::waiting) {
      row.error(column::start_date,
                "is given for a man not yet started (" + std::string(row.text(column::status)) + ")");
      ok = false;
    } else if (auto start = row.date(column::start_date)) {
      if (*start > 0)
        row.error(column::start_date, "is after the snapshot day " + s.window.day_zero().iso()), ok = false;
      else if (requirement && *start < *requirement)
        row.error(column::start_date, "is before bbr_requirement_date"), ok = false;
      else
        bbr.start_day = *start;
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return std::optional<SnapshotBbr>{bbr};
}

void check_bbr_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                      std::vector<CsvProblem>& problems) {
  check_snapshot_groups(groups, s, file, problems, column::group, column::sessions);
}

void check_snapshot_groups(const SnapshotBbrGroups& groups, const Scenario& s, const std::string& file,
                           std::vector<CsvProblem>& problems, std::string_view group_column,
                           std::string_view sessions_column) {
  auto rules_of = [&](std::uint32_t programme) -> const ProgrammeRules& {
    return programme == 0 ? s.interventions.bbr : s.interventions.structured_interventions[programme - 1];
  };
  auto size_key = [&](std::uint32_t programme) {
    return programme == 0 ? std::string("bbr.group_size_max")
                          : "group_size_max of structured intervention '" + rules_of(programme).name + "'";
  };
  std::vector<std::size_t> team_of_pdu(s.pdu_count(), s.interventions_teams.size());
  for (std::size_t t = 0; t < s.interventions_teams.size(); ++t)
    for (std::size_t pdu : s.interventions_teams[t].pdus) team_of_pdu[pdu] = t;
  struct First {
    int line;
    std::size_t team;
    int sessions;
    std::uint32_t programme;
    std::size_t members = 0;
  };
  std::map<std::size_t, First> first;
  std::map<std::size_t, std::vector<const SnapshotBbrGroups::Member*>> placed;  // judged by their sessions
  const std::string group_col(group_column), sessions_col(sessions_column);
  for (const SnapshotBbrGroups::Member& m : groups.members) {
    const std::size_t team = team_of_pdu[m.pdu];
    auto [it, fresh] = first.emplace(m.group, First{m.line, team, m.sessions, m.programme});
    const std::string name = "'" + groups.names[m.group] + "'";
    if (team == s.interventions_teams.size()) {
      problems.push_back({file, m.line, group_col,
                          "the man's PDU '" + s.pdu_at(m.pdu).name + "' is served by no interventions team"});
      continue;
    }
    if (m.programme != it->second.programme) {
      problems.push_back({file, m.line, group_col,
                          "group " + name + " (first on line " + std::to_string(it->second.line) +
                              ") runs '" + rules_of(it->second.programme).name + "', not '" +
                              rules_of(m.programme).name + "'"});
      continue;
    }
    const ProgrammeRules& rules = rules_of(m.programme);
    if (++it->second.members > static_cast<std::size_t>(rules.group_size_max))
      problems.push_back({file, m.line, group_col,
                          "group " + name + " has more than " + size_key(m.programme) + " (" +
                              std::to_string(rules.group_size_max) + ") members"});
    if (fresh) {
      if (m.sessions_known) placed[m.group].push_back(&m);
      continue;
    }
    if (team != it->second.team) {
      problems.push_back({file, m.line, group_col,
                          "group " + name + " (first on line " + std::to_string(it->second.line) +
                              ") is run by team '" + s.interventions_teams[it->second.team].name +
                              "', which does not serve PDU '" + s.pdu_at(m.pdu).name + "'"});
      continue;
    }
    if (m.sessions_known) placed[m.group].push_back(&m);
  }
  // Members sit at one place in the programme. The odd ones out are those away from the place most
  // members share (the earliest such member named as the reference), not those away from the first row:
  // one wrong row among eight used to flag the seven right ones.
  for (const auto& [group, members] : placed) {
    const ProgrammeRules& rules = rules_of(members.front()->programme);
    const bool rolling = rules.format == GroupFormat::rolling;
    auto place = [&](int sessions) { return rolling ? sessions % rules.module_sessions : sessions; };
    std::map<int, std::size_t> count;
    for (const auto* m : members) ++count[place(m->sessions)];
    const SnapshotBbrGroups::Member* reference = members.front();
    for (const auto* m : members)
      if (count[place(m->sessions)] > count[place(reference->sessions)]) reference = m;
    const std::string name = "'" + groups.names[group] + "'";
    for (const auto* m : members) {
      if (place(m->sessions) == place(reference->sessions)) continue;
      problems.push_back(
          {file, m->line, sessions_col,
           std::to_string(m->sessions) + " sessions does not fit group " + name + " (" +
               std::to_string(count[place(reference->sessions)]) + " of its " +
               std::to_string(members.size()) + " members fit line " + std::to_string(reference->line) +
               "'s " + std::to_string(reference->sessions) + "): " +
               (rolling ? "in a rolling group members join at a module's start, so members' counts differ by "
                          "whole modules (" +
                              std::to_string(rules.module_sessions) + " sessions)"
                        : "a closed group's members start together and have attended the same sessions")});
    }
  }
}

}  // namespace probsim
