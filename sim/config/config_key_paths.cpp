// Key paths into a scenario tree (`regions.0.pdus.Northgate.referrals_per_week`): finding a node,
// setting one (creating the keys on the way), removing one with `=null`, and --set assignments.

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "config/config_node.hpp"
#include "config/diagnostics.hpp"
#include "config/yaml_config_reader.hpp"

namespace probsim {

void apply_override(ConfigNode& root, const std::string& assignment, Diagnostics& diagnostics) {
  const SourceLocation here{"--set " + assignment, 0, 0};
  if (!is_key_assignment(assignment)) {
    diagnostics.error(here, "", "expected key.path=value");
    return;
  }
  const auto equals = assignment.find('=');
  const std::string path = assignment.substr(0, equals);
  if (path == "extends") {  // the chain of files is resolved before any --set applies
    diagnostics.error(here, path,
                      "cannot be set with --set: the files a scenario extends are read before the overrides. "
                      "Write a small scenario file with `extends:` and run that");
    return;
  }
  // An empty step (`.a`, `a.`, `a..b`) names no key: said as such, not as an unknown key without a name.
  if (path.front() == '.' || path.back() == '.' || path.find("..") != std::string::npos) {
    diagnostics.error(here, path,
                      "the key path has an empty step (a '.' at its start or end, or two together)");
    return;
  }
  // An empty value reads as YAML's null, which removes the key: an unset shell variable in
  // `--set key=$X` would silently drop a setting. Removal must be asked for by name.
  const std::string value_text = assignment.substr(equals + 1);
  if (value_text.find_first_not_of(" \t") == std::string::npos) {
    diagnostics.error(here, path,
                      "the value is empty; write " + path + "=null to remove the key, or '" + path +
                          "=\"\"' (quoted, so that the shell keeps the \"\") for an empty text");
    return;
  }
  ConfigNode value;
  try {
    Diagnostics value_problems;
    // One document, as in a file: YAML::Load would keep the first of `x\n---\ny` and drop the rest.
    const std::vector<YAML::Node> documents = YAML::LoadAll(value_text);
    if (documents.size() > 1) {
      diagnostics.error(here, path,
                        "the value holds " + std::to_string(documents.size()) +
                            " YAML documents (separated by '---'); give one");
      return;
    }
    value = config_node_from_yaml(documents.empty() ? YAML::Node() : documents.front(), here.file, path,
                                  value_problems);
    for (const auto& problem : value_problems.items()) diagnostics.error(here, path, problem.message);
  } catch (const YAML::Exception& e) {
    diagnostics.error(here, path, "the value is not valid YAML: " + e.msg);
    return;
  }
  // Only a null asked for by name removes the key (null, ~ or !!null, a comment after it allowed): `key=#5`
  // (all comment) or `key=---` reads as null too, and removed the key as silently as an empty value did.
  if (value.kind == ConfigNode::Kind::null) {
    std::string written = value_text;
    for (std::size_t hash = written.find('#'); hash != std::string::npos; hash = written.find('#', hash + 1))
      if (hash == 0 || written[hash - 1] == ' ' || written[hash - 1] == '\t') {
        written.erase(hash);
        break;
      }
    const std::size_t first = written.find_first_not_of(" \t");
    written =
        first == std::string::npos ? "" : written.substr(first, written.find_last_not_of(" \t") - first + 1);
    if (written != "null" && written != "Null" && written != "NULL" && written != "~" &&
        written.rfind("!!null", 0) != 0) {
      diagnostics.error(here, path,
                        "the value '" + value_text +
                            "' reads as nothing in YAML (a '#' begins a comment, '---' a "
                            "document); write " +
                            path + "=null to remove the key, or quote the value ('" + path + "=\"" +
                            value_text + "\"') for a text");
      return;
    }
  }
  value.where = here;
  set_at_path(root, path, std::move(value), here, diagnostics);
}

namespace {

// A path step into a list names an item by its index or by its `name`. Where a step is one item's
// index and another item's name (items named '2' and '0'), it could reach either: rather than take one
// silently (a --set applied to the wrong PDU), the step is refused and `ambiguity` says why.
std::optional<std::size_t> list_item_for_step(const ConfigNode& list, const std::string& step,
                                              std::string& ambiguity) {
  const auto name_of = [](const ConfigNode& item) -> const ConfigNode* {
    return item.kind == ConfigNode::Kind::map ? item.find("name") : nullptr;
  };
  std::optional<std::size_t> by_index, by_name;
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    if (!by_index && std::to_string(i) == step) by_index = i;
    const ConfigNode* name = name_of(list.items[i]);
    if (!by_name && name != nullptr && name->scalar == step) by_name = i;
  }
  if (by_index && by_name && *by_index != *by_name) {
    ambiguity = "'" + step + "' is both the index of list item " + std::to_string(*by_index) +
                " and the name of item " + std::to_string(*by_name) +
                ", so the step could reach either; rename the item whose name is a number";
    return std::nullopt;
  }
  return by_index ? by_index : by_name;
}

// Why no item of `list` is `step`: the indices, and the names (with a did-you-mean) where items have one.
std::string no_item_message(const std::string& step, const ConfigNode& list) {
  std::vector<std::string> names;
  for (const ConfigNode& item : list.items)
    if (const ConfigNode* name = item.kind == ConfigNode::Kind::map ? item.find("name") : nullptr)
      names.push_back(name->scalar);
  std::string message = list.items.size() == 1
                            ? std::string("no list item has that index or name (index 0")
                            : "no list item has that index or name (indices 0-" +
                                  std::to_string(list.items.empty() ? 0 : list.items.size() - 1);
  if (list.items.empty()) message = "no list item has that index or name (the list is empty";
  if (!names.empty()) {
    std::vector<std::string> quoted;
    for (const std::string& name : names) quoted.push_back("'" + name + "'");
    message += "; names " + first_items(quoted, 8);
  }
  message += ")";
  // A name holding '.' is split by the key path ('St. Helens' reads as 'St' then ' Helens'): only its
  // index can name it, and suggesting the name would send the user round in a circle.
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    const ConfigNode* name =
        list.items[i].kind == ConfigNode::Kind::map ? list.items[i].find("name") : nullptr;
    if (name != nullptr && name->scalar.rfind(step + ".", 0) == 0)
      return message + " ('" + name->scalar +
             "' holds a '.', which splits a key path: name it by its index, " + std::to_string(i) + ")";
  }
  const std::string suggestion = did_you_mean(step, names);
  if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
  return message;
}

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
      parent->removed_keys.emplace_back(step, key_where);
      return;
    }
  } else if (parent != nullptr && parent->kind == ConfigNode::Kind::sequence) {
    std::string ambiguity;
    if (const auto index = list_item_for_step(*parent, step, ambiguity)) {
      parent->items.erase(parent->items.begin() + static_cast<std::ptrdiff_t>(*index));
      return;
    }
    if (!ambiguity.empty()) {
      diagnostics.error(key_where, key_path, ambiguity);
      return;
    }
  }
  std::string message = "=null removes a key, but the scenario has no such key to remove";
  if (parent != nullptr && parent->kind == ConfigNode::Kind::sequence)
    message = "=null removes a list item, but " + no_item_message(step, *parent);
  diagnostics.error(key_where, key_path, message);
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
      std::string ambiguity;
      const auto index = list_item_for_step(*node, step, ambiguity);
      if (!index) {
        diagnostics.error(key_where, walked, ambiguity.empty() ? no_item_message(step, *node) : ambiguity);
        return;
      }
      next = &node->items[*index];
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

