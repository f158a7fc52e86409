#pragma once
// The order work for cases is taken in: one rule, a list of criteria, for both kinds of list the model
// keeps, the tasks a practitioner holds (`sentence_management.priority_order`) and a programme's
// waiting list (`interventions.bbr.priority_order`). Each entry of a list is described by the same few
// facts (PriorityFacts) and gets a key from them: smaller keys go first. The criteria are packed into
// one 64-bit word in the order given; what breaks the remaining ties is the list's own (tasks: the
// earliest due day, then the case id, then the kind, then the slot; waiting lists: the earliest
// requirement, then the case id), so neither order depends on the order entries were created in.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

enum class PriorityCriterion : std::uint8_t {
  mandated_first,      // tasks in mandated_tasks before the rest
  high_rosh_first,     // entries of high and very high RoSH cases before the rest
  contacts_first,      // supervision contacts before everything else
  earliest_due,        // earlier due day first (a waiting list: the planned end of the order)
  earliest_created,    // first come, first served (a waiting list: the day of the requirement)
  highest_rosh_first,  // very high, then high, then medium, then low RoSH
};
inline constexpr std::array<std::string_view, 6> kPriorityCriterionNames = {
    "mandated_first", "high_rosh_first",  "contacts_first",
    "earliest_due",   "earliest_created", "highest_rosh_first"};

// What a criterion reads of one entry.
struct PriorityFacts {
  bool mandated = false;  // a task in the scenario's mandated_tasks (never a waiting-list entry)
  bool contact = false;   // a supervision contact (never a waiting-list entry)
  RoshLevel rosh = RoshLevel::low;
  Day due_day = 0;      // by when it should be done
  Day created_day = 0;  // since when it has been waiting
};

// True when the criterion reads something a waiting-list entry has (see PriorityFacts).
[[nodiscard]] constexpr bool applies_to_waiting_lists(PriorityCriterion c) {
  return c != PriorityCriterion::mandated_first && c != PriorityCriterion::contacts_first;
}

class PriorityRule {
 public:
  PriorityRule() = default;
  explicit PriorityRule(std::vector<PriorityCriterion> criteria) : criteria_(std::move(criteria)) {}

  [[nodiscard]] const std::vector<PriorityCriterion>& criteria() const { return criteria_; }

  [[nodiscard]] std::uint64_t key(const PriorityFacts& facts) const {
    std::uint64_t key = 0;
    for (PriorityCriterion criterion : criteria_) {
      switch (criterion) {
        case PriorityCriterion::mandated_first:
          key = (key << 1) | (facts.mandated ? 0U : 1U);
          break;
        case PriorityCriterion::high_rosh_first:
          key = (key << 1) | (is_high_rosh(facts.rosh) ? 0U : 1U);
          break;
        case PriorityCriterion::contacts_first:
          key = (key << 1) | (facts.contact ? 0U : 1U);
          break;
        case PriorityCriterion::earliest_due:
          key = (key << kDayBits) | day_field(facts.due_day);
          break;
        case PriorityCriterion::earliest_created:
          key = (key << kDayBits) | day_field(facts.created_day);
          break;
        case PriorityCriterion::highest_rosh_first:
          key = (key << 2) | (3U - static_cast<std::uint64_t>(facts.rosh));
          break;
      }
    }
    return key;
  }

  // Six criteria at most (each at most once) take 3 + 2 + 2 × 24 = 53 bits, so the top bit is free for
  // a list's own "after everything else" (the task list's deferred tasks).
  static constexpr std::uint64_t kAfterEverythingBit = 1ULL << 63;

 private:
  // Days as 24-bit unsigned fields, offset so that pre-history days sort before day 0; a day beyond
  // ±2^23 (about 23,000 years) is held at the end of the range rather than wrapping round.
  static constexpr int kDayBits = 24;
  static std::uint64_t day_field(Day day) {
    const std::int64_t offset = static_cast<std::int64_t>(day) + (std::int64_t{1} << (kDayBits - 1));
    return static_cast<std::uint64_t>(std::clamp<std::int64_t>(offset, 0, (std::int64_t{1} << kDayBits) - 1));
  }

  std::vector<PriorityCriterion> criteria_;
};

}  // namespace probsim
