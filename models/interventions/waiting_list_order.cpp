#include "interventions/waiting_list_order.hpp"

#include <algorithm>

namespace probsim {

void order_waiting_list(std::vector<std::uint32_t>& indices, const std::vector<Participant>& participants,
                        const PriorityRule& rule) {
  // The rule's key is worked out once per entry, not once per comparison.
  struct Entry {
    std::uint64_t key;
    std::uint32_t index;
  };
  std::vector<Entry> entries;
  entries.reserve(indices.size());
  for (std::uint32_t index : indices)
    entries.push_back(Entry{rule.key(priority_facts(participants[index])), index});
  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    const Participant& x = participants[a.index];
    const Participant& y = participants[b.index];
    // People removed and waiting to rejoin keep their place ahead of new starters (BBR-6).
    if (x.started != y.started) return x.started;
    // Men given their pre-group session take places in the order they had it, after the rejoiners: the
    // place was theirs when the session was given (InterventionDelivery, recorded_start).
    const Day x_queued = x.state == ParticipantState::awaiting_group ? x.start_day : kNoDay;
    const Day y_queued = y.state == ParticipantState::awaiting_group ? y.start_day : kNoDay;
    if (x_queued != y_queued) return x_queued < y_queued;
    if (a.key != b.key) return a.key < b.key;
    if (x.requirement_day != y.requirement_day) return x.requirement_day < y.requirement_day;
    return x.case_id < y.case_id;
  });
  // A man removed and sent back to the list is listed again while his first entry (made when he became
  // ready, dropped only at the next review) may still be there: count him once, or he would join a
  // group twice. Equal indices sort next to each other.
  indices.clear();
  for (const Entry& e : entries)
    if (indices.empty() || indices.back() != e.index) indices.push_back(e.index);
}

}  // namespace probsim
