#pragma once
// Reading one row of an input CSV field by field: text, choices from a fixed list (with a
// did-you-mean), true/false, dates as simulation days, numbers in a range. Each problem is recorded
// against the row's line and the column, and reading goes on, so every problem is found in one pass.

#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "caseload/case_attributes.hpp"
#include "config/csv_table.hpp"
#include "config/diagnostics.hpp"
#include "core/calendar_date.hpp"
#include "core/date_in_range.hpp"
#include "core/simulation_window.hpp"

namespace probsim {

inline constexpr std::array<std::string_view, 2> kCsvBooleans = {"false", "true"};

// One row's fields, read with the problems named by the row's line and the column.
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvRow& row, CalendarDate day_zero,
            std::vector<CsvProblem>& problems)
      : table_(table), row_(row), day_zero_(day_zero), problems_(problems) {}

  void error(std::string_view column, std::string message) {
    problems_.push_back({table_.file(), row_.line, std::string(column), std::move(message)});
  }
  [[nodiscard]] std::string_view text(std::string_view column) const { return table_.field(row_, column); }
  [[nodiscard]] bool given(std::string_view column) const { return !text(column).empty(); }
  [[nodiscard]] int line() const { return row_.line; }

  std::optional<std::string_view> required_text(std::string_view column) {
    if (!given(column)) {
      error(column, "is empty; a value is required");
      return std::nullopt;
    }
    return text(column);
  }

  template <std::size_t N>
  std::optional<std::size_t> choice(std::string_view column, const std::array<std::string_view, N>& names) {
    auto value = required_text(column);
    if (!value) return std::nullopt;
    if (auto index = index_of(*value, names)) return index;
    std::string allowed;
    std::vector<std::string> candidates;
    for (std::string_view n : names) {
      allowed += (allowed.empty() ? "" : ", ") + std::string(n);
      candidates.emplace_back(n);
    }
    std::string message = "'" + std::string(*value) + "' is not one of " + allowed;
    // Codes as short as a tier are all within a typo of each other: a suggestion would be a guess.
    const std::string suggestion = value->size() > 3 ? did_you_mean(std::string(*value), candidates) : "";
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    error(column, message);
    return std::nullopt;
  }

  // An optional true/false column: `fallback` when empty or absent.
  std::optional<bool> boolean(std::string_view column, bool fallback) {
    if (!given(column)) return fallback;
    auto index = choice(column, kCsvBooleans);
    if (!index) return std::nullopt;
    return *index == 1;
  }

  // A date as a simulation day (day 0 is the snapshot day).
  std::optional<Day> date(std::string_view column) {
    auto value = required_text(column);
    if (!value) return std::nullopt;
    const DateReading reading = read_date_in_range(*value, kEarliestRecordYear, kLatestRecordYear);
    if (!reading.date) {
      error(column, reading.malformed() ? "malformed date '" + std::string(*value) + "'; expected YYYY-MM-DD"
                                        : reading.problem);
      return std::nullopt;
    }
    return static_cast<Day>(reading.date->days_since_epoch() - day_zero_.days_since_epoch());
  }

  std::optional<double> number(std::string_view column, double min, double max, std::string_view unit) {
    auto value = required_text(column);
    if (!value) return std::nullopt;
    double v = 0.0;
    const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), v);
    if (ec != std::errc() || end != value->data() + value->size()) {
      error(column, "'" + std::string(*value) + "' is not a number");
      return std::nullopt;
    }
    if (!(v >= min && v <= max)) {
      error(column, "must be from " + format(min) + " to " + format(max) + " " + std::string(unit) +
                        ", found " + std::string(*value));
      return std::nullopt;
    }
    return v;
  }

  std::optional<int> whole_number(std::string_view column, int min, int max, std::string_view unit) {
    auto v = number(column, min, max, unit);
    if (!v) return std::nullopt;
    if (*v != static_cast<int>(*v)) {
      error(column,
            "must be a whole number of " + std::string(unit) + ", found " + std::string(text(column)));
      return std::nullopt;
    }
    return static_cast<int>(*v);
  }

  static std::string format(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  CalendarDate day_zero_;
  std::vector<CsvProblem>& problems_;
};

}  // namespace probsim
