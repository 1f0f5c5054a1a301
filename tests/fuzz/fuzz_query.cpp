// The query language on any text: prepared, then evaluated on a small
// graph with two layers and both languages.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/engine.h"

namespace {

const lineage::engine::Engine& Graph() {
  static const auto* engine = new lineage::engine::Engine(
      std::move(lineage::engine::Engine::Open({LINEAGE_FUZZ_GRAPH}).value()));
  return *engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace lineage;
  auto q = query::Prepare(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (q.ok()) (void)Graph().Query(*q);
  return 0;
}