namespace {

// One step of a key path from `node`: a map's key, or a list item by its index or `name` (whose index
// is put in `index`). nullptr if there is none.
const ConfigNode* step_into(const ConfigNode& node, const std::string& step, std::size_t& index) {
  if (node.kind == ConfigNode::Kind::sequence) {
    std::string ambiguity;  // an ambiguous step reaches nothing here; set_at_path reports it
    const auto found = list_item_for_step(node, step, ambiguity);
    if (!found) return nullptr;
    index = *found;
    return &node.items[*found];
  }
  return node.kind == ConfigNode::Kind::map ? node.find(step) : nullptr;
}

// Calls `visit(step, next)` for each step of `key_path` in turn, `next` being the node the step reaches
// from the one before (nullptr once the path has left the tree), with a list item's step as its index.
template <typename Visit>
void walk_key_path(const ConfigNode& root, const std::string& key_path, Visit visit) {
  const ConfigNode* node = &root;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = key_path.find('.', start);
    std::string step = key_path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::size_t index = 0;
    const bool in_list = node != nullptr && node->kind == ConfigNode::Kind::sequence;
    node = node == nullptr ? nullptr : step_into(*node, step, index);
    if (node != nullptr && in_list) step = std::to_string(index);
    visit(step, node);
    if (dot == std::string::npos) return;
    start = dot + 1;
  }
}

}  // namespace

const ConfigNode* find_at_path(const ConfigNode& root, const std::string& key_path) {
  const ConfigNode* found = nullptr;
  walk_key_path(root, key_path, [&](const std::string&, const ConfigNode* node) { found = node; });
  return found;
}

std::string indexed_key_path(const ConfigNode& root, const std::string& key_path) {
  std::string path;
  walk_key_path(root, key_path, [&](const std::string& step, const ConfigNode*) {
    path += (path.empty() ? "" : ".") + step;
  });
  return path;
}

}  // namespace probsim
