// Graphs whose nodes and edges carry named attributes (GraphML, JSON, DOT),
// turned into works and links the same way whatever the format.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "io/atomic_file.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

struct AttributedGraph {
  struct Node {
    std::string id;
    std::map<std::string, std::string> data;
    int line = 0;  // Where the node is declared, when known.
  };
  struct Edge {
    std::string source, target;
    std::map<std::string, std::string> data;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  // The graph's own attributes, as lineage's exports write them.
  std::string title, zh_title;
  std::vector<model::Era> eras;
  // Edges run from the older work to the newer (else: the source cites the
  // target).
  bool forward = false;
};

// Reads eras as lineage's exports write them, a JSON list of {id, name,
// from, to (null: open-ended), summary}; fails with kInvalidData naming
// `path` when `json` is not such a list.
base::Result<std::vector<model::Era>> ParseEras(std::string_view json,
                                                const std::string& path);

// Node attributes name or label, date or year, kind, era (when the graph
// defines that era), summary, url, arxiv, paper, note, and the "; "-joined
// lists tags, aliases and people fill the work; edge attributes evidence
// and citation the link: every field lineage's exports write, so that they
// read back unchanged. The relation of a link is the value of the edge
// attribute options.relation_attr (default: relation, else label, else
// type, whichever some edge has; "none": every link cites), kept under its
// own name (model::RelationVocabulary); an empty value is cites. Relations
// named in options.influence count as influence, the others not; without
// it, as the edges' "influence" attribute (true/false, as lineage's exports
// write it) says, else lineage's own knowledge relations (trained_on, ...)
// stay knowledge and every other name is influence. A guessed attribute with
// more values than a graph has room for relations is data: every link cites,
// and report->relation_attr_skipped says why. Repeated node ids are merged (the
// first kept); self-loops and repeated links are dropped and counted in
// `report`. Fails with kInvalidData when an edge names an unknown node, and
// with kInvalidArgument when options.relation_attr or options.influence
// name what no edge has. Cycles are allowed.
base::Result<model::Graph> BuildAttributed(AttributedGraph g,
                                           const std::string& path,
                                           const ImportOptions& options,
                                           ImportReport* report);

// The frame every attributed importer shares: the report made fresh for
// `path`, the file read (at most options.max_file_bytes), parse(text) into
// an AttributedGraph (a Result), and BuildAttributed.
template <typename Parse>
base::Result<model::Graph> ImportAttributed(const std::string& path,
                                            const ImportOptions& options,
                                            ImportReport* report,
                                            Parse&& parse) {
  ImportReport local;
  report = FreshReport(report, &local, path);
  auto text = ReadFile(path, options.max_file_bytes);
  if (!text.ok()) return text.status();
  base::Result<AttributedGraph> g = parse(*text);
  if (!g.ok()) return g.status();
  return BuildAttributed(std::move(g).value(), path, options, report);
}

// "the FORMAT file cannot be imported", with one problem at `line`.
base::Status ImportProblem(std::string_view format, const std::string& path,
                           int line, std::string message, std::string fix);
// The problem of a graph without directions.
base::Status UndirectedProblem(std::string_view format, const std::string& path,
                               std::string fix = "");

}  // namespace lineage::io
