// The `lineage` command.
#pragma once

namespace lineage::cli {

// Exit codes: 0 success, 1 invalid data or a failed write, 2 wrong usage
// (unknown option, unknown work, missing --data path).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

int Main(int argc, char** argv);

}  // namespace lineage::cli
