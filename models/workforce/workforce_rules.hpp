#pragma once
// How staff come and go (the scenario's `workforce` block): leaver rates per grade, sickness, the PQiP
// pipeline and PSO-to-PQiP progression.

#include "workforce/grade.hpp"
#include "workforce/sickness.hpp"
#include "workforce/trainee_pipeline.hpp"

namespace probsim {

struct WorkforceRules {
  // Leavers from the service per FTE in post per year (the published measure, WF-4/5: leavers ÷ mean
  // FTE in post). Each person leaves at this hazard, so with replacement the expected leavers in a year
  // are rate × mean FTE, and with none the stock decays as exp(−rate × years).
  PerGrade<double> leaver_rate_per_year{};
  SicknessRules sickness;
  TraineePipeline trainee_pipeline;
  // The hazard per year of a PSO starting PQiP training (leaving the PSO grade for the pipeline).
  double pso_to_pqip_progression_per_year = 0.0;

  // Sickness and the trainee pipeline (keys of `workforce`).
  [[nodiscard]] RuleProblems check() const {
    RuleProblems problems;
    add_problems(problems, "sickness", sickness.check());
    add_problems(problems, "trainee_pipeline", trainee_pipeline.check());
    return problems;
  }
};

}  // namespace probsim
