// privacy/DATA_INVENTORY.md must list exactly the fields of the embedded
// questionnaires with their storage, so the document cannot drift.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "http/questionnaire_codec.h"
#include "support/temp_dir.h"

namespace pillarbox::intake {
namespace {

using Row = std::tuple<std::string, std::string, std::string>;  // kind, field, storage

constexpr char kSectionHeading[] = "## Questionnaire fields";

std::string InventoryPath() {
  // The source tree's root, set by tests/CMakeLists.txt (not __FILE__, which
  // a compiler cache may make relative).
  return (std::filesystem::path(PILLARBOX_SOURCE_DIR) / "privacy" / "DATA_INVENTORY.md").string();
}

std::string Trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line.substr(1));  // after the leading '|'
  std::string cell;
  while (std::getline(stream, cell, '|')) cells.push_back(Trim(cell));
  return cells;
}

// The `| kind | field | storage |` rows of the questionnaire section, with
// repetitions kept (as a multiset) so a duplicated row is noticed.
std::multiset<Row> DocumentedRows(const std::string& markdown) {
  std::multiset<Row> rows;
  std::stringstream lines(markdown);
  std::string line;
  bool in_section = false;
  while (std::getline(lines, line)) {
    if (line.rfind("## ", 0) == 0) in_section = line == kSectionHeading;
    if (!in_section || line.rfind("|", 0) != 0) continue;
    const std::vector<std::string> cells = Cells(line);
    EXPECT_EQ(cells.size(), 3u) << line;
    if (cells.size() != 3 || cells[0] == "kind" || cells[0].find("---") != std::string::npos) continue;
    rows.insert({cells[0], cells[1], cells[2]});
  }
  return rows;
}

std::string StorageName(Storage storage) {
  switch (storage) {
    case Storage::kClear:
      return "clear";
    case Storage::kSealed:
      return "sealed";
    case Storage::kSealedIndexed:
      return "sealed+index";
  }
  return "?";
}

TEST(DataInventoryTest, QuestionnaireTableMatchesTheEmbeddedQuestionnaires) {
  const std::string markdown = pillarbox::testing::ReadFileBytes(InventoryPath());
  ASSERT_FALSE(markdown.empty()) << "cannot read " << InventoryPath();
  const auto catalog = http::LoadEmbeddedQuestionnaires();
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  std::multiset<Row> expected;
  for (const std::string& kind : catalog->Kinds()) {
    for (const QuestionField& field : catalog->Find(kind)->fields) {
      expected.insert({kind, field.name, StorageName(field.storage)});
    }
  }
  const std::multiset<Row> documented = DocumentedRows(markdown);
  for (const Row& row : expected) {
    EXPECT_EQ(documented.count(row), 1u) << "documented " << documented.count(row) << " times: | " << std::get<0>(row)
                                         << " | " << std::get<1>(row) << " | " << std::get<2>(row) << " |";
  }
  for (const Row& row : documented) {
    EXPECT_EQ(expected.count(row), 1u) << "not in any questionnaire: | " << std::get<0>(row) << " | "
                                       << std::get<1>(row) << " | " << std::get<2>(row) << " |";
  }
  EXPECT_EQ(documented.size(), expected.size());
}

}  // namespace
}  // namespace pillarbox::intake
