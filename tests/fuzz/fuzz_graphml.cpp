// The graphml importer on any bytes, and the questions asked of what it
// builds.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/graphml_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return lineage::fuzz::FuzzImporter(
      data, size, ".graphml", [](const auto&... args) {
        return lineage::io::ImportGraphml(args...);
      });
}
