#pragma once
// What one RAG status switches on (RAG-2..12, G-3, G-4, LV-5..7), from the scenario's
// `prioritisation.measures`. Green is business as usual (RAG-17): every measure at its neutral value.
//
// Sentence management reads the contact and time measures (`contacts`); the interventions code reads the
// programme, BBR, DASO and toolkit flags (`interventions`) through PduOffice::rag_measures().

#include "caseload/case_exemptions.hpp"
#include "prioritisation/contact_measures.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

// A composition of the two halves, each a plain struct of its own: the office hands `interventions` to
// its listeners and `contacts` to its casework as they are, so neither side sees the other's fields.
struct RagMeasures {
  ContactMeasures contacts;
  InterventionMeasures interventions;
};

}  // namespace probsim
