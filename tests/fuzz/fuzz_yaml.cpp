// The YAML loader and the graph's validation, on any bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/yaml_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace lineage;
  auto spec = io::ParseYaml(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  if (spec.ok()) (void)model::Graph::Build(std::move(spec).value());
  return 0;
}
