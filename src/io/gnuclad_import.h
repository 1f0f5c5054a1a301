// Importing gnuclad's CSV, the format the Linux, BSD and Unix distribution
// timelines (and other cladograms drawn with gnuclad) are kept in.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "io/attributed.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

// Whether `head` (the first bytes of a file) reads as gnuclad CSV: its
// first row that is not blank and not a comment ('#...', '//...') is an
// `N` (node) or `C` (connector) row of five fields or more.
bool LooksLikeGnuclad(std::string_view head);

// Reads gnuclad CSV text (comma-separated, fields quoted as in RFC 4180, one
// row a line; rows in any order):
//   N,Name,Color,Parent,Start,Stop,Icon,Description[,Name,When,Description]...
//     a work (kind software) named Name, started on Start, that builds_on
//     Parent; each later name becomes an alias (findable by it); Stop is
//     kept in the work's note; a Description that is a URL is its url,
//     else its summary.
//   C,FromWhen,From,ToWhen,To,...
//     an extra link: To was influenced_by From.
//   D, SVG and PNG rows (drawing hints) are skipped; rows whose first field
//   is empty (",,,,") or begins with '#' or '//' (also "#N" rows, nodes
//   commented out) are comments.
// Dates are read by ParseLooseDate ("1993.7.16", "1992.6", "2013.09.7");
// a date that is no date leaves the work undated and is counted. Parents
// and connector ends are found by a work's first name, else by a later
// name that only one work has had; a name found neither way becomes a work
// known only by that name (undated, keeping its links), counted in
// report->parents_without_row with an example. Fails with kInvalidData
// listing (with file and line) rows of an unknown type, N rows without a
// name, C rows without both ends, unclosed quotes and text that is not
// UTF-8. O(size + rows · log rows).
base::Result<AttributedGraph> ParseGnuclad(std::string_view text,
                                           const std::string& path,
                                           ImportReport* report);

// ParseGnuclad on the file at `path`, built by BuildAttributed.
base::Result<model::Graph> ImportGnuclad(const std::string& path,
                                         const ImportOptions& options,
                                         ImportReport* report);

}  // namespace lineage::io
