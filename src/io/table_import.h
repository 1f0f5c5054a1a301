// Importing real citation and lineage graphs from tables: edge lists
// (citing -> cited or earlier -> later), optional node tables with dates, and
// tables whose rows list their parents (git's `%H %P` log). Real data is
// taken as it is: its quirks (CRLF, no final newline, '#' headers that lie,
// zero-padded ids, conflicting rows, self-loops, duplicates) are handled
// and counted in an ImportReport, never silently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::io {

struct ImportOptions {
  // How an edge "A B" reads: A cites B (A is newer), or A influenced B (A
  // is older, as in Cora's "cited citing"). kAuto: as the format is usually
  // written: cites for tables, GraphML and JSON, influences for DOT (arrows
  // drawn along the flow of ideas). Lineage's own exports say which way
  // they run and are read that way.
  enum class Edges { kAuto, kCites, kInfluences };
  Edges edges = Edges::kAuto;
  // Field separator: '\t', ',' or ' ' (any run of spaces and tabs); 0
  // guesses from the first data line (tab, then comma, else spaces).
  char separator = 0;
  std::string comment = "#";  // Lines starting with it are skipped.
  // The first data line of each file names its columns (a node table's
  // names its extra columns, kept as attributes).
  bool header = false;
  // Ids made only of digits are compared as numbers ("0001001" == "1001").
  bool numeric_ids = false;
  // Each row is "id SEP parents [SEP ...]" (git log
  // --format='%H%x09%P%x09%at', a model hub's table with a "base model"
  // column), instead of an edge list.
  bool parent_lists = false;
  // A column of a table, by its header name (which implies a header row)
  // or its 1-based number; neither: not given.
  struct Column {
    std::string name;
    std::size_t number = 0;
    bool given() const { return number > 0 || !name.empty(); }
  };
  // The columns of parent lists and node tables. Defaults: the id in
  // column 1; parent lists' parents in column 2 and no date; node tables'
  // date in column 2 and label in column 3. The kind column holds lineage's
  // kind names (paper, model, ...); each alias column one more name a work
  // is found by. Every other column of a parent list (with a field
  // separator other than spaces) or node table is kept as an attribute,
  // named by the header.
  Column id_column, date_column, parent_column, label_column, kind_column;
  std::vector<Column> alias_columns;
  // With parent_lists: what separates the parents within their column; 0
  // guesses it per cell: ';', '|' or ',' (when the fields are not
  // comma-separated) if the cell holds one, else spaces between ids (git
  // hashes, numbers), else the cell is one name ("Damn Small Linux").
  char list_separator = 0;
  // How parent names are matched to rows (and ids of an edge list to each
  // other): exactly as written, or, where the exact name matches nothing,
  // by NormalizeKey, ignoring case, spaces and punctuation ("Stable
  // Diffusion 1.5" is "stable-diffusion-1.5"). A key that fits several works
  // matches none of them (reported as ambiguous); a work keeps the first
  // spelling met as its name.
  enum class Match { kExact, kKey };
  Match match = Match::kExact;
  // The kind of every work of a table (papers by default; models for a
  // model hub's table).
  model::Kind kind = model::Kind::kPaper;
  // A node table "id SEP date [SEP label [SEP more...]]" (or columns as
  // above); an empty date is an undated work; other columns (any number)
  // are kept as attributes. "" for none.
  std::string nodes;
  // GraphML, GML, JSON and DOT: the edge attribute that holds each link's
  // relation ("" guesses: relation, else label, else type; "none": every
  // link cites), and the relations that count as influence (empty: all but
  // lineage's own knowledge relations). See io::BuildAttributed.
  std::string relation_attr;
  std::vector<std::string> influence;
  // Files larger than this are refused before reading. Tables stream in
  // blocks; GraphML, JSON and DOT are read whole into memory.
  std::size_t max_file_bytes = std::size_t{64} << 30;
  std::size_t max_line_bytes = std::size_t{1} << 20;
  // Called now and then while reading (stage, bytes read, bytes in all),
  // for a progress bar; may be empty. Library code never prints.
  std::function<void(std::string_view stage, std::uint64_t done,
                     std::uint64_t total)>
      progress;
};

// What the import found in the data, beyond the graph itself.
struct ImportReport {
  std::string source;
  std::size_t data_lines = 0;
  std::size_t comment_lines = 0;
  std::size_t self_loops = 0;       // Dropped.
  std::size_t duplicate_edges = 0;  // Dropped.
  std::size_t node_rows = 0;
  std::size_t conflicting_node_ids = 0;  // Rows disagree on the date.
  std::size_t unmatched_node_rows = 0;   // Ids in no edge; ignored.
  std::size_t undated_works = 0;
  std::size_t coarsened_dates = 0;    // A month or day of 00, read as coarser.
  std::size_t unreadable_dates = 0;   // Attributes that are no date; undated.
  std::size_t time_inconsistent = 0;  // Links to a work dated later.
  std::size_t parents_without_row = 0;  // Parent lists: named, never a row.
  // A parent cell that the list separator split although it is, whole, the
  // id of a row ("Damn Small Linux" split on spaces): "" when none.
  std::string split_name;
  std::size_t repeated_rows = 0;    // Rows of an id met before; the first kept.
  std::size_t trimmed_ids = 0;      // Unquoted ids with spaces around them.
  std::size_t ambiguous_names = 0;  // --match key: a key fitting several works.
  std::size_t unknown_kinds = 0;    // Kind cells that name no kind.
  // The edge attribute read as the links' relation ("" for none), and why a
  // guessed one was not ("" when it was not refused).
  std::string relation_attr;
  std::string relation_attr_skipped;
  std::string header_claim;  // What a '#' header says the counts are.
  // One example for each kind of problem, "file:line: ...".
  std::map<std::string, std::string> examples;
};

// `report`, or `local` when it is null, emptied and naming `source`: where
// an importer writes what it found.
inline ImportReport* FreshReport(ImportReport* report, ImportReport* local,
                                 std::string source) {
  if (report == nullptr) report = local;
  *report = ImportReport{};
  report->source = std::move(source);
  return report;
}

// The graph of a bulk import (model::Graph::FromBulk), with what it found
// added to `report`: links given twice (dropped) and links from a work to
// one dated later. For every importer that builds columns. O(V + E).
model::Graph BuildBulkGraph(model::BulkSpec spec, ImportReport* report);

// Reads the tables at `paths`, one after the other (and then
// options.nodes), into a graph whose links are influence links (cites, or
// builds_on for parent lists) from the older work to the newer, with cycles
// allowed, in a model::Graph::FromBulk graph. Streams the files in blocks,
// so memory is that of the graph (about 30 bytes a work and 13 a link) and
// the ids. Fails with kInvalidData listing, with file and line, every
// malformed line (a missing field, an unreadable date, binary bytes, a line
// over max_line_bytes), an empty table, or a node table no edge matches;
// kNotFound / kIoError for files. O(file size + V + E).
base::Result<model::Graph> ImportTables(const std::vector<std::string>& paths,
                                        const ImportOptions& options,
                                        ImportReport* report);
inline base::Result<model::Graph> ImportTable(const std::string& path,
                                              const ImportOptions& options,
                                              ImportReport* report) {
  return ImportTables({path}, options, report);
}

}  // namespace lineage::io
