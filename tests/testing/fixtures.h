// Helpers shared by the tests: small graphs with answers checkable by hand.
#pragma once

#include <string>
#include <string_view>

#include "model/graph.h"

namespace lineage::testing {

// Builds a GraphSpec in code. Dates are "YYYY[-MM[-DD]]"; kinds and relations
// by their data-file names. Aborts the test binary on a malformed argument,
// which is a bug in the test itself.
class SpecBuilder {
 public:
  SpecBuilder();  // Starts with one era "all" spanning 1000-today.
  SpecBuilder& Work(std::string id, std::string_view date,
                    std::string_view kind = "model");
  SpecBuilder& Alias(std::string alias);  // Adds to the last work.
  SpecBuilder& Name(std::string name);    // Names the last work.
  SpecBuilder& Link(std::string child, std::string_view relation,
                    std::string parent);
  model::GraphSpec spec() const { return spec_; }
  // Builds the graph; aborts if Build fails.
  model::Graph Build(const model::BuildOptions& options = {}) const;

 private:
  model::GraphSpec spec_;
};

// root(2000) -> left(2001), right(2001) -> join(2002) -> tip(2003), all
// builds_on; join trained_on data(1999, dataset) and published_by lab
// (organization); lonely(2005) has no links.
model::Graph Diamond();

// Only the five works of the diamond, root -> left, right -> join -> tip.
model::Graph PureDiamond();

// a, b, c (2000); a, b -> s1, s2, s3 (2005: each builds on both); a -> t1,
// t3 (2005); a, c -> t2 (2005); b -> u1 (2005); a -> m (2005) -> n (2006);
// all builds_on. The leaves of 2005: s1..s3 with the same parents; t1..t3
// with the same main parent, a (7 children; c has 1); u1; m is no leaf.
model::Graph Leaves();

// a <-> b: two works that use each other, built with cycles allowed.
model::Graph TwoCycle();

// n0 -> {u0, d0} -> n1 -> ... -> n`rungs`: a chain of diamonds with 2^rungs
// paths from n0 to its end, all "uses" links, all dated 2000.
model::Graph Ladder(int rungs);

// c0 -> c1 -> ... -> c`links`: a chain of cites links, built in bulk (a
// million links take a fraction of a second). For the searches that must not
// recurse once per work.
model::Graph Chain(std::size_t links);

// The vertex of `id`; fails the calling test when missing.
model::VertexId V(const model::Graph& g, std::string_view id);
// The id of the link `child relation parent` (links are grouped by parent,
// so their ids are not their order in the data).
model::EdgeId L(const model::Graph& g, std::string_view child,
                std::string_view relation, std::string_view parent);

std::string Fixture(std::string_view relative);      // Path under fixtures/.
std::string ReadFixture(std::string_view relative);  // Its content.

// Every work and link of `g`, copied, in vertex and link order.
model::Work WorkOf(const model::Graph& g, model::VertexId v);
model::Link LinkOf(const model::Graph& g, model::EdgeId e);
std::vector<model::Work> Works(const model::Graph& g);
std::vector<model::Link> Links(const model::Graph& g);

// The works at the other end of v's in-links (parents) or out-links
// (children) of `rels`, in link order.
std::vector<model::VertexId> ParentsOf(
    const model::Graph& g, model::VertexId v,
    model::RelationSet rels = model::RelationSet::All());
std::vector<model::VertexId> ChildrenOf(
    const model::Graph& g, model::VertexId v,
    model::RelationSet rels = model::RelationSet::All());

// Writes `content` to `name` in a fresh temporary folder; returns the path.
std::string TempFile(const std::string& name, const std::string& content);

}  // namespace lineage::testing
