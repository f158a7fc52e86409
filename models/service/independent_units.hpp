#pragma once
// "Run these independent units": how the ProbationService runs a phase's independent pieces of work
// (the offices' casework, the regions' staff changes, the interventions teams' days). The engine hands
// in a thread pool (sim/engine/parallel_day.hpp); tests and the default use OneAfterAnother. The units
// touch only their own state while they run, so the outputs do not depend on which runner is used.

#include <cstddef>
#include <functional>

namespace probsim {

class IndependentUnits {
 public:
  virtual ~IndependentUnits() = default;
  // How many threads run units at once; 1 means one after another in order, on the caller.
  [[nodiscard]] virtual std::size_t threads() const = 0;
  // Calls work(i) once for every i in [0, count) and returns when all are done.
  virtual void run(std::size_t count, const std::function<void(std::size_t)>& work) = 0;
};

class OneAfterAnother final : public IndependentUnits {
 public:
  [[nodiscard]] std::size_t threads() const override { return 1; }
  void run(std::size_t count, const std::function<void(std::size_t)>& work) override {
    for (std::size_t i = 0; i < count; ++i) work(i);
  }
};

}  // namespace probsim
