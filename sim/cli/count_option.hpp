#pragma once
// A whole-number command-line option (--reps, --jobs, --threads, --max-reps) read strictly. Boost reads
// "-1" into a std::size_t as 2^64 - 1, and "3x" is refused only by luck of the lexer; a count is read
// here as decimal digits only, within a ceiling that follows from what a user could mean, so a typo is
// refused at once with the option's name instead of starting 2^64 replications.

#include <boost/program_options.hpp>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace probsim {

struct Count {
  std::size_t value = 0;
};

// The largest count any option accepts: far above any real run (the precision rule's default ceiling
// is 100 replications), far below anything that would exhaust a machine's process table or memory.
inline constexpr std::size_t kMaxCount = 100'000;

// Called by Boost.Program_options for every option declared as po::value<Count>.
inline void validate(boost::any& out, const std::vector<std::string>& tokens, Count*, int) {
  namespace po = boost::program_options;
  po::validators::check_first_occurrence(out);
  const std::string& text = po::validators::get_single_string(tokens);
  auto refuse = [&](const std::string& why) {
    po::error_with_option_name error("the argument ('%value%') for option '%canonical_option%' " + why);
    error.set_substitute("value", text);
    throw error;
  };
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos)
    refuse("is not a whole number (digits only, no sign)");
  // Digits past nine are above the limit however many there are (stoull would overflow on twenty).
  if (text.size() > 9 || std::stoull(text) > kMaxCount)
    refuse("is above the limit of " + std::to_string(kMaxCount));
  out = Count{static_cast<std::size_t>(std::stoull(text))};
}

// A seed (--seed): any whole number from 0 to 2^64 - 1, read as decimal digits only, so that "-1" is
// refused rather than read as 2^64 - 1 (a sweep's base_seed is read the same way).
struct Seed {
  std::uint64_t value = 0;
};

inline void validate(boost::any& out, const std::vector<std::string>& tokens, Seed*, int) {
  namespace po = boost::program_options;
  po::validators::check_first_occurrence(out);
  const std::string& text = po::validators::get_single_string(tokens);
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || error != std::errc() ||
      end != text.data() + text.size()) {
    po::error_with_option_name refused(
        "the argument ('%value%') for option '%canonical_option%' is not a "
        "whole number from 0 to 18446744073709551615");
    refused.set_substitute("value", text);
    throw refused;
  }
  out = Seed{value};
}

}  // namespace probsim
