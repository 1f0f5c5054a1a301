// The GML importer on any bytes, and the questions asked of what it builds.
// Edges are read as citations whatever the file says of its direction, so
// that undirected and silent files reach the graph too.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/gml_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return lineage::fuzz::FuzzImporter(
      data, size, ".gml",
      [](const std::string& path, lineage::io::ImportOptions options,
         lineage::io::ImportReport* report) {
        options.edges = lineage::io::ImportOptions::Edges::kCites;
        return lineage::io::ImportGml(path, options, report);
      });
}
