#include "runner/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace probsim {

namespace {

// The mean time a case of `mix` stays open, at most: its mean sentence length (cases also end early).
double mean_weeks_open(const CaseMix& mix) {
  const auto& shares = mix.sentence_type.weights();
  double share_total = 0.0, mean_months = 0.0;
  for (std::size_t t = 0; t < shares.size() && t < mix.sentence_length_months.size(); ++t) {
    share_total += shares[t];
    mean_months += shares[t] * mix.sentence_length_months[t].mean();
  }
  if (share_total > 0.0) mean_months /= share_total;
  return mean_months * kDaysPerMonth / kDaysPerWeek;
}

// The most cases a PDU started from a snapshot has open at once, at most: on each day t, its imported
// cases not yet at their expected end (`end_days`, sorted; early exits only lower it) plus its referrals
// still open, which are at most the referrals made since day 0 and at most Little's law's steady state.
// Taken week by week, each week's imported cases at its start with its referrals at its end, so the
// figure bounds every day of the week.
double snapshot_open_cases(const std::vector<Day>& end_days, double per_week, double steady_state,
                           Day last_day) {
  double most = 0.0;
  for (Day week_start = 0; week_start <= last_day; week_start += 7) {
    const Day week_end = std::min<Day>(week_start + 6, last_day);
    const auto imported = static_cast<double>(
        end_days.end() - std::upper_bound(end_days.begin(), end_days.end(), week_start - 1));
    const double referred =
        std::min(steady_state, per_week * static_cast<double>(week_end + 1) / kDaysPerWeek);
    most = std::max(most, imported + referred);
  }
  return most;
}

// Staff in post at the start (the PDUs' staff groups, or a snapshot's staff rows) and recruited by the
// plan's intakes dated within the window. Each recruit joins one PDU, so the total counts an intake once;
// a region's intake, whose recruits go where the vacancies are, counts towards no one PDU's staff. The
// largest single entry's key says what to lower.
struct StaffCount {
  std::vector<double> by_pdu;
  double total = 0.0;
  std::string largest_key;
  double largest = 0.0;
  std::size_t as_large = 0;  // other entries of the largest's size: lowering the first alone may not do

  void add(double count, const std::string& key) {
    total += count;
    if (count > largest)
      largest = count, largest_key = key, as_large = 0;
    else if (count == largest && count > 0.0)
      ++as_large;
  }
};

StaffCount count_staff(const Scenario& scenario) {
  StaffCount staff;
  staff.by_pdu.assign(scenario.pdu_count(), 0.0);
  std::size_t pdu_index = 0;
  for (std::size_t r = 0; r < scenario.regions.size(); ++r)
    for (std::size_t p = 0; p < scenario.regions[r].pdus.size(); ++p, ++pdu_index) {
      const auto& groups = scenario.regions[r].pdus[p].staff;
      for (std::size_t g = 0; g < groups.size() && !scenario.snapshot; ++g) {
        staff.by_pdu[pdu_index] += groups[g].headcount;
        staff.add(groups[g].headcount, "regions[" + std::to_string(r) + "].pdus[" + std::to_string(p) +
                                           "].staff[" + std::to_string(g) + "].headcount");
      }
    }
  if (scenario.snapshot) {
    for (const SnapshotStaffMember& member : scenario.snapshot->staff) staff.by_pdu[member.pdu] += 1.0;
    staff.add(static_cast<double>(scenario.snapshot->staff.size()), "simulation.staff_csv");
  }
  const auto& intakes = scenario.staffing_plan.intakes;
  for (std::size_t i = 0; i < intakes.size(); ++i) {
    if (scenario.window.report_end < intakes[i].date) continue;
    staff.add(intakes[i].count, "staffing_plan.intakes[" + std::to_string(i) + "].count");
    if (intakes[i].pdu) staff.by_pdu[*intakes[i].pdu] += intakes[i].count;
  }
  return staff;
}

}  // namespace

