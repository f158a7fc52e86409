#include "config/field_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <sstream>

#include "config/utf8_text.hpp"
#include "core/date_in_range.hpp"
#include "core/simulation_window.hpp"

namespace probsim {

namespace {
std::string format_bound(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string range_text(double min, double max) {
  if (std::isinf(max)) return "at least " + format_bound(min);
  return "between " + format_bound(min) + " and " + format_bound(max);
}
}  // namespace

FieldReader::FieldReader(const ConfigNode* node, std::string path, Diagnostics& diagnostics)
    : node_(node), path_(std::move(path)), diagnostics_(diagnostics) {
  if (node_ != nullptr && node_->kind != ConfigNode::Kind::map) {
    diagnostics_.error(node_->anchor(), path_, "expected a map of keys, found " + node_->describe_value());
    node_ = nullptr;
  }
}

std::string FieldReader::child_path(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::optional<FieldReader> FieldReader::optional_map(std::string_view key) {
  const ConfigNode* value = node(key, false);
  if (value == nullptr) return std::nullopt;
  FieldReader reader(value, child_path(key), diagnostics_);
  if (!reader.ok()) return std::nullopt;
  return reader;
}

const ConfigNode* FieldReader::node(std::string_view key, bool required) {
  if (std::find(known_keys_.begin(), known_keys_.end(), key) == known_keys_.end())
    known_keys_.emplace_back(key);
  if (node_ == nullptr) return nullptr;
  const ConfigNode* value = node_->find(key);
  if (value != nullptr && value->kind == ConfigNode::Kind::null) {
    if (std::find(reported_without_value_.begin(), reported_without_value_.end(), key) ==
        reported_without_value_.end()) {
      reported_without_value_.emplace_back(key);
      diagnostics_.error(value->key_where, child_path(key), "has no value");
    }
    return nullptr;
  }
  if (value == nullptr && required) {
    const auto removed = std::find_if(node_->removed_keys.begin(), node_->removed_keys.end(),
                                      [&](const auto& entry) { return entry.first == key; });
    if (removed != node_->removed_keys.end())
      diagnostics_.error(removed->second, child_path(key), "is required, and this --set removed it");
    else
      diagnostics_.error(node_->anchor(), child_path(key), "is required but missing");
  }
  return value;
}

std::optional<double> FieldReader::to_number(const ConfigNode& value, const std::string& path, double min,
                                             double max, Diagnostics& diagnostics) {
  if (value.kind != ConfigNode::Kind::scalar) {
    diagnostics.error(value.where, path, "expected a number, found " + value.describe_value());
    return std::nullopt;
  }
  double number = 0.0;
  const char* begin = value.scalar.data();
  const char* end = begin + value.scalar.size();
  auto [stop, error] = std::from_chars(begin, end, number);
  // A well-formed number beyond what a double holds (1e400, or 1e-400 below its smallest) is a number
  // out of range, not "not a number": said so, with the range the key takes.
  if (error == std::errc::result_out_of_range && stop == end) {
    diagnostics.error(value.where, path,
                      "expected a number " + range_text(min, max) + ", found " + value.scalar +
                          ", beyond what a number can hold here");
    return std::nullopt;
  }
  if (error != std::errc() || stop != end || !std::isfinite(number)) {
    diagnostics.error(value.where, path, "expected a number, found " + value.describe_value());
    return std::nullopt;
  }
  if (number < min || number > max) {
    diagnostics.error(value.where, path,
                      "expected a number " + range_text(min, max) + ", found " + value.scalar);
    return std::nullopt;
  }
  return number;
}

std::optional<double> FieldReader::number(std::string_view key, bool required, double min, double max) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  return to_number(*value, child_path(key), min, max, diagnostics_);
}

std::optional<int> FieldReader::integer(std::string_view key, bool required, int min, int max) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  int number = 0;
  const char* begin = value->scalar.data();
  const char* end = begin + value->scalar.size();
  auto [stop, error] = std::from_chars(begin, end, number);
  if (value->kind == ConfigNode::Kind::scalar && error == std::errc::result_out_of_range && stop == end) {
    // A whole number too large to hold is out of the key's range, which is what to say.
    diagnostics_.error(value->where, child_path(key),
                       "expected a whole number " + range_text(min, max) + ", found " + value->scalar);
    return std::nullopt;
  }
  if (value->kind != ConfigNode::Kind::scalar || error != std::errc() || stop != end) {
    diagnostics_.error(value->where, child_path(key),
                       "expected a whole number, found " + value->describe_value());
    return std::nullopt;
  }
  if (number < min || number > max) {
    diagnostics_.error(value->where, child_path(key),
                       "expected a whole number " + range_text(min, max) + ", found " + value->scalar);
    return std::nullopt;
  }
  return number;
}

std::optional<bool> FieldReader::boolean(std::string_view key, bool required) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  if (value->kind == ConfigNode::Kind::scalar && (value->scalar == "true" || value->scalar == "false"))
    return value->scalar == "true";
  diagnostics_.error(value->where, child_path(key),
                     "expected true or false, found " + value->describe_value());
  return std::nullopt;
}

