#pragma once
// What the sweep loader's unit tests share: a sweep file written to a scratch folder, the example
// scenario's absolute path, and whether a diagnostic names a place and says a thing.

#include <fstream>
#include <string>

#include "config/diagnostics.hpp"
#include "scratch_directory.hpp"

namespace probsim::testing {

// Writes `text` as the sweep file `name` in the scratch folder `folder`; scenarios are named by absolute
// path, so the file needs nothing beside it.
inline std::string write_sweep_file(const std::string& folder, const std::string& name,
                                    const std::string& text) {
  const auto path = scratch_root(folder) / name;
  std::ofstream(path) << text;
  return path.string();
}

inline std::string example_scenario() {
  return std::string(PROBSIM_SOURCE_DIR) + "/scenarios/example_pdu.yaml";
}

// Whether some diagnostic mentions `where` (a file:line:column or a key) and `text`.
inline bool mentions(const Diagnostics& d, const std::string& where, const std::string& text) {
  for (const auto& item : d.items())
    if (item.describe().find(where) != std::string::npos && item.describe().find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace probsim::testing
