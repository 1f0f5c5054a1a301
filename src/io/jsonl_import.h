// Importing citation dumps written as JSON Lines, one record a line:
// OpenAlex works and Semantic Scholar papers (plain or gzip-compressed),
// at the scale of millions of works.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

enum class WorksFormat {
  // OpenAlex works (the snapshot's part_*.gz files, or API results saved
  // one work a line): "id" ("https://openalex.org/W…", kept as "W…"),
  // "publication_date" or else "publication_year", "display_name" (or
  // "title"), "referenced_works" (ids in the same form).
  kOpenAlex,
  // Semantic Scholar: Graph API papers ("paperId", "title",
  // "publicationDate" or else "year", "references" as a list of ids or of
  // objects with a "paperId"), the datasets' papers ("corpusid", "title",
  // "publicationdate", "year") and citations ("citingcorpusid",
  // "citedcorpusid": one link a line), and the older open corpus ("id",
  // "outCitations"). Several files (papers and citations) are read as one.
  kSemanticScholar,
};

// The format of a JSON Lines file, from the keys of its first record
// (decompressed when the file is gzip): nullopt when it is neither (a
// networkx node-link document, say). Reads at most the first 64 KiB of
// text; nullopt for anything but a regular file.
std::optional<WorksFormat> SniffWorks(const std::string& path);

// Reads the JSON Lines files at `paths` (each plain or gzip, told apart by
// the magic bytes), one after the other, into a bulk graph
// (model::Graph::FromBulk) whose links are `cites` from the cited work to
// the citing one, cycles allowed. Streams the files in blocks and parses
// each line with simdjson's On-Demand API, so memory is that of the graph
// and its ids (about 50 bytes a work and 13 a link), not of the text.
//
// References to works that have no record in the files are kept as works
// known only by their id (undated, no title), with their links: dumps are
// usually partial (one field, one year, one query), and the cited work is
// still an ancestor. They are counted in report->parents_without_row with
// an example ("parents without a row"), unless the files hold no records
// at all (a citations file alone). A reference Semantic Scholar could not
// resolve (a null id) names no work and is skipped. A work whose record
// appears twice keeps the first record's date and title and the references
// of both (repeats dropped as duplicate edges); records that disagree on
// the date are counted in report->conflicting_node_ids. Dates are read by
// ParseLooseDate (coarsened and unreadable ones counted; a work whose date
// is unreadable has its year, when the record gives one, else no date).
//
// Fails with kInvalidData listing, with file and line, the lines that are
// not a JSON object or have no id, and a line longer than
// options.max_line_bytes (the first 20 listed, the true count in the
// message and Status::problems()), or a gzip stream that is cut short or
// broken; kNotFound / kIoError for files. O(text size + V + E).
base::Result<model::Graph> ImportWorks(const std::vector<std::string>& paths,
                                       WorksFormat format,
                                       const ImportOptions& options,
                                       ImportReport* report);

}  // namespace lineage::io
