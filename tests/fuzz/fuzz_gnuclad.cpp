// The gnuclad CSV importer on any bytes, and the questions asked of what it
// builds.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/gnuclad_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return lineage::fuzz::FuzzImporter(
      data, size, ".csv",
      [](const auto&... args) { return lineage::io::ImportGnuclad(args...); });
}
