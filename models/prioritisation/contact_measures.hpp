#pragma once
// What one RAG status does to the supervision contacts of non-exempt cases and to practitioners' time
// (RAG-2, RAG-6, RAG-9, RAG-10, G-3, G-4, LV-28). Read by sentence management; green is business as usual.

namespace probsim {

struct ContactMeasures {
  // Contacts per unit time relative to BAU: a contact window lasts the BAU interval ÷ this (0.5 halves
  // the rate, G-3 amber). 1 = BAU.
  double contact_frequency_multiplier = 1.0;
  // A floor on the interval between contacts, weeks (G-3 red: "monthly" = 4). 0 = no floor.
  double contact_interval_weeks_min = 0.0;
  // Share of contacts delivered face to face (G-4: BAU 90%, amber 50%, red 25%). Filled with the BAU
  // share (sentence_management.contacts.face_to_face_share) where the scenario does not set it.
  double face_to_face_share = 1.0;
  // Share of practitioners' hours that goes to work other than tasks (team meetings, training,
  // partnership work). Under red only statutory partnership meetings are attended (RAG-9, RAG-10,
  // LV-28), which frees hours for casework. Filled with the BAU share where the scenario does not set it.
  double non_task_time_share = 0.0;

  // True when contacts follow BAU rules under these measures (green, or measures that cut nothing).
  [[nodiscard]] bool contacts_as_usual(double bau_face_to_face_share) const {
    return contact_frequency_multiplier == 1.0 && contact_interval_weeks_min == 0.0 &&
           face_to_face_share == bau_face_to_face_share;
  }
};

}  // namespace probsim
