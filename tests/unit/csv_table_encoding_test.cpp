// An input CSV in another encoding or with other line ends (a snapshot, a region's data) is refused with
// one problem that says what to do, not an error for every column or row it garbles.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/csv_table.hpp"
#include "config/utf8_text.hpp"
#include "scratch_directory.hpp"

using namespace probsim;

namespace {

const std::vector<CsvColumn> kColumns = {{"person_id", true, ""}, {"pdu", true, ""}};

std::vector<CsvProblem> problems_of(const std::string& bytes) {
  const auto path = probsim::testing::scratch_root("probsim-csv-encoding") / "input.csv";
  std::ofstream(path, std::ios::binary) << bytes;
  std::vector<CsvProblem> problems;
  (void)CsvTable::read(path.string(), kColumns, problems);
  return problems;
}

std::string listing(const std::vector<CsvProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += p.describe() + "\n";
  return text;
}

}  // namespace

TEST(CsvEncoding, Utf8WithOrWithoutAByteOrderMarkAndWithCrlfLineEndsIsRead) {
  EXPECT_TRUE(problems_of("person_id,pdu\nP1,Ystrad Mynach\n").empty());
  EXPECT_TRUE(problems_of("\xEF\xBB\xBFperson_id,pdu\r\nP1,Caf\xC3\xA9 \xE2\x82\xAC\r\n").empty());
}

TEST(CsvEncoding, Utf16IsOneProblem) {
  // "person_id,pdu\n" as a spreadsheet's "Unicode text": a byte-order mark, then each character and a NUL.
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("person_id,pdu\nP1,Northgate\n")) utf16 += std::string{c, '\0'};
  const auto problems = problems_of(utf16);
  ASSERT_EQ(problems.size(), 1u) << listing(problems);
  EXPECT_EQ(problems[0].line, 1);
  EXPECT_NE(problems[0].message.find("UTF-16 or binary"), std::string::npos) << problems[0].describe();
}

TEST(CsvEncoding, Utf16WithoutAByteOrderMarkOrBigEndianIsOneProblem) {
  std::string little, big = "\xFE\xFF";
  for (char c : std::string("person_id,pdu\nP1,Northgate\n")) {
    little += std::string{c, '\0'};
    big += std::string{'\0', c};
  }
  for (const std::string& bytes : {little, big}) {
    const auto problems = problems_of(bytes);
    ASSERT_EQ(problems.size(), 1u) << listing(problems);
    EXPECT_NE(problems[0].message.find("UTF-16 or binary"), std::string::npos) << problems[0].describe();
  }
}

// A UTF-16 file whose first character is a line end is still UTF-16, not an old Mac file.
TEST(CsvEncoding, Utf16BeginningWithALineEndIsOneProblem) {
  std::string utf16;
  for (char c : std::string("\r\nperson_id,pdu\r\nP1,Northgate\r\n")) utf16 += std::string{c, '\0'};
  const auto problems = problems_of(utf16);
  ASSERT_EQ(problems.size(), 1u) << listing(problems);
  EXPECT_NE(problems[0].message.find("UTF-16 or binary"), std::string::npos) << problems[0].describe();
}

TEST(CsvEncoding, LinesEndingInACarriageReturnAloneAreOneProblem) {
  const auto problems = problems_of("person_id,pdu\rP1,Northgate\rP2,Eastmoor\r");
  ASSERT_EQ(problems.size(), 1u) << listing(problems);
  EXPECT_NE(problems[0].message.find("carriage return with no line feed"), std::string::npos)
      << problems[0].describe();
  // A spreadsheet's "CSV (Macintosh)" with an LF inside a quoted cell is caught too.
  EXPECT_EQ(problems_of("person_id,pdu\rP1,\"North\ngate\"\rP2,Eastmoor\r").size(), 1u);
}

