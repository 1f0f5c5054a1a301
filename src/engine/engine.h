// The one way in (after re2's RE2 and leveldb's DB): a front end opens a
// graph from any source with the import options, finds works by name, and
// asks its questions -- ancestry, paths, ranking, queries, views and
// diagrams -- getting values back. The `lineage` command is a thin client
// of it; so is every other front end.
//
// Errors are Status values that say what is wrong and what would fix it in
// the library's own terms, naming options as "[[name]]" (base::OptionRef);
// a front end spells them its own way (base::SpellOptions).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/ancestry.h"
#include "analysis/filter.h"
#include "analysis/main_path.h"
#include "analysis/paths.h"
#include "analysis/rank.h"
#include "analysis/select.h"
#include "analysis/stats.h"
#include "base/status.h"
#include "io/load.h"
#include "io/table_import.h"
#include "model/graph.h"
#include "query/eval.h"
#include "render/draw.h"
#include "render/html.h"

namespace lineage::engine {

struct OpenOptions {
  // How imported data (tables, GraphML, JSON, DOT) is read; its progress
  // callback also hears "condensing cycles".
  io::ImportOptions import;
  // The format of the sources, instead of the one io::DetectFormat finds
  // in each (default: found).
  std::optional<io::Format> format;
  // Merge every cycle of influence links into one work (as Pajek does), so
  // that the analyses that need a DAG apply. Default: off.
  bool condense = false;
  // Keep only the works and links of one layer of curated knowledge
  // (model::Layer: the article's, or the project's extension); default:
  // both. The article's layer alone is the graph as the article tells it.
  std::optional<model::Layer> layer;
  // The language of names, summaries, evidence, eras, titles and diagrams
  // (where the data has it; English otherwise). Works are found by their
  // names in either language. Default: English.
  model::Language language = model::Language::kEnglish;
};

// One kind of problem that imported data had, counted, with an example.
struct Finding {
  std::string kind;  // "self-loops", "cycles", ...
  std::size_t count = 0;
  std::string what;     // What the count counts, and what was done.
  std::string example;  // "" when there is none.
};

// What opening found.
struct OpenReport {
  std::vector<std::string> sources;
  std::string nodes;        // The node table read with them, if any.
  bool imported = false;    // Not the curated YAML: its problems are findings.
  io::ImportReport import;  // What the importer counted.
  std::size_t condensed_cycles = 0;
  std::size_t condensed_works = 0;
  double load_ms = 0;  // Reading (and condensing).
};

// A view: the works and links to draw, and its title.
struct ViewSpec {
  enum class Of { kAll, kFamily, kPaths, kCommon, kMainPath };
  Of of = Of::kAll;
  // kFamily: the one work; kPaths: from and to; kCommon: the two works.
  std::vector<model::VertexId> works;
  bool ancestors = true;  // kFamily: which side(s) of the family.
  bool descendants = true;
  int depth = -1;  // kFamily: at most this many links away (-1 any).
  std::size_t key_routes = 0;  // kMainPath: 0 global, else key-route K.
  bool only = false;           // kPaths, kCommon, kMainPath: without the rest.
  model::RelationSet relations = model::RelationSet::Influence();
  analysis::Filter filter;  // Keeps the view's focus works regardless.
  std::size_t top = 0;      // Keep the N works of highest PageRank (0: all).
  std::string title;        // "" for the view's own title.
};

struct View {
  analysis::Selection selection;
  std::string title;
  // What Select made it from (none for a query's result): an explorer
  // titles the view with it in the graph's other language.
  std::optional<ViewSpec> spec;
};

using render::Format;
using render::FormatFromPath;  // "x.png" -> kPng; nullopt for no known one.
using render::IsHtmlPath;      // "x.html": an explorer page (Explore).
using render::ParseFormat;     // "svg", "png", "pdf", "dot" (or "gv").

using render::ParseResolution;  // "decade", "year", "quarter", "month", "day".
using render::Resolution;

struct DrawOptions {
  Format format = Format::kSvg;
  // timeline (laid out by the engine, drawn by Graphviz), dot (dot's own
  // layering of a year ruler), sfdp, neato or fdp (no timeline).
  std::string layout = "timeline";
  std::string rankdir = "LR";  // LR or TB.
  bool reduce = false;         // Hide influence links implied by others.
  std::size_t max_works = 0;   // 0: the layout's default limit.
  // The timeline's columns; nullopt: chosen from the view's span and density.
  std::optional<Resolution> resolution;
  // A timeline of more works than this with nothing highlighted would be a
  // hairball of links: the graph's main path (SPC, when the graph is a DAG)
  // is drawn bold over the faded rest, and the legend says so. 0: never.
  std::size_t bold_main_path_above = 300;
  // On a timeline of more works than this with nothing asked highlighted,
  // the view's leaves are drawn in groups, one node each with one link from
  // each parent of its works: per column, three or more with exactly the
  // same parents, then three or more with the same main parent
  // (render::SceneOptions::group_leaves). Never grouped: the focus, the
  // main path drawn bold, undated works, organizations. The legend and the
  // Diagram count them. Explore never groups: its page selects and traces
  // every work. 0: never.
  std::size_t group_above = 300;
};

// What was drawn. works + grouped_works = the view's works; links +
// grouped_links + reduced_links + listed_links = the view's links.
struct Diagram {
  std::string bytes;
  std::size_t works = 0;          // Drawn each as its own node.
  std::size_t grouped_works = 0;  // Drawn in groups (DrawOptions::group_above).
  std::size_t groups = 0;
  std::size_t grouped_links = 0;  // Into grouped works: one link a parent.
  std::size_t links = 0;          // Drawn.
  std::size_t reduced_links = 0;  // Hidden as implied by others (reduce).
  std::size_t listed_links = 0;   // Of organizations: in their tooltips.
  std::size_t back_in_time = 0;   // Drawn links whose newer work is earlier.
  std::string resolution;         // The timeline's columns ("" otherwise).
  std::size_t crossings = 0;      // Between the timeline's columns.
  // Links of the main path drawn bold (DrawOptions::bold_main_path_above).
  std::size_t main_path_links = 0;
  double layout_ms = 0;
  double render_ms = 0;
};

// What `explain` says of two works: every path, shortest first; or, when
// there is none, whether one runs the other way and what the two share.
struct Explanation {
  analysis::PathSet found;
  bool reversed = false;
  std::vector<model::VertexId> lowest_common;
};

struct RankOptions {
  model::RelationSet relations = model::RelationSet::Influence();
  analysis::Filter filter;  // Filters the list; scores use the whole graph.
  std::size_t top = 10;     // 0: all.
};

enum class ExportFormat { kGraphml, kJson };

// Every method taking a model::VertexId or EdgeId expects one of this
// engine's graph (below num_works() / num_links()), as Find and the
// results of the other methods give them.
class Engine {
 public:
  // Opens `sources`: one .yaml file or folder, .graphml, .gml, .gv/.dot,
  // .json, gnuclad or .lgraph file, or one or more tables, or OpenAlex or
  // Semantic Scholar JSON Lines files (io::LoadGraphs), then condenses
  // cycles when asked. Fails as io::LoadGraphs does, or with kInvalidData
  // when condensing fails.
  static base::Result<Engine> Open(std::vector<std::string> sources,
                                   const OpenOptions& options = {});
  // An engine on a graph built elsewhere (tests, other front ends).
  explicit Engine(model::Graph graph);

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  const model::Graph& graph() const { return graph_; }
  model::Language language() const { return language_; }
  const OpenReport& report() const { return report_; }
  // What the graph is about: its title, else the name of its data file.
  std::string Subject() const;
  // The problems an import found, counted; cycles among them. Empty for
  // curated data. O(V + E).
  std::vector<Finding> Findings() const;

