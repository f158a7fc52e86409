#pragma once
// A mandated task judged not needed under revised measures (RAG-13; RAG-12). After long-running, revised
// measures "staff were unsure what applied and some used their own judgement": a SARA or home visit
// that the framework still mandates under every status (RAG-8) may be judged unnecessary and set aside
// for good. Overload triage (overload_triage.hpp) only defers a task; a task set aside here is never
// worked: it stays open with its case, in no practitioner's queue and no backlog, until the case ends
// and it is cancelled, overdue, so it counts as due and late and its hours go to other work.
//
// The rule: when a task of a listed kind is created while the PDU's status is amber or red (its revised
// measures in force), for a case held by a practitioner (PQiP trainees excepted while the framework's
// `prioritisation.trainee_cases_on_bau` holds: RAG-12 keeps them on business-as-usual guidance, and one
// switch says so for contacts and for this), it is set aside with probability `set_aside_probability`.
// The status is read, not the measures it brings: an amber whose measures cut nothing still counts as
// revised measures, and RAG-13's "after long-running" is not modelled (the judgement starts with the
// first amber day). Tasks created before the PDU's first review (the warm start's) see green. Each draw is
// keyed on the case and the task, as overload triage's are, so two scenarios differing only in staffing or in
// the probability see the same draws: a task set aside at p is set aside at any p' > p. The probability is
// [Assume] (§10.24).

#include <array>
#include <cmath>
#include <cstdint>
#include <string>

#include "core/random_stream.hpp"
#include "core/rule_problems.hpp"
#include "sentence_management/task.hpp"
#include "sentence_management/task_draw.hpp"

namespace probsim {

namespace stream {
inline constexpr std::uint64_t kJudgementSetAside =
    purpose_key("judgement_set_aside");  // case, kind, due day
}  // namespace stream

struct JudgementUnderRevisedMeasures {
  bool enabled = false;  // the scenario has the block
  double set_aside_probability = 0.0;
  std::array<bool, kTaskKindCount> applies_to{};  // by TaskKind

  // Whether a task of `kind` may be set aside: a one-off task of the case's own start whose completion
  // nothing waits for (an event's home visit is not held back by a start visit set aside:
  // PduCasework::event_falls). Initial assessments, SARAs, home visits and risk management plans are created
  // once by the schedule (case_task_schedule.cpp) and their completion leads to nothing; a contact or a
  // breach action leads to enforcement's next step; a periodic review recurs, and the case's next review
  // date read for a snapshot is its open review's, so one set aside would hold that date for good; event
  // reviews, toolkit sessions and absence judgements come from events outside the schedule; terminations
  // and court reports belong to no open case.
  [[nodiscard]] static constexpr bool allowed(TaskKind kind) {
    return kind == TaskKind::initial_assessment || kind == TaskKind::sara || kind == TaskKind::home_visit ||
           kind == TaskKind::risk_management_plan;
  }

  // Keys of `sentence_management.judgement_under_revised_measures`.
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    if (!std::isfinite(set_aside_probability) || set_aside_probability < 0.0 || set_aside_probability > 1.0)
      problems.push_back({"set_aside_probability",
                          "must be a probability in [0, 1], not " + describe_number(set_aside_probability)});
    for (std::size_t i = 0; i < kTaskKindCount; ++i) {
      const auto kind = static_cast<TaskKind>(i);
      if (applies_to[i] && !allowed(kind))
        problems.push_back({"tasks",
                            "only one-off tasks of a case's start that nothing waits for can be set "
                            "aside (initial_assessment, sara, home_visit, risk_management_plan), "
                            "not '" +
                                std::string(to_string(kind)) + "'"});
    }
    return problems;
  }

  // The uniform draw that decides task (case, kind, due day); the same in every scenario of a run.
  [[nodiscard]] static double draw(std::uint64_t replication_seed, CaseId case_id, TaskKind kind,
                                   Day due_day) {
    return task_draw(replication_seed, stream::kJudgementSetAside, case_id, kind, due_day);
  }

  // Whether the task is set aside when created while the PDU's revised measures are `in_force` (amber or
  // red), for a case whose holder follows business-as-usual guidance or not (a trainee, RAG-12). No draw
  // is taken unless every other condition holds, so a probability of 0 changes nothing.
  [[nodiscard]] bool sets_aside(std::uint64_t replication_seed, CaseId case_id, TaskKind kind, Day due_day,
                                bool in_force, bool holder_on_business_as_usual) const {
    if (!enabled || set_aside_probability <= 0.0 || !in_force || !applies_to[static_cast<std::size_t>(kind)])
      return false;
    if (holder_on_business_as_usual) return false;
    return draw(replication_seed, case_id, kind, due_day) < set_aside_probability;
  }
};

}  // namespace probsim
