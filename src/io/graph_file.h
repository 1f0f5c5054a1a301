// lineage's own graph format (.lgraph): the columns of a model::Graph
// written as they are held in memory, so that a graph imported once from a
// big table loads again in the time it takes to read its bytes.
//
// Layout (little-endian): the 8-byte magic "LGRAPH\0\1", a u32 format
// version and a u32 byte-order mark, then sections in a fixed order, each a
// u64 byte count and its bytes: eras, ids (bytes, ends), names (bytes,
// ends, per-work index), kinds, dates, work details, CSR row starts, CSR
// targets, relations, the graph's own relation names (a u8 id and a name
// each), link details; then a u32 count of attribute columns,
// each its name, values (bytes, ends) and per-work index; then the
// in-links (row starts, sources, link ids), stored so that loading need not
// sort them again; last, a u64 XXH3 hash of every byte before it. Strings
// inside sections are a u32 length and their bytes.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::io {

// Whether the file at `path` starts with the format's magic.
bool IsGraphFile(const std::string& path);

// Writes `graph` to `path` atomically (WriteFileAtomically). O(V + E).
base::Status WriteGraphFile(const model::Graph& graph, const std::string& path);

// Reads a graph written by WriteGraphFile. Fails with kNotFound / kIoError
// for the file, and kInvalidData, naming the section, for a truncated or
// corrupt file or another format version. O(V + E).
base::Result<model::Graph> ReadGraphFile(const std::string& path);

}  // namespace lineage::io
