// What every harness shares: the fuzzer's bytes as a file, since the
// importers read files (as the tool does).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

#include "analysis/ancestry.h"
#include "io/table_import.h"

namespace lineage::fuzz {

// Writes `data` to one file per process and harness, named with `ext` so
// that the format is the one the harness means; returns its path.
inline std::string AsFile(const std::uint8_t* data, std::size_t size,
                          const std::string& ext) {
  const std::string path = "/tmp/lineage-fuzz-" + std::to_string(::getpid()) +
                           ext;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data),
             static_cast<std::streamsize>(size));
  return path;
}

// An importer of files with extension `ext` on the fuzzer's bytes, and the
// questions asked of what it builds: the ancestors of the last work and the
// descendants of the first.
template <typename Import>
int FuzzImporter(const std::uint8_t* data, std::size_t size,
                 const std::string& ext, Import&& import) {
  auto g = import(AsFile(data, size, ext), io::ImportOptions{}, nullptr);
  if (g.ok() && g->num_works() > 0) {
    (void)analysis::Reach(*g, 0, analysis::Direction::kDescendants);
    (void)analysis::Reach(*g, static_cast<model::VertexId>(g->num_works() - 1),
                          analysis::Direction::kAncestors);
  }
  return 0;
}

}  // namespace lineage::fuzz
