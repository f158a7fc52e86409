// first_yaml_difference (runner/batch_files.hpp): two YAML files compared without their comment lines, the
// difference numbered as a line of the file already there. The body's own count named line 11 of a
// sweep.resolved.yaml whose difference was on line 16, below its header comments.
#include <gtest/gtest.h>

#include "runner/batch_files.hpp"

namespace probsim {
namespace {

TEST(YamlDifference, NamesTheLineOfTheFileThereCountingItsComments) {
  const std::string there =
      "# written by shard 1\n# command: probsim batch\nname: s\nparameters:\n  a: [1, 2]\n";
  const std::string here = "# written by shard 2\nname: s\nparameters:\n  a: [1, 3]\n";
  EXPECT_EQ(first_yaml_difference(here, there), "line 5: '  a: [1, 3]' now, '  a: [1, 2]' before");
  // Comments alone differ: no difference.
  EXPECT_EQ(first_yaml_difference("# x\nname: s\n", "# y\n# z\nname: s\n"), "no difference");
  // A line more here: the line after the file's last.
  EXPECT_EQ(first_yaml_difference("name: s\nb: 1\n", "# c\nname: s\n"),
            "line 3: 'b: 1' now, '(end of file)' before");
}

}  // namespace
}  // namespace probsim
