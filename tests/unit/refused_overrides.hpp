#pragma once
// A check shared by the loader tests of scenario settings: each of `bad` overrides ("key=value") of the
// scenario at `path` is refused, and the message names the key (its last part, which the loader's
// located message always contains). `alongside` are overrides applied first, each time (the rest of a
// block the bad value sits in).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "config/scenario_loader.hpp"

namespace probsim::fixtures {

inline void expect_each_refused_naming_its_key(const std::string& path,
                                               std::initializer_list<const char*> bad,
                                               std::initializer_list<const char*> alongside = {}) {
  for (const char* override_text : bad) {
    std::vector<std::string> overrides(alongside.begin(), alongside.end());
    overrides.emplace_back(override_text);
    Diagnostics refused;
    EXPECT_FALSE(load_scenario(path, overrides, refused)) << override_text;
    const std::string text(override_text);
    const std::string key = text.substr(0, text.find('='));
    EXPECT_NE(refused.describe().find(key.substr(key.rfind('.') + 1)), std::string::npos)
        << refused.describe();
  }
}

}  // namespace probsim::fixtures
