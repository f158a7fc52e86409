// Reporting a rule struct's problems at the keys they name (see report_problems in loader_values.hpp),
// with what else made the value: the --set overrides that changed it, and the entries of a share map
// that a file it extends gave.

#include <algorithm>
#include <string>
#include <vector>

#include "config/loader_values.hpp"

namespace probsim::scenario_loading {

namespace {

// The node at `key` ("a.b[2].c") under `block`; when the file does not give it, the deepest node on
// the way there (`exact` false).
const ConfigNode* find_relative(const ConfigNode& block, const std::string& key, bool& exact) {
  const ConfigNode* node = &block;
  std::size_t at = 0;
  exact = false;
  while (at < key.size()) {
    if (key[at] == '.') ++at;
    if (at >= key.size()) break;
    const ConfigNode* next = nullptr;
    if (key[at] == '[') {
      const std::size_t close = key.find(']', at);
      if (close == std::string::npos) return node;
      const std::size_t i = std::stoul(key.substr(at + 1, close - at - 1));
      if (node->kind == ConfigNode::Kind::sequence && i < node->items.size()) next = &node->items[i];
      at = close + 1;
    } else {
      const std::size_t end = key.find_first_of(".[", at);
      if (node->kind == ConfigNode::Kind::map) next = node->find(key.substr(at, end - at));
      at = end == std::string::npos ? key.size() : end;
    }
    if (next == nullptr) return node;
    node = next;
  }
  exact = true;
  return node;
}

// The values under `node` that a --set gave (their location's file is "--set key=value").
void overrides_under(const ConfigNode& node, std::vector<std::string>& out) {
  if (node.where.file.rfind("--set ", 0) == 0 &&
      std::find(out.begin(), out.end(), node.where.file) == out.end())
    out.push_back(node.where.file);
  for (const auto& [key, child] : node.entries) overrides_under(child, out);
  for (const ConfigNode& item : node.items) overrides_under(item, out);
}

// The --set overrides that may have broken a rule on `key` of `block`, for its message. Those under the
// key's value are named as its cause; failing those, those in the map that holds it, since a rule comparing
// two siblings is broken by either, named as changes to that map (they may be unrelated siblings). Never
// the whole scenario's: a rule on a top-level key of the root is named with its own overrides only.
// Without this a rule broken by an override is reported only at the base file's key, which the user did
// not touch.
std::string overrides_named(const ConfigNode& block, const std::string& block_path, const std::string& key,
                            const ConfigNode& node, const SourceLocation& where) {
  const auto list = [&](const ConfigNode& scope) {
    std::vector<std::string> found;
    overrides_under(scope, found);
    found.erase(std::remove(found.begin(), found.end(), where.file), found.end());  // the location names it
    return found;
  };
  const auto joined = [](const std::vector<std::string>& found) {
    std::string text = "`" + found[0] + "`";
    const std::size_t shown = std::min<std::size_t>(found.size(), 3);
    for (std::size_t i = 1; i < shown; ++i)
      text += (i + 1 == shown && found.size() <= 3 ? " and `" : ", `") + found[i] + "`";
    if (found.size() > 3) text += " and " + std::to_string(found.size() - 3) + " more";
    return text;
  };
  if (const auto found = list(node); !found.empty()) return " (with " + joined(found) + ")";
  if (key.empty()) return {};
  const std::size_t cut = key.find_last_of(".[");
  if (cut == std::string::npos && block_path.empty()) return {};  // the parent would be the whole scenario
  bool exact = false;
  const ConfigNode& parent =
      cut == std::string::npos ? block : *find_relative(block, key.substr(0, cut), exact);
  if (const auto found = list(parent); !found.empty())
    return " (the block it is in was changed by " + joined(found) + ")";
  return {};
}

// The entries of map `node` written in a file other than `where`'s, the one the message names, and not
// by a --set (overrides_named names those), grouped by file: in a scenario that extends another, a map
// merges key by key, so a child's `rosh_shares: {high: 0.5}` sums with its parent's other three levels,
// and a sweep point's one share with its scenario's others. Without this the message points at one line
// and a sum the user cannot see there.
std::string entries_from_other_files(const ConfigNode& node, const SourceLocation& where) {
  if (node.kind != ConfigNode::Kind::map) return {};
  std::vector<std::pair<std::string, std::vector<std::string>>> by_file;  // in order of first entry
  std::size_t others = 0;
  for (const auto& [key, value] : node.entries) {
    const std::string& from = value.where.file;
    if (from == where.file || from.rfind("--set ", 0) == 0) continue;
    auto it = std::find_if(by_file.begin(), by_file.end(), [&](const auto& f) { return f.first == from; });
    if (it == by_file.end()) it = by_file.insert(by_file.end(), {from, {}});
    it->second.push_back(key);
    ++others;
  }
  if (others == 0 || others == node.entries.size()) return {};
  std::string text;
  for (const auto& [file, keys] : by_file) {
    std::string listed = keys[0];
    for (std::size_t i = 1; i < keys.size(); ++i) listed += (i + 1 == keys.size() ? " and " : ", ") + keys[i];
    text += (text.empty() ? "; " : ", ") + listed +
            (text.empty() ? (keys.size() == 1 ? " comes" : " come") : "") + " from `" + file + "`";
  }
  return text +
         " (the map is merged key by key across files: give every entry in one place to replace them all)";
}

}  // namespace

void report_problems(const ConfigNode& block, const std::string& block_path, const RuleProblems& problems,
                     Diagnostics& d, bool at_key) {
  for (const RuleProblem& problem : problems) {
    const std::string path = problem.key.empty()     ? block_path
                             : block_path.empty()    ? problem.key
                             : problem.key[0] == '[' ? block_path + problem.key
                                                     : block_path + "." + problem.key;
    bool exact = false;
    const ConfigNode* node = find_relative(block, problem.key, exact);
    const SourceLocation& where = !exact ? node->anchor() : at_key ? node->anchor() : node->where;
    d.error(where, path,
            problem.message + (exact ? entries_from_other_files(*node, where) : std::string()) +
                overrides_named(block, block_path, problem.key, *node, where));
  }
}

}  // namespace probsim::scenario_loading
