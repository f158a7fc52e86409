#pragma once
// A JSON value, built in code and written out compactly: the report page's data and its Vega-Lite
// chart specifications. Objects keep their keys in insertion order, so equal inputs give equal pages.

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace probsim {

class Json {
 public:
  using Array = std::vector<Json>;
  using Object = std::vector<std::pair<std::string, Json>>;

  Json() = default;  // null
  Json(std::nullptr_t) {}
  Json(bool value) : value_(value) {}
  template <typename Number>
  requires(std::is_arithmetic_v<Number> && !std::same_as<Number, bool>) Json(Number value)
      : value_(static_cast<double>(value)) {}
  Json(const char* text) : value_(std::string(text)) {}
  Json(std::string text) : value_(std::move(text)) {}
  Json(std::string_view text) : value_(std::string(text)) {}

  [[nodiscard]] static Json array(std::initializer_list<Json> items = {}) { return Json(Array(items)); }
  [[nodiscard]] static Json array(Array items) { return Json(std::move(items)); }
  [[nodiscard]] static Json object(std::initializer_list<std::pair<std::string, Json>> members = {}) {
    return Json(Object(members));
  }

  // Appends to an array; adds or replaces a member of an object.
  Json& push(Json item);
  Json& set(const std::string& key, Json value);
  // The member `key` of an object (nullptr if absent).
  [[nodiscard]] const Json* find(std::string_view key) const;

  [[nodiscard]] bool is_null() const { return std::holds_alternative<std::nullptr_t>(value_); }
  [[nodiscard]] const Array* as_array() const { return std::get_if<Array>(&value_); }
  [[nodiscard]] const std::string* as_string() const { return std::get_if<std::string>(&value_); }
  [[nodiscard]] const double* as_number() const { return std::get_if<double>(&value_); }
  [[nodiscard]] const bool* as_bool() const { return std::get_if<bool>(&value_); }

  // Compact JSON. '<' is written as \u003c, so the text can sit inside an HTML <script> element. A
  // number that is not finite is written as null (JSON has no NaN).
  [[nodiscard]] std::string dump() const;
  void dump_to(std::string& out) const;

 private:
  explicit Json(Array items) : value_(std::move(items)) {}
  explicit Json(Object members) : value_(std::move(members)) {}
  std::variant<std::nullptr_t, bool, double, std::string, Array, Object> value_ = nullptr;
};

// "…" with JSON escapes (and '<' as \u003c).
void append_json_string(std::string& out, std::string_view text);

}  // namespace probsim
