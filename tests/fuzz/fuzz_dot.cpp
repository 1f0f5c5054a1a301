// The dot importer on any bytes, and the questions asked of what it
// builds.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/dot_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return lineage::fuzz::FuzzImporter(
      data, size, ".gv", [](const auto&... args) {
        return lineage::io::ImportDot(args...);
      });
}
