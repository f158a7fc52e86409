#include "runner/snapshot_command.hpp"

#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "config/scenario_loader.hpp"
#include "core/random_stream.hpp"
#include "engine/replication.hpp"
#include "output/snapshot_writer.hpp"
#include "runner/batch_files.hpp"
#include "runner/stop_signals.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace probsim {

int snapshot_main(int argc, char** argv) {
  std::string run_dir, date_text, out_dir;
  std::uint64_t replication = 1;
  po::options_description options("Options");
  options.add_options()("help,h", "show this help")("date", po::value<std::string>(&date_text),
                                                    "the last simulated day to include, YYYY-MM-DD")(
      "replication,r", po::value<std::uint64_t>(&replication)->default_value(1), "which replication (1..N)")(
      "out,o", po::value<std::string>(&out_dir),
      "where to write the two CSVs (default: RUN_DIR/snapshot-DATE)");
  po::options_description hidden;
  hidden.add_options()("run_dir", po::value<std::string>(&run_dir));
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("run_dir", 1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "probsim snapshot: " << e.what() << "\n";
    return 2;
  }
  const char* usage = "Usage: probsim snapshot RUN_DIR --date YYYY-MM-DD [--replication R] [--out DIR]\n";
  if (vm.count("help")) {
    std::cout
        << usage
        << "\nReplays replication R of a finished run up to the end of --date and writes that state as\n"
           "the snapshot CSVs warm_start: snapshot reads (caseload.csv, staff.csv), as of the next day.\n\n"
        << options << "\n";
    return 0;
  }
  if (run_dir.empty() || date_text.empty()) {
    std::cerr << "probsim snapshot: RUN_DIR and --date are required\n" << usage;
    return 2;
  }
  const fs::path resolved = fs::path(run_dir) / "scenario.resolved.yaml";
  const auto seed_text = recorded_base_seed(run_dir);
  if (!fs::exists(resolved) || !seed_text) {
    std::cerr << "probsim snapshot: " << run_dir
              << " is not a finished run (no scenario.resolved.yaml with a "
              << "'# base_seed:' line)\n";
    return 1;
  }
  Diagnostics diagnostics;
  auto loaded = load_scenario(resolved.string(), {}, diagnostics);
  if (!loaded) {
    std::cerr << diagnostics.describe() << "probsim snapshot: " << resolved.string() << " no longer loads\n";
    return 1;
  }
  const SimulationWindow& window = loaded->scenario.window;
  const auto date = CalendarDate::parse_iso(date_text);
  const std::int64_t day =
      date ? date->days_since_epoch() - window.day_zero().days_since_epoch() : std::int64_t{-1};
  if (!date || day < 0 || day >= window.last_day()) {
    std::cerr << "probsim snapshot: --date must be a date from " << window.day_zero().iso() << " to "
              << window.date_of(window.last_day() - 1).iso()
              << " (the run's simulated days but its last), found '" << date_text << "'\n";
    return 2;
  }
  if (replication < 1) {
    std::cerr << "probsim snapshot: --replication counts from 1\n";
    return 2;
  }
  if (out_dir.empty()) out_dir = (fs::path(run_dir) / ("snapshot-" + date->iso())).string();
  ReplicationSpec spec;
  spec.index = replication;
  spec.seed = replication_seed(std::stoull(*seed_text), replication);
  ReplicationStop stop;
  stop.after_day = static_cast<Day>(day);
  stop.visit = [&](std::span<const PduOffice* const> offices,
                   std::span<const InterventionsTeam* const> teams) {
    // From here a stop signal waits for both CSVs to be written whole (main then notes it) rather than
    // leaving a .tmp behind; one during the replay ends the process, saying so, before anything is
    // written, so the directory is made only now.
    hold_stop_signals_until_exit();
    fs::create_directories(out_dir);
    write_snapshot_csvs(loaded->scenario, offices, static_cast<Day>(day),
                        (fs::path(out_dir) / "caseload.csv").string(),
                        (fs::path(out_dir) / "staff.csv").string(), teams);
  };
  (void)run_replication(loaded->scenario, spec, &stop);
  std::cout << "Snapshot of replication " << replication << " at the end of " << date->iso() << " (as of "
            << date->plus_days(1).iso() << ") in " << out_dir << "/: caseload.csv, staff.csv\n";
  return note_late_stop_signal(0, std::cerr);
}

}  // namespace probsim
