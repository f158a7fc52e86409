#include "config/config_node.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

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

namespace {

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

// The most nodes one file (or one --set value) may expand to. The largest shipped scenario has a few
// thousand; a YAML alias bomb (nine levels of nine aliases) expands to hundreds of millions (a few hundred bytes each), which would
// exhaust memory before any rule could name it. Counting while converting stops it at the first node past
// the limit, at a located error.
constexpr std::size_t kMaxNodesPerDocument = 100'000;

struct NodeBudget {
  std::size_t left = kMaxNodesPerDocument;
  bool exhausted = false;
  // The top-level key being converted: the error names it (its line), not the node deep inside an
  // alias where the count ran out.
  std::string top_key;
  SourceLocation top_where;
};

ConfigNode convert(const YAML::Node& node, const std::string& file, const std::string& key_path,
                   Diagnostics& diagnostics, NodeBudget& budget) {
  ConfigNode out;
  out.where = location_of(node.Mark(), file);
  if (budget.exhausted) return out;
  if (budget.left == 0) {
    budget.exhausted = true;
    diagnostics.error(budget.top_key.empty() ? out.where : budget.top_where, budget.top_key,
                      "the document expands to more than " + std::to_string(kMaxNodesPerDocument) +
                          " values (YAML aliases repeated inside aliases?); refused before it exhausts memory");
    return out;
  }
  --budget.left;
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out.kind = ConfigNode::Kind::null;
      break;
    case YAML::NodeType::Scalar:
      out.kind = ConfigNode::Kind::scalar;
      out.scalar = node.Scalar();
      break;
    case YAML::NodeType::Sequence: {
      out.kind = ConfigNode::Kind::sequence;
      std::size_t index = 0;
      for (const auto& item : node)
        out.items.push_back(
            convert(item, file, key_path + "[" + std::to_string(index++) + "]", diagnostics, budget));
      break;
    }
    case YAML::NodeType::Map: {
      out.kind = ConfigNode::Kind::map;
      for (const auto& entry : node) {
        const SourceLocation key_where = location_of(entry.first.Mark(), file);
        if (!entry.first.IsScalar()) {
          diagnostics.error(
              key_where, key_path,
              "a key must be a plain name, found a " + std::string(entry.first.IsMap() ? "map" : "list"));
          continue;
        }
        const std::string key = entry.first.Scalar();
        const std::string child_path = key_path.empty() ? key : key_path + "." + key;
        if (out.find(key) != nullptr) {
          diagnostics.error(
              key_where, child_path,
              "duplicate key (first given at line " + std::to_string(out.find(key)->key_where.line) + ")");
          continue;
        }
        if (key_path.empty()) {
          budget.top_key = key;
          budget.top_where = key_where;
        }
        ConfigNode value = convert(entry.second, file, child_path, diagnostics, budget);
        value.key_where = key_where;
        out.entries.emplace_back(key, std::move(value));
      }
      break;
    }
  }
  return out;
}

bool all_items_named(const ConfigNode& list) {
  if (list.kind != ConfigNode::Kind::sequence || list.items.empty()) return false;
  return std::all_of(list.items.begin(), list.items.end(), [](const ConfigNode& item) {
    const ConfigNode* name = item.kind == ConfigNode::Kind::map ? item.find("name") : nullptr;
    return name != nullptr && name->kind == ConfigNode::Kind::scalar;
  });
}

// A distribution (a map given by `fixed`, `values` or `uniform`) is one value: a derived file that
// gives one replaces the base's whole, rather than mixing two forms into one map.
bool is_distribution(const ConfigNode& node) {
  return node.kind == ConfigNode::Kind::map &&
         (node.find("fixed") != nullptr || node.find("values") != nullptr || node.find("uniform") != nullptr ||
          node.find("weights") != nullptr);
}

void merge_over(ConfigNode& base, const ConfigNode& overlay) {
  if (base.kind == ConfigNode::Kind::map && overlay.kind == ConfigNode::Kind::map &&
      !is_distribution(overlay)) {
    for (const auto& [key, value] : overlay.entries) {
      if (ConfigNode* existing = base.find(key)) {
        merge_over(*existing, value);
        existing->key_where = value.key_where;
      } else {
        base.entries.emplace_back(key, value);
      }
    }
    base.where = overlay.where;
    return;
  }
  if (all_items_named(base) && all_items_named(overlay)) {
    for (const ConfigNode& item : overlay.items) {
      const std::string& name = item.find("name")->scalar;
      auto same_name = std::find_if(base.items.begin(), base.items.end(),
                                    [&](const ConfigNode& b) { return b.find("name")->scalar == name; });
      if (same_name != base.items.end())
        merge_over(*same_name, item);
      else
        base.items.push_back(item);
    }
    base.where = overlay.where;
    return;
  }
  const SourceLocation key_where = base.key_where;
  base = overlay;
  if (base.key_where.file.empty()) base.key_where = key_where;
}