TEST(CsvEncoding, CarriageReturnsThatEndNoRowAreNotRefused) {
  // A header alone ending in CR; a CR or LF inside a quoted field of an LF file; CR CR LF row ends.
  EXPECT_TRUE(problems_of("person_id,pdu\r").empty()) << listing(problems_of("person_id,pdu\r"));
  EXPECT_TRUE(problems_of("person_id,pdu\nP1,\"North\rgate\"\nP2,\"East\nmoor\"\n").empty());
  EXPECT_TRUE(problems_of("person_id,pdu\r\r\nP1,Northgate\r\r\nP2,Eastmoor\r\r\n").empty());
}

TEST(CsvEncoding, ACarriageReturnAloneAmongLineFeedsIsNamedAtItsLine) {
  // A file pieced together from an LF file and a CR-only one: row 3 would run into row 4.
  const auto problems = problems_of("person_id,pdu\nP1,Northgate\nP2,Eastmoor\rP3,Southbridge\n");
  ASSERT_EQ(problems.size(), 1u) << listing(problems);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_NE(problems[0].message.find("a carriage return with no line feed after it"), std::string::npos);
}

// A NUL below a clean header is damage at that row, named there as the row: not an encoding, which
// would send the user to re-save a file whose header reads.
TEST(CsvEncoding, ANulByteBelowTheHeaderIsNamedAsItsRow) {
  const auto nul = problems_of(std::string("person_id,pdu\nP1,Northgate\nP2,North\0gate\n", 41));
  ASSERT_EQ(nul.size(), 1u) << listing(nul);
  EXPECT_EQ(nul[0].line, 3);
  EXPECT_EQ(nul[0].column, "row");
  EXPECT_NE(nul[0].message.find("the row holds a NUL byte"), std::string::npos) << nul[0].describe();
  // In a file whose lines end in CR alone, the line ends are the problem to fix first.
  const auto mac = problems_of(std::string("person_id,pdu\rP1,Northgate\rP2,North\0gate\r", 41));
  ASSERT_EQ(mac.size(), 1u) << listing(mac);
  EXPECT_NE(mac[0].message.find("a carriage return with no line feed"), std::string::npos)
      << mac[0].describe();
  // One in the header line is still read as an encoding.
  const auto header = problems_of(std::string("person_id,p\0du\nP1,Northgate\n", 28));
  ASSERT_EQ(header.size(), 1u) << listing(header);
  EXPECT_NE(header[0].message.find("UTF-16 or binary"), std::string::npos) << header[0].describe();
}

// A tool that adds a byte-order mark to a file that has one leaves two; the second is no part of a name.
TEST(CsvEncoding, ADoubledByteOrderMarkIsRead) {
  const auto problems = problems_of("\xEF\xBB\xBF\xEF\xBB\xBFperson_id,pdu\nP1,Northgate\n");
  EXPECT_TRUE(problems.empty()) << listing(problems);
}

TEST(CsvEncoding, ALatin1ByteIsNamedAtItsLine) {
  // "Café" in Latin-1 on line 3: 0xE9 followed by a line end is no UTF-8 sequence.
  const auto problems = problems_of("person_id,pdu\nP1,Northgate\nP2,Caf\xE9\nP3,Caf\xE9\n");
  ASSERT_EQ(problems.size(), 1u) << listing(problems);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_NE(problems[0].message.find("byte 0xE9 is not UTF-8"), std::string::npos) << problems[0].describe();
}

TEST(Utf8Text, TheFirstInvalidByteIsFound) {
  EXPECT_EQ(first_invalid_utf8("plain"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("\xF0\x9F\x98\x80 ok"), std::string_view::npos);  // U+1F600, four bytes
  EXPECT_EQ(first_invalid_utf8("ab\x80"), 2u);                                   // a stray continuation
  EXPECT_EQ(first_invalid_utf8("a\xC3"), 1u);                                    // cut short
  EXPECT_EQ(first_invalid_utf8("a\xC0\xAF"), 1u);                                // overlong '/'
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0u);                             // a surrogate
  EXPECT_EQ(first_invalid_utf8("\xF4\x90\x80\x80"), 0u);                         // above U+10FFFF
}
