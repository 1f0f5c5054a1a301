// The JSON Lines importer of OpenAlex works on any bytes
// (plain or gzip), and the questions asked of what it builds.
#include <cstddef>
#include <cstdint>

#include "fuzz_input.h"
#include "io/jsonl_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  return lineage::fuzz::FuzzImporter(
      data, size, ".jsonl",
      [](const std::string& path, const lineage::io::ImportOptions& options,
         lineage::io::ImportReport* report) {
        return lineage::io::ImportWorks(
            {path}, lineage::io::WorksFormat::kOpenAlex, options, report);
      });
}
