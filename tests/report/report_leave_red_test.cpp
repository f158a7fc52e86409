// The report's table of when each PDU leaves red (issue 20): read from the run's leave_red.csv
// (runner/leave_red.hpp writes it when RAG is on), drawn in the RAG section, and refused when it is
// malformed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "report/chart_specs.hpp"
#include "report/html_page.hpp"
#include "report/report_data.hpp"
#include "report/report_fixture.hpp"
#include "scratch_directory.hpp"

namespace fs = std::filesystem;
using namespace probsim;

namespace {

fs::path temporary(const std::string& name) {
  const fs::path dir = probsim::testing::scratch_directory("probsim-leave-red", name);
  fs::remove_all(dir);  // the report writes it itself
  return dir;
}

// Matches the fixture's rag_status series: Alpha and Bravo never red, Charlie red to the end in both.
const char* const kLeaveRed =
    "pdu,replications,never_red,left_red,still_red_at_end,leave_red_month_median,last_month\n"
    "Alpha,2,2,0,0,,2024-06-30\n"
    "Bravo,2,2,0,0,,2024-06-30\n"
    "Charlie,2,0,0,2,,2024-06-30\n";

}  // namespace

TEST(ReportLeaveRed, TheRunsTableIsReadAndDrawnInTheRagSection) {
  const fs::path dir = temporary("drawn");
  probsim::testing::write_bbr_rag_run(dir);
  probsim::testing::write_text(dir / "leave_red.csv", kLeaveRed);
  const ReportData data = read_report_data(dir);
  ASSERT_EQ(data.leave_red.size(), 3u);
  EXPECT_EQ(data.leave_red[2].pdu, "Charlie");
  EXPECT_EQ(data.leave_red[2].still_red_at_end, 2u);
  EXPECT_EQ(data.leave_red_last_month, "2024-06-30");
  const std::string page = render_html_page(data, build_charts(data));
  const auto table = page.find("id=\"leave-red\"");
  ASSERT_NE(table, std::string::npos);
  EXPECT_LT(page.find("<section id=\"rag\""), table);  // inside the RAG section
  EXPECT_NE(page.find("<tr><td>Charlie</td><td>2</td><td>0</td><td>0</td><td>2</td><td>–</td></tr>"),
            std::string::npos);
  EXPECT_NE(page.find("red on 2024-06-30"), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportLeaveRed, ARunWithoutTheFileHasNoTable) {
  const fs::path dir = temporary("none");
  probsim::testing::write_bbr_rag_run(dir);
  const ReportData data = read_report_data(dir);
  EXPECT_TRUE(data.leave_red.empty());
  EXPECT_EQ(render_html_page(data, build_charts(data)).find("id=\"leave-red\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(ReportLeaveRed, CountsThatDoNotAddUpAreRefusedNamingTheFileAndLine) {
  const fs::path dir = temporary("bad");
  probsim::testing::write_bbr_rag_run(dir);
  probsim::testing::write_text(dir / "leave_red.csv",
                               "pdu,replications,never_red,left_red,still_red_at_end,leave_red_month_median,"
                               "last_month\nAlpha,2,2,1,0,,2024-06-30\n");
  try {
    (void)read_report_data(dir);
    FAIL() << "accepted counts that do not add up";
  } catch (const std::exception& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("leave_red.csv:2"), std::string::npos) << message;
    EXPECT_NE(message.find("must equal replications"), std::string::npos) << message;
  }
  fs::remove_all(dir);
}
