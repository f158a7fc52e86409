#pragma once
// `probsim report PATH [--baseline BASE] [--out FILE]`: reads a run directory, a batch directory or a
// comparison and writes one self-contained HTML page (default PATH/report.html; for a comparison.csv file,
// beside it).

#include <string>

namespace probsim {

struct ReportOptions {
  std::string path;
  std::string out_file;  // empty: the default above
  std::string baseline;  // --baseline: the run a run PATH (the plan) is set against, charted per unit
  bool quiet = false;
};

// Returns the exit status: 0 written; 1 if PATH is missing or not something a report can be made of
// (the page is then not written, and an existing one is left as it was).
int run_report(const ReportOptions& options);

}  // namespace probsim
