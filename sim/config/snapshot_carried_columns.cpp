// rar_days and unpaid_work_hours: carried with the row, consumed by no mechanism (see the header).
#include "config/snapshot_carried_columns.hpp"

#include <charconv>
#include <cmath>

namespace probsim {

namespace {

// A number of `unit`, 0 or more, or kNotGiven when empty; nullopt on a problem (recorded).
std::optional<double> non_negative(RowReader& row, std::string_view column, std::string_view unit) {
  if (!row.given(column)) return SnapshotCase::kNotGiven;
  const std::string_view text = row.text(column);
  double v = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v)) {
    row.error(column, "'" + std::string(text) + "' is not a number");
    return std::nullopt;
  }
  if (v < 0.0) {
    row.error(column, "must be 0 or more " + std::string(unit) + ", found " + std::string(text));
    return std::nullopt;
  }
  return v;
}

}  // namespace

bool read_carried_columns(RowReader& row, std::optional<SentenceType> type, SnapshotCase& c) {
  bool ok = true;
  for (auto [column, unit, value] :
       {std::tuple{std::string_view("rar_days"), std::string_view("days"), &c.rar_days},
        std::tuple{std::string_view("unpaid_work_hours"), std::string_view("hours"), &c.unpaid_work_hours}}) {
    const auto v = non_negative(row, column, unit);
    if (!v) {
      ok = false;
      continue;
    }
    // RAR and unpaid work are requirements of a community order or a suspended sentence order (the
    // domain reference's primer, §1); a licence has conditions, not these requirements.
    if (*v != SnapshotCase::kNotGiven && type == SentenceType::licence) {
      row.error(column,
                "is a requirement of a community_order or suspended_sentence_order, not of a licence");
      ok = false;
      continue;
    }
    *value = *v;
  }
  return ok;
}

}  // namespace probsim
