#pragma once
// What the red/amber/green framework switches off in one PDU's interventions (RAG-4, RAG-5,
// RAG-9). The prioritisation actor sets them; with none set, everything runs as usual.

namespace probsim {

struct InterventionMeasures {
  bool bbr_new_starts_suspended = false;   // nobody from the PDU is offered a BBR place (RAG-5)
  bool programme_delivery_paused = false;  // its groups' sessions are cancelled (RAG-4)
  // Share of the PDU's facilitator hours moved to its sentence management while paused (RAG-4).
  double facilitator_hours_redeployed_share = 0.0;
  bool daso_new_cases_offered = true;     // RAG-5
  bool toolkit_delivery_stopped = false;  // RAG-9, RAG-11
};

}  // namespace probsim
