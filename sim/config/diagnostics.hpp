#pragma once
// Problems found in scenario input. The loader collects every problem it can find in one pass (a user
// fixes a file once, not once per error), each naming the file, line and column, and the key.

#include <string>
#include <vector>

namespace probsim {

struct SourceLocation {
  std::string file;  // a path, or "--set key=value" for a command-line override
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown

  [[nodiscard]] std::string describe() const;  // "file:line:column"
};

struct Diagnostic {
  SourceLocation where;
  std::string key;  // dotted path, e.g. "case_mix.rosh_shares.high"; may be empty for syntax errors
  std::string message;

  [[nodiscard]] std::string describe() const;  // "file:line:column: error: key 'k': message"
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string key, std::string message) {
    items_.push_back(Diagnostic{std::move(where), std::move(key), std::move(message)});
  }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::string describe() const;  // one line per problem

 private:
  std::vector<Diagnostic> items_;
};

// The candidate closest to `word` by edit distance (letter case ignored), if it is close enough to be a
// likely typo: the rule, for short names too, is at its definition.
[[nodiscard]] std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// "a, b, c, ..." : the first `shown` items of a list a message names, and "..." when there are more.
[[nodiscard]] std::string first_items(const std::vector<std::string>& items, std::size_t shown);

}  // namespace probsim