  // --- names ----------------------------------------------------------------
  // The work `name` refers to (id, name or alias; model::Resolve). kNotFound
  // with "did you mean" otherwise.
  base::Result<model::VertexId> Find(std::string_view name) const;
  base::Result<std::vector<model::VertexId>> FindAll(
      const std::vector<std::string>& names) const;
  base::Result<analysis::Filter> MakeFilter(
      const analysis::FilterSpec& spec) const;

  // --- ancestry -------------------------------------------------------------
  std::vector<analysis::Reached> Reach(
      model::VertexId work, analysis::Direction direction,
      const analysis::TraversalOptions& options = {}) const;
  std::optional<analysis::Path> ShortestPath(
      model::VertexId from, model::VertexId to,
      model::RelationSet relations = model::RelationSet::Influence()) const;
  analysis::PathSet AllPaths(model::VertexId from, model::VertexId to,
                             const analysis::PathOptions& options = {}) const;
  Explanation Explain(model::VertexId from, model::VertexId to,
                      const analysis::PathOptions& options = {}) const;
  std::vector<analysis::CommonAncestor> Common(
      model::VertexId a, model::VertexId b,
      const analysis::TraversalOptions& options = {}) const;

  // --- influence ------------------------------------------------------------
  // Every work's score (analysis::Score). Fails with kInvalidData naming a
  // cycle for a metric that needs a DAG (spc, depth), and with
  // kInvalidArgument for one that searches from every work on a graph too
  // big for it (betweenness, reach counts).
  base::Result<std::vector<double>> Scores(
      analysis::Metric metric,
      model::RelationSet relations = model::RelationSet::Influence()) const;
  // The best works by `scores` (one per work, from Scores), filtered, at
  // most options.top of them; options.relations is not used here.
  std::vector<analysis::Ranked> Rank(const std::vector<double>& scores,
                                     const RankOptions& options = {}) const;
  // Scores and Rank in one.
  base::Result<std::vector<analysis::Ranked>> Rank(
      analysis::Metric metric, const RankOptions& options = {}) const;
  // The main path: global (key_routes 0), or key-route from the K heaviest
  // arcs (analysis/main_path.h). Fails with kInvalidData naming a cycle.
  base::Result<analysis::MainPath> MainPath(
      std::size_t key_routes = 0,
      model::RelationSet relations = model::RelationSet::Influence()) const;
  // The links of `relations` from u to v: the links behind a main-path arc.
  // O(out-degree of u).
  std::vector<model::EdgeId> LinksBetween(model::VertexId u, model::VertexId v,
                                          model::RelationSet relations) const;
  // The works every path from the roots to `work` passes through, nearest
  // first; and the works that lose every path to the roots without it. Each
  // call computes the dominator tree afresh: O(V + E) on a DAG.
  std::vector<model::VertexId> Necessary(
      model::VertexId work,
      model::RelationSet relations = model::RelationSet::Influence()) const;
  std::vector<model::VertexId> Impact(
      model::VertexId work,
      model::RelationSet relations = model::RelationSet::Influence()) const;
  // Counts, roots, leaves, cycles, and the longest chain and generations
  // when the influence links are acyclic (analysis::ComputeStats).
  analysis::Stats Stats() const;

