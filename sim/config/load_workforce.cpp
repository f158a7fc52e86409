// `workforce`: leaver rates, sickness and the trainee pipeline.

#include <sstream>

#include "config/loader_blocks.hpp"
#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

void read_trainee_pipeline(FieldReader& wf, TraineePipeline& pipeline) {
  FieldReader tp(wf.node("trainee_pipeline", true), wf.child_path("trainee_pipeline"), wf.diagnostics());
  if (!tp.ok()) return;
  Diagnostics& d = wf.diagnostics();
  if (auto months = tp.integer("training_months", true, 1, 120)) pipeline.training_months = *months;
  if (const ConfigNode* steps = tp.node("workload_reduction_by_month", true)) {
    const std::string path = tp.child_path("workload_reduction_by_month");
    pipeline.reduction_steps.clear();
    if (steps->kind != ConfigNode::Kind::sequence || steps->items.empty()) {
      d.error(steps->anchor(), path,
              "expected a list of {from_month, reduction_share}, found " + steps->describe_value());
    } else {
      for (std::size_t i = 0; i < steps->items.size(); ++i) {
        FieldReader step(&steps->items[i], path + "[" + std::to_string(i) + "]", d);
        TraineeReductionStep parsed;
        auto from = step.integer("from_month", true, 0, 120);
        auto share = step.number("reduction_share", true, 0.0, 1.0);
        step.reject_unknown_keys();
        if (!from || !share) continue;
        parsed.from_month = *from;
        parsed.reduction_share = *share;
        // The step against those before it (TraineePipeline::check), reported at its from_month.
        pipeline.reduction_steps.push_back(parsed);
        RuleProblems problems =
            only(pipeline.check(), "workload_reduction_by_month[" +
                                       std::to_string(pipeline.reduction_steps.size() - 1) + "].from_month");
        for (RuleProblem& p : problems) p.key = "from_month";
        report_problems(steps->items[i], step.path(), problems, d);
      }
    }
  }
  if (auto share = tp.number("nqo_reduction_share", true, 0.0, 1.0)) pipeline.nqo_reduction_share = *share;
  if (auto months = tp.integer("nqo_months", true, 0, 60)) pipeline.nqo_months = *months;
  tp.reject_unknown_keys();
}

void read_sickness(FieldReader& wf, SicknessRules& sickness) {
  FieldReader sk(wf.node("sickness", true), wf.child_path("sickness"), wf.diagnostics());
  if (!sk.ok()) return;
  auto days = sk.number("days_per_fte_year", true, 0.0, 260.0);
  auto episode = read_distribution(sk, "episode_working_days", true, "WORKING_DAYS", 1.0, 260.0);
  if (auto long_term = sk.integer("long_term_from_working_days", true, 1, 260))
    sickness.long_term_from_working_days = *long_term;
  if (auto reallocate = sk.boolean("reallocate_cases_when_long_term", true))
    sickness.reallocate_cases_when_long_term = *reallocate;
  sk.reject_unknown_keys();
  if (!days || !episode) return;
  sickness.days_per_fte_year = *days;
  sickness.episode_working_days = *episode;
  report_problems(*wf.node("sickness", false), sk.path(), sickness.check(), wf.diagnostics());
}

}  // namespace

void read_workforce(FieldReader& root, WorkforceRules& rules) {
  FieldReader wf(root.node("workforce", true), "workforce", root.diagnostics());
  if (!wf.ok()) return;
  Diagnostics& d = root.diagnostics();
  // Leaver rates are the published measure, leavers ÷ mean FTE in post per year (WF-4/5): a share. A
  // value above 1 is almost surely a percentage, so say so rather than simulate everyone leaving.
  if (const ConfigNode* rates = wf.node("leaver_rate_per_year", true)) {
    FieldReader by_grade(rates, wf.child_path("leaver_rate_per_year"), d);
    for (std::size_t g = 0; by_grade.ok() && g < kGradeCount; ++g) {
      auto rate = by_grade.number(kGradeNames[g], false, 0.0, kInfinity);
      if (!rate) continue;
      if (*rate >= 1.0) {
        std::ostringstream found, as_share;
        found << *rate;
        as_share << *rate / 100.0;
        d.error(by_grade.node(kGradeNames[g], false)->where, by_grade.child_path(kGradeNames[g]),
                "is a share of staff leaving per year (leavers / mean FTE in post, below 1), found " +
                    found.str() + "; for " + found.str() + "% write " + as_share.str());
        continue;
      }
      rules.leaver_rate_per_year[g] = *rate;
    }
    by_grade.reject_unknown_keys();
  }
  read_sickness(wf, rules.sickness);
  read_trainee_pipeline(wf, rules.trainee_pipeline);
  if (auto rate = wf.number("pso_to_pqip_progression_per_year", false, 0.0, 0.99))
    rules.pso_to_pqip_progression_per_year = *rate;
  wf.reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
