// Reading YAML (a file, or one --set value) into ConfigNodes that remember their file, line and column,
// with a budget on the nodes one document may expand to and a located message for every syntax error.

#include "config/yaml_config_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iterator>

#include "config/config_node.hpp"

namespace probsim {

namespace {

SourceLocation location_of(const YAML::Mark& mark, const std::string& file) {
  if (mark.is_null()) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

// The most nodes one file (or one --set value) may expand to. The largest shipped scenario has a few
// thousand; a YAML alias bomb (nine levels of nine aliases) expands to hundreds of millions (a few hundred
// bytes each), which would exhaust memory before any rule could name it. Counting while converting stops it
// at the first node past the limit, at a located error.
constexpr std::size_t kMaxNodesPerDocument = 100'000;
// The deepest nesting one document may have. The shipped scenarios nest about 6 deep; an alias that
// contains itself (`a: &a [*a]`) is infinitely deep and would overflow the stack long before the node
// budget ran out.
constexpr std::size_t kMaxDepth = 64;

struct NodeBudget {
  std::size_t left = kMaxNodesPerDocument;
  bool exhausted = false;
  // The top-level key being converted: the error names it (its line), not the node deep inside an
  // alias where the count ran out.
  std::string top_key;
  SourceLocation top_where;
  std::size_t depth = 0;  // of the node being converted
};

// Counts one level of nesting for as long as it lives.
struct Nesting {
  explicit Nesting(NodeBudget& budget) : budget_(budget) { ++budget_.depth; }
  ~Nesting() { --budget_.depth; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;

 private:
  NodeBudget& budget_;
};

ConfigNode convert(const YAML::Node& node, const std::string& file, const std::string& key_path,
                   Diagnostics& diagnostics, NodeBudget& budget) {
  ConfigNode out;
  out.where = location_of(node.Mark(), file);
  if (budget.exhausted) return out;
  if (budget.left == 0) {
    budget.exhausted = true;
    diagnostics.error(
        budget.top_key.empty() ? out.where : budget.top_where, budget.top_key,
        "the document expands to more than " + std::to_string(kMaxNodesPerDocument) +
            " values (YAML aliases repeated inside aliases?); refused before it exhausts memory");
    return out;
  }
  const Nesting nesting(budget);
  if (budget.depth > kMaxDepth) {
    budget.exhausted = true;
    diagnostics.error(budget.top_key.empty() ? out.where : budget.top_where, budget.top_key,
                      "the document nests more than " + std::to_string(kMaxDepth) +
                          " levels deep (a YAML alias that contains itself?); refused");
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

ConfigNode config_node_from_yaml(const YAML::Node& node, const std::string& file, const std::string& key_path,
                                 Diagnostics& diagnostics) {
  NodeBudget budget;
  return convert(node, file, key_path, diagnostics, budget);
}

std::optional<ConfigNode> parse_config_file(const std::string& path, Diagnostics& diagnostics) {
  std::ifstream in(path);
  if (!in) {
    diagnostics.error(SourceLocation{path, 0, 0}, "", "cannot open the file for reading");
    return std::nullopt;
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Lines that end in a carriage return alone (an old Mac format) are one line to YAML, which then said
  // "found nothing" or "illegal map value" of a file that looks right in an editor.
  if (text.find('\r') != std::string::npos && text.find('\n') == std::string::npos) {
    diagnostics.error(
        SourceLocation{path, 1, 0}, "",
        "the file's lines end in a carriage return alone (an old Mac format?), which YAML reads "
        "as one line; save it with LF (or CRLF) line ends");
    return std::nullopt;
  }
  try {
    // A second document (after `---`) would otherwise be ignored without a word. An empty one (a
    // trailing `---`, as some tools end a file) holds nothing to ignore, so it is let be.
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    while (documents.size() > 1 && documents.back().IsNull()) documents.pop_back();
    if (documents.size() > 1) {
      diagnostics.error(location_of(documents[1].Mark(), path), "",
                        "a scenario file holds one YAML document; found a second (after '---'). Put it in "
                        "its own file, or use `extends:`");
      return std::nullopt;
    }
    const YAML::Node document = documents.empty() ? YAML::Node() : documents.front();
    const std::size_t errors_before = diagnostics.items().size();
    ConfigNode root = config_node_from_yaml(document, path, "", diagnostics);
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

}  // namespace probsim
