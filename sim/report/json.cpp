#include "report/json.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace probsim {

Json& Json::push(Json item) {
  if (is_null()) value_ = Array{};
  auto* items = std::get_if<Array>(&value_);
  if (!items) throw std::logic_error("Json::push on a value that is not an array");
  items->push_back(std::move(item));
  return *this;
}

Json& Json::set(const std::string& key, Json value) {
  if (is_null()) value_ = Object{};
  auto* members = std::get_if<Object>(&value_);
  if (!members) throw std::logic_error("Json::set on a value that is not an object");
  for (auto& [name, member] : *members)
    if (name == key) {
      member = std::move(value);
      return *this;
    }
  members->emplace_back(key, std::move(value));
  return *this;
}

const Json* Json::find(std::string_view key) const {
  if (const auto* members = std::get_if<Object>(&value_))
    for (const auto& [name, member] : *members)
      if (name == key) return &member;
  return nullptr;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '<':
        out += "\\u003c";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void Json::dump_to(std::string& out) const {
  struct Writer {
    std::string& out;
    void operator()(std::nullptr_t) const { out += "null"; }
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(double d) const {
      if (!std::isfinite(d)) {
        out += "null";
        return;
      }
      char text[32];
      // 10 significant digits: more than any chart shows, fewer bytes than round-tripping needs.
      std::snprintf(text, sizeof text, "%.10g", d);
      out += text;
    }
    void operator()(const std::string& s) const { append_json_string(out, s); }
    void operator()(const Array& items) const {
      out += '[';
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        items[i].dump_to(out);
      }
      out += ']';
    }
    void operator()(const Object& members) const {
      out += '{';
      for (std::size_t i = 0; i < members.size(); ++i) {
        if (i) out += ',';
        append_json_string(out, members[i].first);
        out += ':';
        members[i].second.dump_to(out);
      }
      out += '}';
    }
  };
  std::visit(Writer{out}, value_);
}

std::string Json::dump() const {
  std::string out;
  dump_to(out);
  return out;
}

}  // namespace probsim
