// A snapshot case row's next review and SARA level (see the header).
#include "config/snapshot_assessment_columns.hpp"

#include "interventions/intervention_rules.hpp"

namespace probsim {

namespace {
namespace column {
constexpr std::string_view next_review_due = "next_review_due";
constexpr std::string_view sara_level = "sara_level";
}  // namespace column
}  // namespace

bool read_assessment_columns(RowReader& row, std::optional<Day> start, bool person_read, SnapshotCase& c) {
  bool ok = true;
  if (row.given(column::next_review_due)) {
    // A review already overdue on the snapshot day is allowed: it is open from day 0, and late. One due
    // after the expected end is allowed too (the model schedules reviews so): it is cancelled at the end.
    if (auto due = row.date(column::next_review_due)) {
      if (start && *due <= *start) {
        row.error(column::next_review_due, "is on or before sentence_start_date; reviews follow the start");
        ok = false;
      } else {
        c.next_review_due = *due;
      }
    } else {
      ok = false;
    }
  }
  if (row.given(column::sara_level)) {
    if (auto level = row.choice(column::sara_level, kSaraLevelNames)) {
      const auto sara = static_cast<SaraLevel>(*level);
      if (person_read && !c.domestic_abuse_flag) {
        row.error(column::sara_level,
                  "is given but domestic_abuse is not true; SARA assesses domestic abuse");
        ok = false;
      } else if (c.bbr && sara == SaraLevel::low) {
        row.error(column::sara_level, "is low, but a BBR requirement needs SARA medium or high (BBR-2)");
        ok = false;
      } else {
        c.sara_level = sara;
      }
    } else {
      ok = false;
    }
  }
  return ok;
}

}  // namespace probsim
