#pragma once
// A probation delivery unit's caseload and practitioners, advanced one day at a time. The SimGrid
// office actor (sim/engine) calls run_day() each simulated day; nothing here knows about the engine.
//
// Invariant (conservation): initial_cases + referrals = caseload() + terminations(), where caseload()
// counts allocated and unallocated cases alike.

#include <cstdint>
#include <queue>
#include <span>
#include <string>
#include <vector>

#include "caseload/case_factory.hpp"
#include "caseload/caseload_rules.hpp"
#include "caseload/referral_process.hpp"
#include "office/case_event_sink.hpp"
#include "office/office_counters.hpp"
#include "workforce/practitioner.hpp"

namespace probsim {

class PduOffice {
 public:
  PduOffice(std::uint32_t pdu_index, std::string name, const CaseloadRules& rules, ReferralProcess referrals,
            std::uint64_t replication_seed, std::vector<Practitioner> practitioners);

  // Places the caseload a steady state would hold on `first_day`: replays referrals over the
  // `lookback_days` before it and keeps the people whose cases are still open (exact for a stationary
  // arrival process; the trend, if any, is extrapolated backwards).
  void place_warm_start_caseload(Day first_day, Day lookback_days);

  // One day: cases ending today leave, waiting cases are retried, then today's referrals arrive and
  // are allocated (fixed order, never insertion order; DOMAIN.md M-6).
  void run_day(Day day);

  void set_event_sink(CaseEventSink* sink) { events_ = sink; }

  // A case waits unallocated only when nobody in post may hold it, so waiting cases are retried only
  // after the staff in post change; the workforce model calls this when it changes them.
  void note_staffing_changed() { retry_waiting_cases_ = true; }

  [[nodiscard]] std::uint32_t index() const { return pdu_index_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::int64_t caseload() const { return static_cast<std::int64_t>(open_cases_); }
  [[nodiscard]] std::int64_t unallocated() const {
    return static_cast<std::int64_t>(waiting_for_allocation_.size());
  }
  [[nodiscard]] const OfficeCounters& counters() const { return counters_; }
  [[nodiscard]] std::span<const Practitioner> practitioners() const { return practitioners_; }

  // Calls `visit(const Case&)` for every open case (for tests and audits; order unspecified).
  template <typename Visit>
  void for_each_open_case(Visit visit) const {
    for (const Slot& slot : slots_)
      if (slot.open) visit(slot.c);
  }

 private:
  struct Slot {
    Case c;
    bool open = false;
  };
  struct Ending {
    Day day;
    CaseId id;
    std::uint32_t slot;
    bool operator>(const Ending& other) const { return day != other.day ? day > other.day : id > other.id; }
  };

  std::uint32_t open_case(const Case& c);
  void close_case(std::uint32_t slot, Day day);
  bool try_allocate(std::uint32_t slot, Day day);

  std::uint32_t pdu_index_;
  std::string name_;
  const CaseloadRules& rules_;
  ReferralProcess referrals_;
  CaseFactory factory_;
  std::vector<Practitioner> practitioners_;

  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t open_cases_ = 0;
  std::priority_queue<Ending, std::vector<Ending>, std::greater<>> endings_;
  std::vector<std::uint32_t> waiting_for_allocation_;  // slots, in arrival order

  OfficeCounters counters_;
  CaseEventSink* events_ = nullptr;
  bool retry_waiting_cases_ = false;
};

}  // namespace probsim
