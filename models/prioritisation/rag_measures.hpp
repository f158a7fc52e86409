#pragma once
// What one RAG status switches on (RAG-2..12, G-3, G-4, LV-5..7), from the scenario's
// `prioritisation.measures`. Green is business as usual (RAG-17): every measure at its neutral value.
//
// Sentence management reads the contact and time measures; the interventions code reads the programme,
// BBR, DASO and toolkit flags through PduOffice::rag_measures().

#include "caseload/case_exemptions.hpp"
#include "prioritisation/contact_measures.hpp"
#include "prioritisation/intervention_measures.hpp"

namespace probsim {

// The two halves are plain structs of their own, so the office hands the interventions half to its
// listeners as it is, and the loader and sentence management read the fields by their names.
struct RagMeasures : ContactMeasures, InterventionMeasures {};

}  // namespace probsim