MemoryEstimate estimate_replication_memory(const Scenario& scenario) {
  MemoryEstimate estimate;
  const double window_years = static_cast<double>(scenario.window.report_end.days_since_epoch() -
                                                  scenario.window.report_start.days_since_epoch()) /
                              kDaysPerYear;
  // A snapshot's cases by PDU (scenario order), as expected end days.
  std::vector<std::vector<Day>> imported_ends(scenario.pdu_count());
  if (scenario.snapshot) {
    for (const SnapshotCase& c : scenario.snapshot->cases) imported_ends[c.pdu].push_back(c.expected_end_day);
    for (auto& ends : imported_ends) std::sort(ends.begin(), ends.end());
  }
  std::size_t pdu_index = 0;
  for (std::size_t r = 0; r < scenario.regions.size(); ++r) {
    const auto& pdus = scenario.regions[r].pdus;
    for (std::size_t p = 0; p < pdus.size(); ++p, ++pdu_index) {
      const ReferralRate& rate = pdus[p].referrals;
      const double peak_season =
          *std::max_element(rate.seasonality_multiplier.begin(), rate.seasonality_multiplier.end());
      // The trend compounds from report_start (1 there, and before it), so a growing trend peaks at
      // report_end and a falling one at report_start.
      const double peak_trend = std::max(1.0, std::pow(1.0 + rate.trend_fraction_per_year, window_years));
      // The PDU's own case mix (its override, or the national one) sets how long its cases stay open.
      const double weeks_open = mean_weeks_open(scenario.case_mix_of(pdus[p]));
      const double per_week = rate.per_week * peak_season * peak_trend;
      const double steady_state = per_week * weeks_open;
      const std::vector<Day>& ends = imported_ends[pdu_index];
      const double open = scenario.snapshot
                              ? snapshot_open_cases(ends, per_week, steady_state, scenario.window.last_day())
                              : steady_state;
      estimate.open_cases += open;
      estimate.imported_cases += static_cast<double>(ends.size());
      if (open > estimate.pdu_open_cases || estimate.pdu_key.empty()) {
        estimate.pdu_key =
            "regions[" + std::to_string(r) + "].pdus[" + std::to_string(p) + "].referrals_per_week";
        estimate.pdu_name = pdus[p].name;
        estimate.pdu_per_week = rate.per_week;
        estimate.pdu_peak_season = peak_season;
        estimate.pdu_peak_trend = peak_trend;
        estimate.pdu_open_cases = open;
        estimate.pdu_imported_cases = static_cast<double>(ends.size());
        estimate.weeks_open = weeks_open;
      }
    }
  }
  const StaffCount staff = count_staff(scenario);
  estimate.staff = staff.total;
  estimate.staff_key = staff.largest_key;
  estimate.staff_key_count = staff.largest;
  estimate.staff_key_as_large = staff.as_large;
  pdu_index = 0;
  for (const RegionSpec& region : scenario.regions)
    for (const PduSpec& pdu : region.pdus) {
      const double count = staff.by_pdu[pdu_index++];
      if (count > estimate.staff_pdu_count) {
        estimate.staff_pdu_name = pdu.name;
        estimate.staff_pdu_count = count;
      }
    }
  estimate.bytes =
      kFixedBytes + kBytesPerOpenCase * estimate.open_cases + kBytesPerStaffMember * estimate.staff;
  return estimate;
}

namespace {

const auto whole = describe_count;

// ", and 2 other entries as large" (after `lead`), or nothing when the largest entry is alone.
std::string others_as_large(std::size_t others, const std::string& lead) {
  if (others == 0) return "";
  return lead + std::to_string(others) + (others == 1 ? " other entry" : " other entries") + " as large";
}

std::string why(const MemoryEstimate& e) {
  std::ostringstream text;
  text << whole(e.open_cases) << " cases open at once; the most in PDU '" << e.pdu_name << "' (key '"
       << e.pdu_key << "': " << whole(e.pdu_per_week) << " referrals a week";
  if (e.pdu_peak_season > 1.0) text << " x " << e.pdu_peak_season << " at the seasonal peak";
  if (e.pdu_peak_trend > 1.0)
    text << " x " << whole(e.pdu_peak_trend) << " from referrals.trend_pct_per_year over the window";
  text << ", each case open up to " << whole(e.weeks_open) << " weeks on average";
  if (e.pdu_imported_cases > 0.0)
    text << ", and " << whole(e.pdu_imported_cases) << " cases from the snapshot";
  text << ": " << whole(e.pdu_open_cases) << " cases)";
  if (e.staff_notable()) {
    text << ", and " << whole(e.staff) << " staff in post or recruited (";
    if (!e.staff_pdu_name.empty())
      text << "the most in PDU '" << e.staff_pdu_name << "': " << whole(e.staff_pdu_count) << "; ";
    text << "the largest entry key '" << e.staff_key << "': " << whole(e.staff_key_count)
         << others_as_large(e.staff_key_as_large, ", and ") << ")";
  }
  return text.str();
}

}  // namespace

