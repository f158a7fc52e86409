#include "runner/replication_scheduler.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>

#include "runner/out_of_memory.hpp"
#include "runner/precision_prefix.hpp"
#include "runner/precision_progress.hpp"
#include "runner/progress.hpp"
#include "runner/replication_process.hpp"
#include "runner/replication_resume.hpp"
#include "runner/stop_signals.hpp"

namespace probsim {

namespace {

struct SetState {
  std::set<std::uint64_t> complete;
  std::set<std::uint64_t> running;
  std::size_t next_fixed = 0;
  std::optional<PrecisionPrefix> precision;  // with a precision rule
  std::optional<PrecisionDecision> decision;
};

class Scheduler {
 public:
  Scheduler(const std::vector<ReplicationSet>& sets, const SchedulerOptions& options,
            const DecisionCallback& on_decided)
      : sets_(sets),
        options_(options),
        on_decided_(on_decided),
        states_(sets.size()),
        progress_(std::cerr, !options.quiet, ProgressLine::stderr_is_terminal(), options.progress_prefix) {
    for (std::size_t s = 0; s < sets_.size(); ++s)
      if (sets_[s].precision) states_[s].precision.emplace(*sets_[s].precision);
  }

  // An exception leaving run() (out of memory, caught in main) must not leave children writing into a
  // staging directory that is about to be removed; after a normal end nothing is running.
  ~Scheduler() {
    try {
      stop_all();
    } catch (...) {  // a destructor must not throw; the children were sent SIGTERM first
    }
  }
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  ScheduleResult run() {
    ScheduleResult result;
    prepare(result);
    if (result.status != ScheduleResult::Status::complete) return finish(result);
    for (std::size_t s = 0; s < sets_.size(); ++s) {
      if (!evaluate(s, result)) return finish(result);
      if (!sets_[s].precision) total_ += sets_[s].replications.size() - states_[s].complete.size();
    }

    // No SA_RESTART: waitpid returns on the signal so the runner can stop its children and clean up.
    const StopSignals stop(/*interrupt_system_calls=*/true);

    auto stop_if_signalled = [&] {
      if (stop.received() == 0) return false;
      stop_all();
      result.status = ScheduleResult::Status::interrupted;
      result.failure = "interrupted by " + StopSignals::name(stop.received());
      return true;
    };
    while (true) {
      // Checked before launching too: a signal recorded while the run set up (its handlers are held from
      // then on) must not wait for a whole replication to finish before it is seen.
      if (stop_if_signalled()) break;
      if (!launch_what_can_run(result)) break;
      if (running_.empty()) break;
      int status = 0;
      const pid_t pid = ::waitpid(-1, &status, 0);
      if (stop_if_signalled()) break;
      if (pid < 0) continue;
      const auto found = running_.find(pid);
      if (found == running_.end()) continue;
      const auto [s, r] = found->second;
      running_.erase(found);
      states_[s].running.erase(r);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !replication_complete(sets_[s].dir, r)) {
        stop_all();
        remove_unfinished_files(sets_[s].dir, r, pid);
        const std::string which = sets_[s].label + ": replication " + std::to_string(r);
        if (ran_out_of_memory(status)) {
          progress_.finish();
          throw ReplicationOutOfMemory(options_.progress_prefix + which, options_.max_memory);
        }
        result.status = ScheduleResult::Status::failed;
        result.failure = which + " failed" + describe_signal_end(status);
        break;
      }
      states_[s].complete.insert(r);
      ++result.ran;
      if (!evaluate(s, result)) break;
      report(result.ran);
    }
    return finish(result);
  }

 private:
  ScheduleResult& finish(ScheduleResult& result) {
    progress_.finish();
    for (const auto& state : states_) result.decisions.push_back(state.decision);
    return result;
  }

  // Finds what is complete already and clears what is left of replications that are not.
  void prepare(ScheduleResult& result) {
    for (std::size_t s = 0; s < sets_.size(); ++s) {
      const ReplicationSet& set = sets_[s];
      SetState& state = states_[s];
      try {
        ensure_directory(set.dir / "replications");
      } catch (const std::exception& e) {
        result.status = ScheduleResult::Status::failed;
        result.failure = e.what();
        return;
      }
      state.complete = keep_complete_replications(set);
      // Without a precision rule only the set's own replications are counted, so each is skipped once.
      result.skipped += state.complete.size();
    }
  }

  // With a precision rule, reads the newly complete replications and checks the rule on every newly
  // complete prefix (PrecisionPrefix); on a decision, stops and removes what ran beyond it. Returns
  // false (with `result` set) if the rule cannot be checked.
  bool evaluate(std::size_t s, ScheduleResult& result) {
    const ReplicationSet& set = sets_[s];
    SetState& state = states_[s];
    if (!state.precision || state.decision) return true;
    try {
      for (std::uint64_t r : state.complete)
        if (!state.precision->has(r)) state.precision->add(r, read_replication_kpis(set.dir, r));
    } catch (const std::exception& e) {
      stop_all();
      result.status = ScheduleResult::Status::failed;
      result.failure = set.label + ": " + e.what();
      return false;
    }
    try {
      state.decision = state.precision->check_new_prefixes();
    } catch (const std::invalid_argument& e) {
      stop_all();
      result.status = ScheduleResult::Status::failed;
      result.failure = set.label + ": the precision rule cannot be checked: " + e.what();
      result.fails_unchanged = true;
      return false;
    }
    if (state.decision) {
      stop_set_beyond(s, state.decision->replications);
      ++decided_;
      if (on_decided_) on_decided_(s, *state.decision);
    }
    return true;
  }