std::optional<std::string> FieldReader::text(std::string_view key, bool required) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  if (value->kind != ConfigNode::Kind::scalar) {
    diagnostics_.error(value->where, child_path(key), "expected text, found " + value->describe_value());
    return std::nullopt;
  }
  return value->scalar;
}

std::optional<std::string> FieldReader::label(std::string_view key, bool required) {
  std::optional<std::string> value = text(key, required);
  if (!value) return value;
  std::string why;
  if (value->empty())
    why = "must not be empty";
  else if (has_control_character(*value))
    why =
        "must be one line of text without control characters (a newline or tab would break the run's "
        "CSV files and report)";
  else if (value->front() == ' ' || value->back() == ' ')
    why = "must not begin or end with a space";
  else if (first_invalid_utf8(*value) != std::string_view::npos)
    why = "is not valid UTF-8 text (the file's encoding?); save the file as UTF-8";
  if (why.empty()) return value;
  diagnostics_.error(node(key, false)->where, child_path(key), why);
  return std::nullopt;
}

std::optional<CalendarDate> FieldReader::date(std::string_view key, bool required) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  return to_date(*value, child_path(key), diagnostics_);
}

std::optional<CalendarDate> FieldReader::to_date(const ConfigNode& value, const std::string& path,
                                                 Diagnostics& diagnostics) {
  DateReading reading;  // a list or a map is no date, and malformed
  if (value.kind == ConfigNode::Kind::scalar)
    reading = read_date_in_range(value.scalar, kEarliestReportYear, kLatestReportYear);
  if (reading.date) return reading.date;
  diagnostics.error(value.where, path,
                    reading.malformed() ? "expected a date as YYYY-MM-DD, found " + value.describe_value()
                                        : reading.problem);
  return std::nullopt;
}

std::optional<std::size_t> FieldReader::choice(std::string_view key, bool required,
                                               const std::vector<std::string>& choices) {
  const ConfigNode* value = node(key, required);
  if (value == nullptr) return std::nullopt;
  if (value->kind == ConfigNode::Kind::scalar) {
    const auto found = std::find(choices.begin(), choices.end(), value->scalar);
    if (found != choices.end()) return static_cast<std::size_t>(found - choices.begin());
  }
  std::string listed;
  for (const auto& c : choices) listed += (listed.empty() ? "" : ", ") + c;
  std::string message = "expected one of " + listed + "; found " + value->describe_value();
  if (value->kind == ConfigNode::Kind::scalar) {
    const std::string suggestion = did_you_mean(value->scalar, choices);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  }
  diagnostics_.error(value->where, child_path(key), message);
  return std::nullopt;
}

std::size_t FieldReader::reject_unknown_keys() {
  if (node_ == nullptr) return 0;
  std::size_t unknown = 0;
  for (const auto& [key, value] : node_->entries) {
    if (std::find(known_keys_.begin(), known_keys_.end(), key) != known_keys_.end()) continue;
    if (key == "<<") {  // YAML 1.1's merge key, which yaml-cpp reads as a plain key named "<<"
      diagnostics_.error(value.key_where, child_path(key),
                         "YAML merge keys ('<<: *anchor') are not supported: write the keys out");
      ++unknown;
      continue;
    }
    std::string message = "unknown key";
    const std::string suggestion = did_you_mean(key, known_keys_);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    std::string expected;
    for (const auto& k : known_keys_) expected += (expected.empty() ? "" : ", ") + k;
    message += "; keys allowed here: " + expected;
    diagnostics_.error(value.key_where, child_path(key), message);
    ++unknown;
  }
  return unknown;
}

}  // namespace probsim