std::optional<ConfigNode> load_chain(const std::string& path, Diagnostics& diagnostics,
                                     std::vector<std::string>& chain, const SourceLocation& requested_at) {
  std::error_code ignored;
  const std::string canonical = std::filesystem::weakly_canonical(path, ignored).string();
  if (std::find(chain.begin(), chain.end(), canonical) != chain.end()) {
    diagnostics.error(requested_at, "extends", "'" + path + "' extends itself through a cycle of files");
    return std::nullopt;
  }
  if (!std::filesystem::is_regular_file(path)) {
    if (requested_at.file.empty())
      diagnostics.error(SourceLocation{path, 0, 0}, "", "no such scenario file");
    else
      diagnostics.error(requested_at, "extends", "the file it names does not exist: '" + path + "'");
    return std::nullopt;
  }
  std::optional<ConfigNode> own = parse_config_file(path, diagnostics);
  if (!own) return std::nullopt;
  if (own->kind != ConfigNode::Kind::map) {
    // An empty file (or one cut short before its first key) has no line: name line 1, where the map
    // of keys should start, so that the message is located like every other.
    SourceLocation at = own->where;
    if (at.line == 0) at = SourceLocation{path, 1, 1};
    diagnostics.error(at, "", "a scenario must be a map of keys, found " + std::string(own->kind_name()));
    return std::nullopt;
  }
  const auto extends_entry = std::find_if(own->entries.begin(), own->entries.end(),
                                          [](const auto& entry) { return entry.first == "extends"; });
  if (extends_entry == own->entries.end()) return own;

  const ConfigNode extends_value = extends_entry->second;
  own->entries.erase(extends_entry);
  if (extends_value.kind != ConfigNode::Kind::scalar || extends_value.scalar.empty()) {
    diagnostics.error(extends_value.where, "extends",
                      "expected the path of a base scenario file, found " + extends_value.describe_value());
    return std::nullopt;
  }
  const std::filesystem::path base_path =
      std::filesystem::path(path).parent_path() / std::filesystem::path(extends_value.scalar);
  chain.push_back(canonical);
  std::optional<ConfigNode> base =
      load_chain(base_path.lexically_normal().string(), diagnostics, chain, extends_value.where);
  chain.pop_back();
  if (!base) return std::nullopt;
  merge_over(*base, *own);
  return base;
}

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

// yaml-cpp reports an unclosed flow bracket where it gave up, often lines later. On a syntax error,
// the first line (at or before that point) that opens a '{' or '[' it does not close is where the fix
// is. Quotes and comments are skipped; returns 0 when no line qualifies.
int line_with_unclosed_bracket(const std::string& path, int up_to_line) {
  std::ifstream in(path);
  std::string text;
  for (int line = 1; line <= up_to_line && std::getline(in, text); ++line) {
    int depth = 0;
    char quote = 0;
    for (char c : text) {
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#') {
        break;
      } else if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    if (depth > 0) return line;
  }
  return 0;
}

}  // namespace

std::optional<ConfigNode> parse_config_file(const std::string& path, Diagnostics& diagnostics) {
  std::ifstream in(path);
  if (!in) {
    diagnostics.error(SourceLocation{path, 0, 0}, "", "cannot open the file for reading");
    return std::nullopt;
  }
  try {
    // A second document (after `---`) would otherwise be ignored without a word.
    const std::vector<YAML::Node> documents = YAML::LoadAll(in);
    if (documents.size() > 1) {
      diagnostics.error(location_of(documents[1].Mark(), path), "",
                        "a scenario file holds one YAML document; found a second (after '---'). Put it in "
                        "its own file, or use `extends:`");
      return std::nullopt;
    }
    const YAML::Node document = documents.empty() ? YAML::Node() : documents.front();
    const std::size_t errors_before = diagnostics.items().size();
    NodeBudget budget;
    ConfigNode root = convert(document, path, "", diagnostics, budget);
    if (diagnostics.items().size() != errors_before) return std::nullopt;
    return root;
  } catch (const YAML::Exception& e) {
    SourceLocation where = location_of(e.mark, path);
    const int unclosed = line_with_unclosed_bracket(path, where.line);
    if (unclosed > 0 && unclosed < where.line) {
      diagnostics.error(
          SourceLocation{path, unclosed, 0}, "",
          "YAML syntax error: a '{' or '[' opened on this line is never closed (the parser gave up at "
          "line " +
              std::to_string(where.line) + ": " + e.msg + ")");
    } else {
      diagnostics.error(where, "", "YAML syntax error: " + e.msg);
    }
    return std::nullopt;
  }
}

std::optional<ConfigNode> load_config_with_extends(const std::string& path, Diagnostics& diagnostics) {
  std::vector<std::string> chain;
  return load_chain(path, diagnostics, chain, SourceLocation{});
}

