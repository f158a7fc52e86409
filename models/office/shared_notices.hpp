#pragma once
// What a PDU office tells objects it shares with other offices: the interventions team serving several
// PDUs (a case started or ended) and the replication's case event log. Offices are independent within
// a day except through these, so when the day's offices run on several threads each office holds its
// notices back (defer) and the engine delivers them afterwards office by office, in office order: the
// team and the log then see exactly the sequence a single thread running the offices one after another
// would have given them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/case.hpp"
#include "office/case_event_sink.hpp"
#include "office/case_listener.hpp"

namespace probsim {

class SharedNotices {
 public:
  void set_targets(CaseListener* team, std::uint32_t index_in_team, CaseEventSink* events) {
    team_ = team;
    index_in_team_ = index_in_team;
    events_ = events;
  }
  [[nodiscard]] bool has_team() const { return team_ != nullptr; }
  [[nodiscard]] bool has_events() const { return events_ != nullptr; }

  // While deferring, notices are kept (with a copy of the case as it is now) until deliver_deferred().
  void set_deferring(bool deferring) { deferring_ = deferring; }
  void deliver_deferred();

  void case_started(std::uint32_t case_slot, const Case& c, CaseId draw_key, Day day, bool initial);
  void case_ended(const Case& c, Day day);
  void record(Day day, CaseEvent event, const Case& c, std::string_view pdu_name,
              std::string_view practitioner_name);
  void record_task_done(Day day, TaskKind task, const Case& c, std::string_view pdu_name,
                        std::string_view practitioner_name);

 private:
  enum class Kind : std::uint8_t { case_started, case_ended, event, task_done };
  struct Notice {
    Kind kind = Kind::event;
    bool initial = false;
    CaseEvent event = CaseEvent::referral;
    TaskKind task = TaskKind::contact;
    Day day = 0;
    std::uint32_t case_slot = 0;
    CaseId draw_key = 0;
    Case c;
    std::string pdu_name;
    std::string practitioner_name;
  };
  // Keeps `n` while deferring, delivers it at once otherwise: the one place that decides.
  void defer_or_deliver(Notice n);
  void deliver(const Notice& n);

  CaseListener* team_ = nullptr;
  std::uint32_t index_in_team_ = 0;
  CaseEventSink* events_ = nullptr;
  bool deferring_ = false;
  std::vector<Notice> deferred_;
};

}  // namespace probsim
