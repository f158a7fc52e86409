#include "runner/snapshot_date_warnings.hpp"

#include <algorithm>
#include <array>

namespace probsim {

namespace {

// The longest order the case mix gives each sentence type, over the national mix and every PDU's own.
std::array<Day, 3> longest_order_days_by_type(const Scenario& s) {
  std::array<Day, 3> longest{};
  const auto consider = [&](const CaseMix& mix) {
    for (std::size_t t = 0; t < mix.sentence_length_months.size() && t < longest.size(); ++t)
      longest[t] = std::max(longest[t], months_to_days(mix.sentence_length_months[t].max()));
  };
  consider(s.caseload.case_mix);
  for (const RegionSpec& region : s.regions)
    for (const PduSpec& pdu : region.pdus)
      if (pdu.case_mix) consider(*pdu.case_mix);
  return longest;
}

std::string cases(std::size_t n) {
  return n == 1 ? "1 case" : std::to_string(n) + " cases";
}

}  // namespace

std::vector<std::string> snapshot_date_warnings(const Scenario& s) {
  std::vector<std::string> warnings;
  if (!s.snapshot || !s.snapshot_files) return warnings;
  const std::string& file = s.snapshot_files->caseload_csv;
  const std::array<Day, 3> longest = longest_order_days_by_type(s);
  const SnapshotCase* longest_case = nullptr;
  const SnapshotCase* earliest_review = nullptr;
  std::size_t long_orders = 0, old_reviews = 0;
  for (const SnapshotCase& c : s.snapshot->cases) {
    const Day length = c.expected_end_day - c.sentence_start_day;
    const Day limit = longest[static_cast<std::size_t>(c.sentence_type)];
    if (limit > 0 && length > 2 * limit) {
      ++long_orders;
      if (!longest_case || length > longest_case->expected_end_day - longest_case->sentence_start_day)
        longest_case = &c;
    }
    if (c.next_review_due && *c.next_review_due < -365) {
      ++old_reviews;
      if (!earliest_review || *c.next_review_due < *earliest_review->next_review_due) earliest_review = &c;
    }
  }
  const CalendarDate day_zero = s.window.day_zero();
  if (longest_case)
    warnings.push_back(
        file + ": " + cases(long_orders) +
        " with an order more than twice as long as the longest the case mix " +
        "gives its sentence type; the longest, person_id '" + longest_case->person_id + "' (" +
        std::string(to_string(longest_case->sentence_type)) + "), runs from " +
        day_zero.plus_days(longest_case->sentence_start_day).iso() + " to " +
        day_zero.plus_days(longest_case->expected_end_day).iso() + " (the case mix's longest: " +
        std::to_string(longest[static_cast<std::size_t>(longest_case->sentence_type)]) +
        " days). The case stays on the caseload until then: check sentence_start_date and expected_end_date "
        "(a spreadsheet's empty date is often 1900-01-01).");
  if (earliest_review)
    warnings.push_back(
        file + ": " + cases(old_reviews) +
        " with a next_review_due more than a year before the snapshot day " + day_zero.iso() +
        "; the earliest, person_id '" + earliest_review->person_id + "', due " +
        day_zero.plus_days(*earliest_review->next_review_due).iso() +
        ". Each is done as soon as it can be and counted that late in review_days_late_mean: check "
        "the dates (a spreadsheet's empty date is often 1900-01-01).");
  return warnings;
}

}  // namespace probsim
