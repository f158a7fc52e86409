#pragma once
// A whole-number command-line option (--reps, --jobs, --threads, --max-reps) read strictly. Boost reads
// "-1" into a std::size_t as 2^64 - 1, and "3x" is refused only by luck of the lexer; a count is read
// here as decimal digits only, within a ceiling that follows from what a user could mean, so a typo is
// refused at once with the option's name instead of starting 2^64 replications.

#include <boost/program_options.hpp>
#include <cstddef>
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
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    refuse("is not a whole number of at least 0");
  const std::size_t value = std::stoull(text);
  if (value > kMaxCount) refuse("is above the limit of " + std::to_string(kMaxCount));
  out = Count{value};
}

}  // namespace probsim
