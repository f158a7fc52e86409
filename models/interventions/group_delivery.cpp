#include "interventions/group_delivery.hpp"

#include "core/random_stream.hpp"

namespace probsim {

int sessions_per_week_of_new_group(const ProgrammeRules& rules, const InterventionDelivery& d, bool bbr,
                                   bool one_to_one, std::uint64_t replication_seed, std::uint64_t team_key,
                                   std::int64_t group_serial) {
  if (!bbr) return rules.sessions_per_week;
  if (one_to_one)
    return d.one_to_one_sessions_per_week > 0 ? d.one_to_one_sessions_per_week : rules.sessions_per_week;
  // No draw when there is no mix, so a scenario without one is unchanged draw for draw.
  if (d.weekly_group_share <= 0.0) return rules.sessions_per_week;
  RandomStream draw(replication_seed, stream::kGroupPace,
                    combine_seed(team_key, static_cast<std::uint64_t>(group_serial)));
  return draw.uniform01() < d.weekly_group_share ? 1 : rules.sessions_per_week;
}

bool session_cancelled_for_absence(const InterventionDelivery& d, std::uint64_t replication_seed,
                                   std::uint64_t team_key, std::int64_t group_serial, std::int64_t slot) {
  if (d.cancelled_session_share <= 0.0) return false;
  RandomStream draw(replication_seed, stream::kSessionCancelled,
                    combine_seed(combine_seed(team_key, static_cast<std::uint64_t>(group_serial)),
                                 static_cast<std::uint64_t>(slot)));
  return draw.uniform01() < d.cancelled_session_share;
}

bool in_holiday_break(const HolidayBreak& b, CalendarDate date) {
  if (b.weeks <= 0.0) return false;
  const auto length = static_cast<std::int64_t>(std::lround(7.0 * b.weeks));
  const std::int64_t day = date.days_since_epoch();
  for (int year : {date.year - 1, date.year}) {
    const std::int64_t first = CalendarDate{year, b.month, b.day}.days_since_epoch();
    if (day >= first && day < first + length) return true;
  }
  return false;
}

Day completion_recorded_day(const InterventionDelivery& d, std::uint64_t replication_seed,
                            std::uint64_t draw_key, Day last_session_day) {
  const WeeksRange& w = d.completion_recorded_after_weeks;
  if (w.max_weeks <= 0.0) return last_session_day;
  RandomStream draw(replication_seed, stream::kCompletionRecorded, draw_key);
  return last_session_day + w.days_at(draw.uniform01());
}

}  // namespace probsim
