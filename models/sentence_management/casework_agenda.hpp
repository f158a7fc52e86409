#pragma once
// A PDU's casework agenda: for each day of the simulation, the cases that need something that day (a
// contact window closing, a periodic review or a significant event falling due, the end of an order's
// first weeks). A bucket per day, so scheduling and reading a day are O(1) per item and nothing is ever
// sorted or scanned. Storage only: what an item leads to is decided by the casework rules
// (pdu_casework.cpp).

#include <cstdint>
#include <vector>

#include "caseload/case.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

class CaseworkAgenda {
 public:
  enum class Kind : std::uint8_t { contact_window, periodic_review, event, first_weeks_end };
  struct Item {
    CaseId case_id;  // the case the item was scheduled for: its slot may hold another case by then
    std::uint32_t slot;
    Kind kind;
  };

  // An agenda of days [0, last_day]; a negative last_day (sentence management off) holds none.
  explicit CaseworkAgenda(Day last_day) : last_day_(last_day) {
    if (last_day >= 0) days_.resize(static_cast<std::size_t>(last_day + 1));
  }

  [[nodiscard]] bool covers(Day day) const { return day >= 0 && day <= last_day_; }
  // Items for a day outside the agenda are dropped: they fall beyond the simulation.
  void schedule(Day day, const Item& item) {
    if (!covers(day)) return;
    days_[static_cast<std::size_t>(day)].push_back(item);
  }
  // The day's items, in the order they were scheduled. The rules schedule more while reading them, so
  // read by index, not by iterator.
  [[nodiscard]] const std::vector<Item>& items_on(Day day) const {
    return days_[static_cast<std::size_t>(day)];
  }
  // The day is past: its memory goes back.
  void release(Day day) { std::vector<Item>().swap(days_[static_cast<std::size_t>(day)]); }

 private:
  Day last_day_;
  std::vector<std::vector<Item>> days_;  // by day, [0, last_day]
};

}  // namespace probsim
