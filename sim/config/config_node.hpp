#pragma once
// A scenario file as a tree whose every node remembers where it came from (file, line, column), so
// errors found long after parsing, and after `extends` and `--set` have merged several sources, can
// still point at the exact place to fix. Built from yaml-cpp; nothing past the loader sees YAML.
// Implemented by concept: config_node.cpp (the node), yaml_config_reader.cpp (YAML in),
// config_extends.cpp (`extends` chains), config_key_paths.cpp (key paths, --set), yaml_config_writer.cpp
// (YAML out).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "config/diagnostics.hpp"

namespace probsim {

class ConfigNode {
 public:
  enum class Kind { null, scalar, sequence, map };

  Kind kind = Kind::null;
  std::string scalar;  // the text as written, for scalars
  std::vector<ConfigNode> items;
  std::vector<std::pair<std::string, ConfigNode>> entries;  // map entries in file order
  SourceLocation where;                                     // of the value
  SourceLocation key_where;                                 // of the key, for a map entry's value
  // A map's keys that a `--set key=null` removed, with that --set: a required one is then reported
  // missing at the --set that removed it, not at the file's block.
  std::vector<std::pair<std::string, SourceLocation>> removed_keys;

  // Where to point a user at this node as a whole: its key's line for a map entry (the line they
  // would look for), else the value's own position.
  [[nodiscard]] const SourceLocation& anchor() const { return key_where.line > 0 ? key_where : where; }

  [[nodiscard]] const ConfigNode* find(std::string_view key) const;
  [[nodiscard]] ConfigNode* find(std::string_view key);
  [[nodiscard]] std::string_view kind_name() const;
  // A short description of the value for messages: the scalar itself, or "a map", "a list", "nothing".
  [[nodiscard]] std::string describe_value() const;
};

// Reads one YAML file (no `extends` processing). Syntax errors and duplicate keys go to `diagnostics`.
[[nodiscard]] std::optional<ConfigNode> parse_config_file(const std::string& path, Diagnostics& diagnostics);

// Reads a file and the chain of files it `extends` (paths relative to the extending file), merging
// each over its base: maps merge key by key, lists of maps that all have a `name` merge item by name
// (new names are appended), anything else is replaced. A distribution (a map with `fixed`, `values`
// or `uniform`) counts as one value and is replaced whole. The `extends` key is removed.
[[nodiscard]] std::optional<ConfigNode> load_config_with_extends(const std::string& path,
                                                                 Diagnostics& diagnostics);

// Applies `key.path=value` (value in YAML syntax). A path step into a list is an index or an item's
// `name`. Keys that do not exist are created, so the scenario reader reports them as unknown keys.
// A value of null (`null` or `~`) removes the key or list item instead, e.g.
// `interventions.cohort_report=null`; removing a key that is not there is an error.
void apply_override(ConfigNode& root, const std::string& assignment, Diagnostics& diagnostics);
// Whether `assignment` has the form apply_override takes, key.path=value (a key before the '=').
[[nodiscard]] inline bool is_key_assignment(const std::string& assignment) {
  const auto equals = assignment.find('=');
  return equals != std::string::npos && equals > 0;
}

// The same with the value already parsed (a sweep file's parameter value keeps its own file, line and
// column). `key_where` is where the path was written: errors about the path, and any key the path
// creates, point there.
void set_at_path(ConfigNode& root, const std::string& key_path, ConfigNode value,
                 const SourceLocation& key_where, Diagnostics& diagnostics);

// The node at a `key.path` (same steps as apply_override), or nullptr if there is none.
[[nodiscard]] const ConfigNode* find_at_path(const ConfigNode& root, const std::string& key_path);
// The same path with each list item that `root` holds named by its index (`regions.0.pdus.2.x` for
// `regions.London.pdus.Camden.x`): two spellings of one setting give the same text. Steps past the end
// of the tree are kept as written.
[[nodiscard]] std::string indexed_key_path(const ConfigNode& root, const std::string& key_path);

// Writes the tree back as YAML.
[[nodiscard]] std::string emit_yaml(const ConfigNode& root);
// One value on one line: a scalar as YAML writes it (quoted only if it must be), maps and lists in
// flow style, e.g. {fixed: 12}.
[[nodiscard]] std::string emit_yaml_inline(const ConfigNode& value);

}  // namespace probsim
