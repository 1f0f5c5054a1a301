// Writing outputs so that a reader never sees half a file.
#pragma once

#include <filesystem>
#include <string_view>

#include "base/status.h"

namespace lineage::io {

// Writes `content` to `path` through a temporary file in the same folder,
// flushed to disk and renamed over `path`, so `path` holds either its old
// content or all of the new. Creates missing parent folders. A symlink is
// written through (its target replaced, the link kept); an existing file
// keeps its mode. Fails with kInvalidArgument when `path` is not a regular
// file (a device, a FIFO, a folder), kIoError when the system refuses. On
// failure the temporary file is removed and `path` is untouched.
base::Status WriteFileAtomically(const std::filesystem::path& path,
                                 std::string_view content);

// Reads a whole file. Fails with kNotFound or kIoError, or kInvalidData when
// it is larger than `max_bytes`.
base::Result<std::string> ReadFile(const std::filesystem::path& path,
                                   std::size_t max_bytes);

}  // namespace lineage::io
