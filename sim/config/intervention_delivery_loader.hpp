#pragma once
// `interventions.delivery` (InterventionDelivery, issue 18): read and validated by its own file so the
// scenario loader only calls it.

#include "config/field_reader.hpp"
#include "interventions/intervention_delivery.hpp"

namespace probsim {

// Reads the optional `delivery` block of `interventions` into `d` (absent: every default, no change).
void read_intervention_delivery(FieldReader& interventions, InterventionDelivery& d);

}  // namespace probsim
