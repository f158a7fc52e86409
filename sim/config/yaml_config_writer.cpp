// Writing a ConfigNode tree back as YAML: scenario.resolved.yaml, and one-line values for messages.

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include "config/config_node.hpp"

namespace probsim {

namespace {

// `flow_only` writes every map and list in flow style ({a: 1, b: [2, 3]}), for one-line values.
void emit(YAML::Emitter& out, const ConfigNode& node, bool flow_only = false) {
  switch (node.kind) {
    case ConfigNode::Kind::null:
      out << YAML::Null;
      break;
    case ConfigNode::Kind::scalar:
      out << node.scalar;
      break;
    case ConfigNode::Kind::sequence: {
      const bool all_scalars = std::all_of(node.items.begin(), node.items.end(), [](const ConfigNode& i) {
        return i.kind == ConfigNode::Kind::scalar;
      });
      out << (all_scalars || flow_only ? YAML::Flow : YAML::Block) << YAML::BeginSeq;
      for (const auto& item : node.items) emit(out, item, flow_only);
      out << YAML::EndSeq;
      break;
    }
    case ConfigNode::Kind::map:
      if (flow_only) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, value] : node.entries) {
        out << YAML::Key << key << YAML::Value;
        emit(out, value, flow_only);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string emit_yaml(const ConfigNode& root) {
  YAML::Emitter out;
  emit(out, root);
  return std::string(out.c_str()) + "\n";
}

std::string emit_yaml_inline(const ConfigNode& value) {
  YAML::Emitter out;
  emit(out, value, true);
  return out.c_str();
}

}  // namespace probsim
