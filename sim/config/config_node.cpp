// A ConfigNode's own questions: its entries by key, and how to name its kind and value in a message.
// Reading YAML into nodes is yaml_config_reader.cpp, `extends` is config_extends.cpp, key paths and
// --set are config_key_paths.cpp, and writing YAML back is yaml_config_writer.cpp.

#include "config/config_node.hpp"

namespace probsim {

const ConfigNode* ConfigNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

ConfigNode* ConfigNode::find(std::string_view key) {
  for (auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

std::string_view ConfigNode::kind_name() const {
  switch (kind) {
    case Kind::null:
      return "nothing";
    case Kind::scalar:
      return "a single value";
    case Kind::sequence:
      return "a list";
    case Kind::map:
      return "a map";
  }
  return "?";
}

std::string ConfigNode::describe_value() const {
  if (kind == Kind::scalar) return "'" + scalar + "'";
  if (kind == Kind::sequence && items.empty()) return "an empty list";
  if (kind == Kind::map && entries.empty()) return "an empty map";
  return std::string(kind_name());
}

}  // namespace probsim
