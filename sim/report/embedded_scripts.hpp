#pragma once
// The charting libraries (Vega, Vega-Lite, vega-embed; versions pinned in sim/report/web/package.json
// and package-lock.json), minified, compiled into the binary so that every report page carries them
// and opens offline. The build generates their definitions (sim/report/embed_scripts.cmake).

#include <string_view>

namespace probsim {

[[nodiscard]] std::string_view vega_script();
[[nodiscard]] std::string_view vega_lite_script();
[[nodiscard]] std::string_view vega_embed_script();

}  // namespace probsim
