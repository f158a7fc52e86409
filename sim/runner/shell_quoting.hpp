#pragma once
// Text written into a comment line of a run's files (scenario.resolved.yaml, sweep.resolved.yaml): a path
// or a command line, quoted as bash (or ksh, zsh) would need it typed, so it can be pasted back into such a
// shell and a newline in it cannot end the comment (the rest of the line would then be read as YAML).

#include <string>

namespace probsim {

// Bare when `argument` holds only letters, digits and -_./=:,@%+; else in single quotes; and in $'...'
// with backslash escapes when it holds a control character (a newline, a tab).
[[nodiscard]] std::string shell_quoted(const std::string& argument);

}  // namespace probsim
