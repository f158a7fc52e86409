#pragma once
// Within the config library: one parsed YAML node converted into a ConfigNode tree, each node located
// in `file`, within the same budget of nodes a whole file has (so a --set value cannot expand an alias
// bomb either). Problems (non-scalar keys, duplicate keys, too many nodes) go to `diagnostics`.

#include <yaml-cpp/yaml.h>

#include <string>

#include "config/config_node.hpp"

namespace probsim {

[[nodiscard]] ConfigNode config_node_from_yaml(const YAML::Node& node, const std::string& file,
                                               const std::string& key_path, Diagnostics& diagnostics);

}  // namespace probsim
