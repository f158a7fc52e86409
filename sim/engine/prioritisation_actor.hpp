#pragma once
// The prioritisation actor (docs/architecture.md): a long-lived actor that reviews every PDU's RAG status
// on the scenario's cadence. It acts at d + 0.125 each day: after the workforce actors change staff (at
// d), so a review sees the day's leavers and joiners, and before the offices work (at d + 0.25), so the
// measures of a new status apply to the whole of its first day.

#include "core/calendar_date.hpp"
#include "office/rag_reviewer.hpp"

namespace probsim {

class PrioritisationActor {
 public:
  PrioritisationActor(RagReviewer& reviewer, Day last_day) : reviewer_(reviewer), last_day_(last_day) {}
  void operator()() const;

 private:
  RagReviewer& reviewer_;
  Day last_day_;
};

}  // namespace probsim
