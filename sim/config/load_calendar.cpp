// `calendar`: the bank holidays.

#include "config/loader_blocks.hpp"

namespace probsim::scenario_loading {

// `calendar: {bank_holidays: [dates]}`, optional: without it, every weekday is a working day.
void read_calendar(FieldReader& root, Scenario& s) {
  auto cal = root.optional_map("calendar");
  if (!cal) return;
  Diagnostics& d = root.diagnostics();
  if (const ConfigNode* list = cal->node("bank_holidays", true)) {
    const std::string path = cal->child_path("bank_holidays");
    if (list->kind != ConfigNode::Kind::sequence) {
      d.error(list->anchor(), path, "expected a list of dates (YYYY-MM-DD), found " + list->describe_value());
    } else {
      s.bank_holidays_given = true;
      for (std::size_t i = 0; i < list->items.size(); ++i)
        if (auto date = FieldReader::to_date(list->items[i], path + "[" + std::to_string(i) + "]", d))
          s.bank_holidays.push_back(*date);
    }
  }
  cal->reject_unknown_keys();
}

}  // namespace probsim::scenario_loading
