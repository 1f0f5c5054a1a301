// The table importer on any bytes, and the questions asked of what it
// builds. The first byte picks the reading: edge list or parent lists,
// header or not, exact or key matching, columns by number or by name, the
// list separator, so that every path of the importer is reached.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/table_import.h"
#include "model/resolve.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = data[0];
  lineage::io::ImportOptions o;
  o.parent_lists = (pick & 1) != 0;
  o.header = (pick & 2) != 0;
  if ((pick & 4) != 0) o.match = lineage::io::ImportOptions::Match::kKey;
  if ((pick & 8) != 0) {
    o.date_column.number = 2;
    o.parent_column.number = 3;
    o.label_column.number = 4;
    o.alias_columns.push_back({"", 5});
  }
  if ((pick & 16) != 0) {
    o.header = true;
    o.id_column.name = "id";
    o.kind_column.name = "kind";
  }
  constexpr char kSeparators[] = {0, ',', ';', ' '};
  o.list_separator = kSeparators[(pick >> 5) & 3];
  if ((pick & 128) != 0) o.separator = ',';
  auto g = lineage::io::ImportTable(
      lineage::fuzz::AsFile(data + 1, size - 1, ".csv"), o, nullptr);
  if (g.ok() && g->num_works() > 0) {
    (void)lineage::analysis::Reach(*g, 0,
                                   lineage::analysis::Direction::kDescendants);
    (void)lineage::model::Resolve(*g, "a");
  }
  return 0;
}
