// A scenario file and the chain of files it `extends`, merged base first: maps key by key, named list
// items by name, a distribution whole.

#include <algorithm>
#include <filesystem>

#include "config/config_node.hpp"

namespace probsim {

namespace {

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
         (node.find("fixed") != nullptr || node.find("values") != nullptr ||
          node.find("uniform") != nullptr || node.find("weights") != nullptr);
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
    const bool directory = std::filesystem::is_directory(path, ignored);
    const bool other = !directory && std::filesystem::exists(path, ignored);  // a device or a pipe
    if (requested_at.file.empty())
      diagnostics.error(SourceLocation{path, 0, 0}, "",
                        directory ? "is a directory, not a scenario file"
                        : other   ? "is not a regular file (a device or pipe?), not a scenario file"
                                  : "no such scenario file");
    else
      diagnostics.error(requested_at, "extends",
                        (directory ? "the path it names is a directory, not a file: '"
                         : other   ? "the path it names is not a regular file (a device or pipe?): '"
                                   : "the file it names does not exist: '") +
                            path + "'");
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

}  // namespace

std::optional<ConfigNode> load_config_with_extends(const std::string& path, Diagnostics& diagnostics) {
  std::vector<std::string> chain;
  return load_chain(path, diagnostics, chain, SourceLocation{});
}

}  // namespace probsim
