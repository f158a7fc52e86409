#pragma once
// When each PDU leaves red (docs/outputs-by-unit.md): from the monthly rag_status series of
// timeseries.csv, per PDU over replications. In one replication a PDU that was red at some month end
// "leaves red" at the first month end after its last red one; if it is red at the last month end it is
// still red at the end. Written to leave_red.csv and printed with the run's summary.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace probsim {

inline constexpr const char* kLeaveRedFile = "leave_red.csv";
inline constexpr const char* kLeaveRedHeader =
    "pdu,replications,never_red,left_red,still_red_at_end,leave_red_month_median,last_month\n";

struct PduLeaveRed {
  std::string pdu;
  std::size_t replications = 0;
  std::size_t never_red = 0;  // not red at any month end of the window
  std::size_t left_red = 0;   // red at some month end, not at the last
  std::size_t still_red_at_end = 0;
  // The lower median over the `left_red` replications of the month end at which the PDU left red for
  // good (a date of the series, so never between two months); empty when no replication left red.
  std::string leave_red_month_median;
};

// PDUs in the order they first appear; empty when the series has no rag_status (RAG off).
[[nodiscard]] std::vector<PduLeaveRed> leave_red_by_pdu(const std::filesystem::path& timeseries_csv,
                                                        std::string* last_month = nullptr);
void write_leave_red(const std::filesystem::path& path, const std::vector<PduLeaveRed>& rows,
                     const std::string& last_month);
void print_leave_red(std::ostream& out, const std::vector<PduLeaveRed>& rows, const std::string& last_month);

}  // namespace probsim
