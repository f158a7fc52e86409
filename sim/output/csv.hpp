#pragma once
// CSV as pandas, R and spreadsheets read it (RFC 4180 quoting), with numbers formatted the same way on
// every run so that equal inputs give byte-identical files.

#include <string>
#include <string_view>
#include <vector>

namespace probsim {

[[nodiscard]] std::string csv_field(std::string_view text);  // quoted only when it must be
[[nodiscard]] std::string format_number(double value);  // integers exactly; others to 12 significant digits
[[nodiscard]] std::string csv_row(const std::vector<std::string>& fields);  // joined, with "\n"

// Splits one CSV line into fields (handles quoted fields; no embedded newlines).
[[nodiscard]] std::vector<std::string> parse_csv_line(std::string_view line);

}  // namespace probsim
