// The day's work of a PDU's practitioners (docs/model.md): each spends the day's hours on their queue in
// the scenario's priority order (and, if overloaded and the scenario says so, hours beyond contract,
// WF-20), then any facilitator hours lent to casework (RAG-4) go to whoever holds the most backlog.
#include <algorithm>

#include "sentence_management/pdu_casework.hpp"

namespace probsim {

PractitionerIndex PduCasework::least_backlogged(std::span<const Practitioner> staff, TaskKind kind) const {
  PractitionerIndex best = kUnallocated;
  WorkSeconds best_backlog = 0;
  for (std::size_t i = 0; i < staff.size(); ++i) {
    const Practitioner& p = staff[i];
    if (!p.can_take_cases()) continue;
    if (kind == TaskKind::court_report && !at(rules_.court_reports.grades, p.grade)) continue;
    const WorkSeconds backlog = backlog_of(static_cast<PractitionerIndex>(i));
    if (best == kUnallocated || backlog < best_backlog) {
      best = static_cast<PractitionerIndex>(i);
      best_backlog = backlog;
    }
  }
  return best;
}

void PduCasework::work(PractitionerIndex who, WorkSeconds budget, Day day) {
  outcomes_.counters.available += budget;
  spend(who, budget, day);
}

void PduCasework::work_beyond_contract(PractitionerIndex who, WorkSeconds extra, Day day) {
  // Only what is used counts: nobody stays late with nothing left to do.
  outcomes_.counters.worked_beyond_contract += extra - spend(who, extra, day);
}

WorkSeconds PduCasework::spend(PractitionerIndex who, WorkSeconds budget, Day day) {
  PractitionerWorkQueue& queue = store_.queue_of(who);
  TaskCounters& n = outcomes_.counters;
  while (budget > 0 && !queue.empty()) {
    const QueuedTask e = queue.top();
    if (!store_.is_live(e, who)) {
      queue.pop_stale();
      continue;
    }
    const bool done = store_.with_task(e.task, [&](auto& t) {
      const WorkSeconds spent = std::min<WorkSeconds>(budget, t.seconds_remaining);
      t.seconds_remaining -= spent;  // for a contact, 32 bits: spent is at most what remains
      budget -= spent;
      queue.backlog -= spent;
      n.worked += spent;
      return t.seconds_remaining == 0;
    });
    if (done) {
      queue.pop();
      complete(e.task, who, day);
    }
  }
  return budget;
}

void PduCasework::work_redeployed_hours(std::span<const Practitioner> staff, Day day) {
  // Counted as available task hours like anyone's: unused hours show as idle capacity.
  WorkSeconds budget = redeployed_per_working_day_;
  outcomes_.counters.available += budget;
  while (budget > 0) {
    // The largest backlog first (ties: the first in the staff list), so the hours go where work waits.
    PractitionerIndex most = kUnallocated;
    WorkSeconds most_backlog = 0;
    // Read afresh each time: the work may create tasks (enforcement) for a holder with no queue yet.
    const std::span<const PractitionerWorkQueue> queues = store_.queues();
    for (std::size_t i = 0; i < staff.size() && i < queues.size(); ++i) {
      if (!staff[i].in_post || !holds_cases(staff[i].grade)) continue;
      if (queues[i].backlog > most_backlog) {
        most = static_cast<PractitionerIndex>(i);
        most_backlog = queues[i].backlog;
      }
    }
    if (most == kUnallocated) break;
    budget = spend(most, budget, day);
  }
}

}  // namespace probsim