  // --- queries --------------------------------------------------------------
  base::Result<query::Outcome> Query(const query::Prepared& query) const;

  // --- views, diagrams and exports ------------------------------------------
  // The selection of a view, filtered and cut to its top works. Fails with
  // kInvalidArgument when `works` does not hold the view's works (one for a
  // family, two for paths and common), kNotFound when a path or common view
  // has nothing to show, and like MainPath or Scores for the views that
  // need them. O(V + E), plus PageRank with `top`.
  base::Result<View> Select(const ViewSpec& spec) const;
  // The view of a query's result: its works, their links, and the links the
  // path functions singled out, highlighted.
  View SelectResult(const query::Value& value, std::string title) const;
  // Lays out and renders a view. Fails with kInvalidArgument for an unknown
  // layout or rankdir, a view over the layout's size limit (checked before
  // anything is built) or one with no work; kIoError when Graphviz fails.
  base::Result<Diagram> Draw(View view, const DrawOptions& options) const;
  // The view as an explorer: one self-contained, offline HTML page
  // (render/html.h) holding its diagram as SVG -- drawn again in the other
  // language when the graph has Chinese labels, so that the page switches
  // without reloading -- its works and links as JSON (as Describe and
  // DescribeLink give them, with both languages' text and the keys names
  // are found by), and the script that selects, traces and filters them.
  // options.format is ignored. Fails as Draw does. The Diagram's bytes are
  // the page; its counts and times are the first diagram's.
  base::Result<Diagram> Explore(View view, const DrawOptions& options) const;
  std::string Export(ExportFormat format) const;
  // Writes the graph in lineage's own format (io/graph_file.h), which Open
  // reads back in a fraction of a table's time. Fails with kIoError.
  base::Status Save(const std::string& path) const;

  // --- describing results
  // ----------------------------------------------------- A work as JSON: id,
  // name, kind, date, era; with `full`, every field it has (aliases,
  // organizations, people, paper, arxiv, url, summary, tags, note, layer,
  // attribute columns). A link: from, to, relation, influence, evidence,
  // citation, layer. The shapes `lineage --json` prints.
  nlohmann::json Describe(model::VertexId work, bool full = false) const;
  nlohmann::json DescribeLink(model::EdgeId link) const;
  // The order every result lists works in: earlier first (undated last),
  // then by id.
  bool Earlier(model::VertexId a, model::VertexId b) const;
  void SortByDate(std::vector<model::VertexId>* works) const;

  // Files as front ends write them: atomically (a temporary file, then a
  // rename; its folder created), never half-written, through symlinks,
  // keeping an existing file's mode; never over a device or a FIFO
  // (kInvalidArgument). kIoError when the system refuses.
  static base::Status WriteFile(const std::string& path,
                                std::string_view bytes);
  // Whether writing `path` would destroy what this engine was opened from:
  // one of its sources (or a file inside a source folder), or its node
  // table. kInvalidArgument saying which; Ok otherwise.
  base::Status CheckOutput(const std::string& path) const;
  // A text file of at most `max_bytes`; kNotFound, kIoError or
  // kInvalidArgument (too big).
  static base::Result<std::string> ReadFile(const std::string& path,
                                            std::size_t max_bytes);

 private:
  std::string DefaultTitle(const ViewSpec& spec) const;
  // The graph in the other language, with the same work and link ids; an
  // error when it has none (engine/explore.cpp).
  base::Result<Engine> Translated() const;

  model::Graph graph_;
  OpenReport report_;
  model::Language language_ = model::Language::kEnglish;
  // Opened in another language: the data as read, in English, before it
  // was localized; null otherwise. Explore draws the English side from it.
  std::shared_ptr<const model::GraphSpec> english_;
};

}  // namespace lineage::engine