MemoryVerdict check_memory(const Scenario& scenario, std::size_t replications_at_once,
                           std::optional<double> limit_bytes, std::optional<double> available_bytes,
                           const MemoryHeld& held) {
  const bool given = limit_bytes.has_value();
  if (!given) limit_bytes = available_bytes;
  if (!limit_bytes) return {};  // nothing to check against
  const MemoryEstimate one = estimate_replication_memory(scenario);
  const std::size_t at_once = std::max<std::size_t>(1, replications_at_once);
  // What the process holds counts against --max-memory; MemAvailable was read with it already held.
  const double held_bytes = given && held.bytes > 0.0 ? held.bytes : 0.0;
  const double needed = one.bytes * static_cast<double>(at_once) + held_bytes;
  if (needed <= *limit_bytes / 2.0) return {};
  std::ostringstream text;
  // Over the limit, the two figures are told apart however close they are ("nearly all of" says the rest).
  const auto [needed_text, limit_text] =
      needed > *limit_bytes ? describe_bytes_apart(needed, *limit_bytes)
                            : std::pair{describe_bytes(needed), describe_bytes(*limit_bytes)};
  text << "the run needs an estimated " << needed_text << " (" << at_once << " replication"
       << (at_once == 1 ? "" : "s") << " at once, each about " << describe_bytes(one.bytes) << " for "
       << why(one)
       << (held_bytes > 0.0 ? "; and " + describe_bytes(held_bytes) + " for " + held.what : std::string())
       << "), "
       // Rounded to the same figure, "over half of the 83 MiB" beside an estimate of 83 MiB read as wrong.
       << (needed > *limit_bytes       ? "more than"
           : needed_text == limit_text ? "nearly all of"
                                       : "over half of")
       << " the " << limit_text << (given ? " --max-memory allows" : " of memory this machine has available");
  if (needed <= *limit_bytes) return {MemoryVerdict::Kind::warn, text.str()};
  // The advice names what drives the estimate: the staff when they outweigh the cases.
  const bool staff_lead = kBytesPerStaffMember * one.staff > kBytesPerOpenCase * one.open_cases;
  text << ". Nothing was run. Lower key '" << (staff_lead ? one.staff_key : one.pdu_key) << "'"
       << (staff_lead ? others_as_large(one.staff_key_as_large, " and the ") : "") << ", shorten the window"
       << (at_once > 1 ? ", run fewer replications at once (--jobs)" : "")
       << (held_bytes > one.bytes * static_cast<double>(at_once) ? ", give the sweep fewer points" : "")
       << (given ? ", or raise --max-memory"
                 : ", or give --max-memory if the memory will be free when it runs");
  return {MemoryVerdict::Kind::refuse, text.str()};
}

std::optional<int> refuse_if_memory_short(const std::string& command, const Scenario& scenario,
                                          std::size_t replications_at_once,
                                          const std::optional<std::string>& max_memory, std::ostream& err,
                                          const MemoryHeld& held) {
  std::optional<double> limit;
  if (max_memory) {
    limit = parse_memory_size(*max_memory);
    if (!limit) {
      err << "probsim " << command << ": " << max_memory_problem(*max_memory) << "\n";
      return 2;
    }
  }
  const MemoryVerdict verdict =
      check_memory(scenario, replications_at_once, limit, available_memory_bytes(), held);
  if (verdict.kind == MemoryVerdict::Kind::fits) return std::nullopt;
  err << "probsim " << command << ": " << (verdict.kind == MemoryVerdict::Kind::warn ? "warning: " : "")
      << verdict.message << "\n";
  if (verdict.kind == MemoryVerdict::Kind::warn) return std::nullopt;
  return 1;
}

}  // namespace probsim
