#include "output/case_event_log.hpp"

#include <array>
#include <string>

#include "output/csv.hpp"

namespace probsim {

const char* CaseEventLog::header() {
  // requirement_date last, so the columns before it keep their positions (issue 18).
  return "replication,date,day,case_id,pdu,event,sentence_type,sentence_length_days,rosh,tier,"
         "domestic_abuse_flag,sex,practitioner,termination_reason,requirement_date\n";
}

void CaseEventLog::record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
                          std::string_view practitioner_name) {
  write_row(day, kCaseEventNames[static_cast<std::size_t>(event)], c, pdu_name, practitioner_name,
            event == CaseEvent::terminated ? to_string(c.end_reason) : std::string_view{}, kNoRequirement);
}

void CaseEventLog::record_intervention(Day day, std::string_view event, const Case& c,
                                       std::string_view pdu_name, std::string_view reason,
                                       Day requirement_day) {
  write_row(day, event, c, pdu_name, {}, reason, requirement_day);
}

void CaseEventLog::record_task_done(Day day, TaskKind kind, const Case& c, std::string_view pdu_name,
                                    std::string_view practitioner_name) {
  // Made once: a row per task done would otherwise build its event's name each time.
  static const std::array<std::string, kTaskKindCount> kDoneNames = [] {
    std::array<std::string, kTaskKindCount> names;
    for (std::size_t k = 0; k < kTaskKindCount; ++k) names[k] = std::string(kTaskKindNames[k]) + "_done";
    return names;
  }();
  write_row(day, kDoneNames[static_cast<std::size_t>(kind)], c, pdu_name, practitioner_name, {},
            kNoRequirement);
}

void CaseEventLog::write_row(Day day, std::string_view event, const Case& c, std::string_view pdu_name,
                             std::string_view practitioner_name, std::string_view reason,
                             Day requirement_day) {
  out_ << replication_ << ',' << window_.date_of(day).iso() << ',' << day << ',' << c.id << ','
       << csv_field(pdu_name) << ',' << csv_field(event) << ',' << to_string(c.sentence_type) << ','
       << c.sentence_length_days << ',' << to_string(c.rosh) << ',' << to_string(c.tier) << ','
       << (c.domestic_abuse_flag ? 1 : 0) << ',' << to_string(c.sex) << ',' << csv_field(practitioner_name)
       << ',' << reason << ',';
  if (requirement_day != kNoRequirement) out_ << window_.date_of(requirement_day).iso();
  out_ << '\n';
}

}  // namespace probsim