  // Stops this set's replications above n and removes every file of them.
  void stop_set_beyond(std::size_t s, std::uint64_t n) {
    const ReplicationSet& set = sets_[s];
    SetState& state = states_[s];
    std::vector<pid_t> stopping;
    for (const auto& [pid, task] : running_)
      if (task.first == s) stopping.push_back(pid);
    for (pid_t pid : stopping) ::kill(pid, SIGTERM);
    for (pid_t pid : stopping) {
      ::waitpid(pid, nullptr, 0);
      const std::uint64_t r = running_.at(pid).second;
      remove_unfinished_files(set.dir, r, pid);
      remove_replication(set.dir, r);
      state.running.erase(r);
      running_.erase(pid);
    }
    for (auto it = state.complete.upper_bound(n); it != state.complete.end();) {
      remove_replication(set.dir, *it);
      it = state.complete.erase(it);
    }
    state.precision->forget_beyond(n);
  }

  std::optional<std::uint64_t> next_for(std::size_t s) {
    const ReplicationSet& set = sets_[s];
    SetState& state = states_[s];
    if (!set.precision) {
      while (state.next_fixed < set.replications.size() &&
             (state.complete.count(set.replications[state.next_fixed]) ||
              state.running.count(set.replications[state.next_fixed])))
        ++state.next_fixed;
      if (state.next_fixed == set.replications.size()) return std::nullopt;
      return set.replications[state.next_fixed];
    }
    if (state.decision) return std::nullopt;
    const PrecisionRule& rule = *set.precision;
    const std::uint64_t prefix = state.precision->prefix();
    const std::uint64_t needed = std::max(rule.min_replications, prefix + 1);
    const std::uint64_t cap = std::min(rule.max_replications, needed + options_.jobs - 1);
    for (std::uint64_t r = prefix + 1; r <= cap; ++r)
      if (!state.complete.count(r) && !state.running.count(r)) return r;
    return std::nullopt;
  }

  // Starts replications while there are free slots. Returns false (with `result` set) if a process
  // cannot be started.
  bool launch_what_can_run(ScheduleResult& result) {
    for (std::size_t s = 0; s < sets_.size() && running_.size() < options_.jobs; ++s) {
      while (running_.size() < options_.jobs) {
        const auto r = next_for(s);
        if (!r) break;
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        const pid_t pid = ::fork();
        if (pid < 0) {
          stop_all();
          result.status = ScheduleResult::Status::failed;
          result.failure = std::string("cannot start a replication process: ") + std::strerror(errno);
          return false;
        }
        if (pid == 0) ::_exit(replicate_in_child(sets_[s], *r, options_.threads_per_replication));
        running_.emplace(pid, std::make_pair(s, *r));
        states_[s].running.insert(*r);
      }
    }
    return true;
  }

  // Stops every running replication and removes what they left unfinished.
  void stop_all() {
    for (const auto& [pid, task] : running_) ::kill(pid, SIGTERM);
    for (const auto& [pid, task] : running_) {
      ::waitpid(pid, nullptr, 0);
      remove_unfinished_files(sets_[task.first].dir, task.second, pid);
      states_[task.first].running.erase(task.second);
    }
    running_.clear();
  }

  void report(std::uint64_t done) {
    std::string detail;
    std::size_t with_rule = 0;
    for (const auto& set : sets_) with_rule += set.precision.has_value();
    if (sets_.size() == 1 && sets_[0].precision) {
      const SetState& state = states_[0];
      std::optional<std::uint64_t> decided_at;
      if (state.decision) decided_at = state.decision->replications;
      detail = precision_progress_detail(*sets_[0].precision, decided_at, state.precision->last_check(),
                                         state.precision->evaluated());
    } else if (with_rule > 0) {
      detail = "precision rule decided for " + std::to_string(decided_) + " of " + std::to_string(with_rule) +
               (with_rule == 1 ? " point" : " points");
    }
    progress_.update(done, with_rule > 0 ? 0 : total_, detail);
  }

  const std::vector<ReplicationSet>& sets_;
  const SchedulerOptions& options_;
  const DecisionCallback& on_decided_;
  std::vector<SetState> states_;
  std::map<pid_t, std::pair<std::size_t, std::uint64_t>> running_;
  ProgressLine progress_;
  std::uint64_t total_ = 0;
  std::size_t decided_ = 0;
};

}  // namespace

ScheduleResult run_replications(const std::vector<ReplicationSet>& sets, const SchedulerOptions& options,
                                const DecisionCallback& on_decided) {
  Scheduler scheduler(sets, options, on_decided);
  return scheduler.run();
}

}  // namespace probsim
