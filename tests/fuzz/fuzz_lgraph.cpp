// The .lgraph reader on any bytes: as they come (the checksum refuses
// almost all), and, when the first byte is odd, with the checksum made
// right, so that every structural check behind it is reached too.
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "fuzz_input.h"
#include "io/graph_file.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace lineage;
  if (size == 0) return 0;
  std::vector<std::uint8_t> bytes(data + 1, data + size);
  if ((data[0] & 1) != 0 && bytes.size() >= 8) {
    const std::uint64_t sum =
        XXH3_64bits(bytes.data(), bytes.size() - sizeof(std::uint64_t));
    std::memcpy(bytes.data() + bytes.size() - sizeof sum, &sum, sizeof sum);
  }
  (void)io::ReadGraphFile(fuzz::AsFile(bytes.data(), bytes.size(), ".lgraph"));
  return 0;
}