void apply_override(ConfigNode& root, const std::string& assignment, Diagnostics& diagnostics) {
  const SourceLocation here{"--set " + assignment, 0, 0};
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0) {
    diagnostics.error(here, "", "expected key.path=value");
    return;
  }
  const std::string path = assignment.substr(0, equals);
  ConfigNode value;
  try {
    Diagnostics value_problems;
    NodeBudget budget;
    value = convert(YAML::Load(assignment.substr(equals + 1)), here.file, path, value_problems, budget);
    for (const auto& problem : value_problems.items()) diagnostics.error(here, path, problem.message);
  } catch (const YAML::Exception& e) {
    diagnostics.error(here, path, "the value is not valid YAML: " + e.msg);
    return;
  }
  value.where = here;
  set_at_path(root, path, std::move(value), here, diagnostics);
}

namespace {

// `key.path=null`: removes the key (or list item) so that the scenario reads as if it had never been
// written: an optional block falls back to its default (off), a required one is reported missing.
void remove_at_path(ConfigNode& root, const std::string& key_path, const SourceLocation& key_where,
                    Diagnostics& diagnostics) {
  const std::size_t dot = key_path.rfind('.');
  ConfigNode* parent = &root;
  if (dot != std::string::npos) {
    const ConfigNode* found = find_at_path(root, key_path.substr(0, dot));
    parent = const_cast<ConfigNode*>(found);
  }
  const std::string step = dot == std::string::npos ? key_path : key_path.substr(dot + 1);
  if (parent != nullptr && parent->kind == ConfigNode::Kind::map) {
    const auto it = std::find_if(parent->entries.begin(), parent->entries.end(),
                                 [&](const auto& entry) { return entry.first == step; });
    if (it != parent->entries.end()) {
      parent->entries.erase(it);
      return;
    }
  } else if (parent != nullptr && parent->kind == ConfigNode::Kind::sequence) {
    for (auto it = parent->items.begin(); it != parent->items.end(); ++it) {
      const ConfigNode* name = it->kind == ConfigNode::Kind::map ? it->find("name") : nullptr;
      if (std::to_string(it - parent->items.begin()) == step || (name != nullptr && name->scalar == step)) {
        parent->items.erase(it);
        return;
      }
    }
  }
  diagnostics.error(key_where, key_path, "=null removes a key, but the scenario has no such key to remove");
}

}  // namespace

void set_at_path(ConfigNode& root, const std::string& key_path, ConfigNode value,
                 const SourceLocation& key_where, Diagnostics& diagnostics) {
  if (value.kind == ConfigNode::Kind::null) {
    remove_at_path(root, key_path, key_where, diagnostics);
    return;
  }
  ConfigNode* node = &root;
  std::size_t start = 0;
  std::string walked;
  while (true) {
    const std::size_t dot = key_path.find('.', start);
    const std::string step =
        key_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    walked += (walked.empty() ? "" : ".") + step;
    ConfigNode* next = nullptr;
    if (node->kind == ConfigNode::Kind::sequence) {
      for (std::size_t i = 0; i < node->items.size() && next == nullptr; ++i) {
        ConfigNode& item = node->items[i];
        const ConfigNode* name = item.kind == ConfigNode::Kind::map ? item.find("name") : nullptr;
        if (std::to_string(i) == step || (name != nullptr && name->scalar == step)) next = &item;
      }
      if (next == nullptr) {
        diagnostics.error(key_where, walked, "no list item has that index or name");
        return;
      }
    } else {
      if (node->kind != ConfigNode::Kind::map) {
        if (node->kind != ConfigNode::Kind::null) {
          diagnostics.error(key_where, walked, "cannot set a key inside " + std::string(node->kind_name()));
          return;
        }
        node->kind = ConfigNode::Kind::map;
      }
      next = node->find(step);
      if (next == nullptr) {
        node->entries.emplace_back(step, ConfigNode{});
        next = &node->entries.back().second;
        next->key_where = key_where;
        next->where = key_where;
      }
    }
    node = next;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  value.key_where = key_where;
  *node = std::move(value);
}

const ConfigNode* find_at_path(const ConfigNode& root, const std::string& key_path) {
  const ConfigNode* node = &root;
  std::size_t start = 0;
  while (node != nullptr) {
    const std::size_t dot = key_path.find('.', start);
    const std::string step =
        key_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    const ConfigNode* next = nullptr;
    if (node->kind == ConfigNode::Kind::sequence) {
      for (std::size_t i = 0; i < node->items.size() && next == nullptr; ++i) {
        const ConfigNode& item = node->items[i];
        const ConfigNode* name = item.kind == ConfigNode::Kind::map ? item.find("name") : nullptr;
        if (std::to_string(i) == step || (name != nullptr && name->scalar == step)) next = &item;
      }
    } else if (node->kind == ConfigNode::Kind::map) {
      next = node->find(step);
    }
    node = next;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return node;
}

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
