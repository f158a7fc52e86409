#pragma once
// Reads the keys of one map in a scenario, checking types and ranges, and remembers which keys it was
// asked for so that anything else in the map can be reported as an unknown key (with a did-you-mean).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config_node.hpp"
#include "core/calendar_date.hpp"

namespace probsim {

class FieldReader {
 public:
  // `node` must be a map; if it is not, the reader reports that once and every read returns nothing.
  FieldReader(const ConfigNode* node, std::string path, Diagnostics& diagnostics);

  [[nodiscard]] bool ok() const { return node_ != nullptr; }
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string child_path(std::string_view key) const;
  Diagnostics& diagnostics() { return diagnostics_; }

  // The raw node of `key`, or nullptr (and an error, when required) if absent.
  const ConfigNode* node(std::string_view key, bool required);
  // An optional block: a reader of the map at `key`, or nothing when the key is absent or null. A value
  // that is not a map is reported (as the constructor does) and gives nothing too.
  std::optional<FieldReader> optional_map(std::string_view key);
  // The map this reader reads, for errors placed at the block itself (nullptr when it was not a map).
  [[nodiscard]] const ConfigNode* map_node() const { return node_; }

  std::optional<double> number(std::string_view key, bool required, double min, double max);
  std::optional<int> integer(std::string_view key, bool required, int min, int max);
  std::optional<bool> boolean(std::string_view key, bool required);
  std::optional<std::string> text(std::string_view key, bool required);
  // A name that labels output rows (a region, PDU, team or programme): text of one line, not empty, with
  // no control characters and no spaces at its ends, so the run's own CSV files and report can carry it.
  std::optional<std::string> label(std::string_view key, bool required);
  std::optional<CalendarDate> date(std::string_view key, bool required);
  // One of `choices`; the index of the choice.
  std::optional<std::size_t> choice(std::string_view key, bool required,
                                    const std::vector<std::string>& choices);

  // Errors for every key of the map that no read asked for.
  std::size_t reject_unknown_keys();  // how many it reported

  // Helpers for values that are not map entries (list items, nested values).
  static std::optional<double> to_number(const ConfigNode& value, const std::string& path, double min,
                                         double max, Diagnostics& diagnostics);
  // A scenario's date (YYYY-MM-DD, from 1990 to 2100: core/date_in_range.hpp), as date() reads one.
  static std::optional<CalendarDate> to_date(const ConfigNode& value, const std::string& path,
                                             Diagnostics& diagnostics);

 private:
  const ConfigNode* node_;
  std::string path_;
  Diagnostics& diagnostics_;
  std::vector<std::string> known_keys_;
  // Keys already reported as having no value: two loaders that read one key ask for it twice.
  std::vector<std::string> reported_without_value_;
};

}  // namespace probsim
