// What every harness shares: the fuzzer's bytes as a file, since the
// importers read files (as the tool does).
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

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

}  // namespace lineage::fuzz
