// The graphml importer, on any bytes, and the questions asked of what it
// builds.
#include <cstddef>
#include <cstdint>

#include "analysis/ancestry.h"
#include "fuzz_input.h"
#include "io/graphml_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace lineage;
  auto g = io::ImportGraphml(fuzz::AsFile(data, size, ".graphml"), {}, nullptr);
  if (g.ok() && g->num_works() > 0) {
    (void)analysis::Reach(*g, 0, analysis::Direction::kDescendants);
    (void)analysis::Reach(*g, static_cast<model::VertexId>(g->num_works() - 1),
                          analysis::Direction::kAncestors);
  }
  return 0;
}
