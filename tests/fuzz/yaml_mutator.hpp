#pragma once
// Malformed YAML made from a valid file, for the input fuzz test (issue 23): one defect per mutant, drawn
// from a seeded generator so that every run makes the same mutants. The mutations work on the text, line
// by line, as a user's slip would: they need no YAML parser and can make text no parser accepts.

#include <cctype>
#include <cstdint>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace probsim::testing {

// SplitMix64: the same sequence on every platform and standard library (std's distributions are not).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

inline std::size_t indent_of(const std::string& line) {
  return line.find_first_not_of(' ') == std::string::npos ? line.size() : line.find_first_not_of(' ');
}

// A scalar value written after "key: " on a line (block or flow style), by its place in the line.
struct ValueSpan {
  std::size_t line, begin, end;
};

inline const std::regex kBlockKey(R"(^(\s*)(- )?([A-Za-z_][A-Za-z0-9_]*):(\s.*)?$)");
inline const std::regex kValue(
    R"(([A-Za-z_][A-Za-z0-9_]*): *([^,{}\[\]#\s][^,{}\[\]#]*[^,{}\[\]#\s]|[^,{}\[\]#\s]))");

struct Mutant {
  std::string kind;
  std::string text;
};

class Mutator {
 public:
  Mutator(const std::string& text, Random& random) : lines_(split_lines(text)), random_(random) {
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      const std::string& line = lines_[i];
      if (line.find_first_not_of(' ') == std::string::npos || line[indent_of(line)] == '#') continue;
      if (std::regex_match(line, kBlockKey)) block_keys_.push_back(i);
      const std::string code = line.substr(0, line.find(" #"));
      for (auto it = std::sregex_iterator(code.begin(), code.end(), kValue); it != std::sregex_iterator();
           ++it)
        values_.push_back({i, static_cast<std::size_t>(it->position(2)),
                           static_cast<std::size_t>(it->position(2) + it->length(2))});
    }
  }

  Mutant make(std::size_t kind) {
    auto lines = lines_;
    auto value = [&]() -> ValueSpan { return random_.pick(values_); };
    auto replace = [&](const ValueSpan& v, const std::string& with) {
      lines[v.line] = lines[v.line].substr(0, v.begin) + with + lines[v.line].substr(v.end);
    };
    auto text_of = [&](const ValueSpan& v) { return lines_[v.line].substr(v.begin, v.end - v.begin); };
    switch (kind % 20) {
      case 0: {  // a key deleted, with the block under it
        const std::size_t at = random_.pick(block_keys_);
        std::size_t end = at + 1;
        while (end < lines.size() && (lines[end].find_first_not_of(' ') == std::string::npos ||
                                      indent_of(lines[end]) > indent_of(lines[at])))
          ++end;
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(at),
                    lines.begin() + static_cast<std::ptrdiff_t>(end));
        return {"delete key", join_lines(lines)};
      }
      case 1:
        replace(value(), "many");
        return {"type: word", join_lines(lines)};
      case 2:
        replace(value(), "[1, 2]");
        return {"type: list", join_lines(lines)};
      case 3:
        replace(value(), "{a: 1}");
        return {"type: map", join_lines(lines)};
      case 4: {
        const ValueSpan v = value();
        const std::string old = text_of(v);
        replace(v, !old.empty() && std::isdigit(static_cast<unsigned char>(old[0])) ? "-" + old : "-1");
        return {"negative number", join_lines(lines)};
      }
      case 5:
        replace(value(), "1e300");
        return {"huge number", join_lines(lines)};
      case 6:
        replace(value(), "99999999999999999999999");
        return {"huge integer", join_lines(lines)};
      case 7: {  // an unknown key beside a known one (a typo of it)
        const std::size_t at = random_.pick(block_keys_);
        std::smatch m;
        std::regex_match(lines_[at], m, kBlockKey);
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                     std::string(indent_of(lines_[at]) + (m[2].length() ? 2 : 0), ' ') + m[3].str() + "x: 1");
        return {"unknown key", join_lines(lines)};
      }
      case 8: {
        const std::string text = join_lines(lines);
        return {"truncated file", text.substr(0, random_.below(text.size()))};
      }
      case 9: {
        std::vector<ValueSpan> dates;
        for (const auto& v : values_)
          if (std::regex_match(text_of(v), std::regex(R"(\d{4}-\d\d-\d\d)"))) dates.push_back(v);
        static const std::vector<std::string> bad = {"2023-02-30", "-001-01-01", "9999-12-31", "2023-13-01",
                                                     "1900-01-01", "2023-1-1",   "20230101"};
        replace(dates.empty() ? value() : random_.pick(dates), random_.pick(bad));
        return {"bad date", join_lines(lines)};
      }
      case 10: {
        const std::size_t at = random_.pick(block_keys_);
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at) + 1, lines_[at]);
        return {"duplicate key", join_lines(lines)};
      }
      case 11:
        replace(value(), "*nowhere");
        return {"undefined alias", join_lines(lines)};
      case 12: {  // nine levels of nine aliases: 9^9 nodes if expanded
        std::vector<std::string> bomb = {"bomb0: &b0 [x, x, x, x, x, x, x, x, x]"};
        for (int level = 1; level < 9; ++level) {
          std::string row = "bomb" + std::to_string(level) + ": &b" + std::to_string(level) + " [";
          for (int i = 0; i < 9; ++i) row += (i ? ", *b" : "*b") + std::to_string(level - 1);
          bomb.push_back(row + "]");
        }
        lines.insert(lines.begin(), bomb.begin(), bomb.end());
        return {"alias bomb", join_lines(lines)};
      }
      case 13:
        replace(value(), random_.below(2) ? ".nan" : "-.inf");
        return {"nan or inf", join_lines(lines)};
      case 14:
        replace(value(), "");
        return {"empty value", join_lines(lines)};
      case 15:
        return {"second document", join_lines(lines) + "---\nname: second\n"};
      case 16: {
        const std::size_t at = random_.pick(block_keys_);
        if (indent_of(lines[at]) > 0)
          lines[at] = "\t" + lines[at].substr(indent_of(lines[at]));
        else
          lines[at] = " " + lines[at];
        return {"bad indentation", join_lines(lines)};
      }
      case 17:
        replace(value(), "\"bad\\x01name\\nhere\"");
        return {"control characters", join_lines(lines)};
      case 18: {
        const ValueSpan v = value();
        replace(v, text_of(v) + "%");
        return {"percent sign", join_lines(lines)};
      }
      default: {
        const ValueSpan v = value();
        replace(v, text_of(v) + "x");
        return {"trailing junk", join_lines(lines)};
      }
    }
  }

 private:
  std::vector<std::string> lines_;
  std::vector<std::size_t> block_keys_;
  std::vector<ValueSpan> values_;
  Random& random_;
};

}  // namespace probsim::testing
