#include "output/snapshot_writer.hpp"

#include <algorithm>

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

}  // namespace

void write_snapshot_csvs(const Scenario& scenario, std::span<const PduOffice* const> offices, Day day,
                         const std::string& caseload_csv, const std::string& staff_csv) {
  const SimulationWindow& window = scenario.window;
  const Day snapshot_day = day + 1;
  const CalendarDate snapshot_date = window.date_of(snapshot_day);
  const TraineePipeline& pipeline = scenario.workforce.trainee_pipeline;

  AtomicFile staff(staff_csv);
  staff.stream() << csv_row({"staff_id", "pdu", "grade", "fte", "reduction_pct", "reduction_reason",
                             "pqip_training_month", "nqo_months_completed", "long_term_sick",
                             "sickness_end_date"});
  for (const PduOffice* office : offices)
    for (const Practitioner& p : office->staff()) {
      if (!p.in_post) continue;
      std::string reduction, reason, pqip_month, nqo_months;
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
      }
      // Short-term sickness is not in the schema: the workforce model draws it afresh.
      const bool long_term = p.long_term_sick && p.sick_until > snapshot_day;
      staff.stream() << csv_row({p.name, office->name(), std::string(to_string(p.grade)),
                                 format_number(p.fte), reduction, reason, pqip_month, nqo_months,
                                 long_term ? "true" : "false",
                                 long_term ? window.date_of(p.sick_until).iso() : ""});
    }

  AtomicFile caseload(caseload_csv);
  caseload.stream() << csv_row({"person_id", "pdu", "sentence_type", "sentence_start_date",
                                "expected_end_date", "rosh", "tier", "sex", "domestic_abuse",
                                "practitioner"});
  for (const PduOffice* office : offices) {
    std::vector<const Case*> open;
    // Cases ending on the snapshot day close before its work: they are not on its caseload.
    office->for_each_open_case([&](const Case& c) {
      if (c.end_day > snapshot_day) open.push_back(&c);
    });
    std::sort(open.begin(), open.end(), [](const Case* a, const Case* b) { return a->id < b->id; });
    for (const Case* c : open) {
      const std::string holder = c->practitioner == kUnallocated
                                     ? ""
                                     : office->staff()[static_cast<std::size_t>(c->practitioner)].name;
      caseload.stream() << csv_row(
          {std::to_string(c->id), office->name(), std::string(to_string(c->sentence_type)),
           window.date_of(c->referral_day).iso(),
           window.date_of(c->referral_day + c->sentence_length_days).iso(), std::string(to_string(c->rosh)),
           std::string(to_string(c->tier)), std::string(to_string(c->sex)),
           c->domestic_abuse_flag ? "true" : "false", holder});
    }
  }
  staff.commit();
  caseload.commit();
}

}  // namespace probsim
