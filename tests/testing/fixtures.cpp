#include "testing/fixtures.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

namespace lineage::testing {
namespace {

[[noreturn]] void Die(std::string_view what) {
  std::cerr << "bad test fixture: " << what << '\n';
  std::abort();
}

}  // namespace

SpecBuilder::SpecBuilder() {
  model::Era era;
  era.id = "all";
  era.name = "All";
  era.from_year = 1000;
  spec_.eras.push_back(era);
}

SpecBuilder& SpecBuilder::Work(std::string id, std::string_view date,
                               std::string_view kind) {
  model::Work w;
  w.name = id;
  w.id = std::move(id);
  auto k = model::ParseKind(kind);
  if (!k) Die(kind);
  w.kind = *k;
  if (!date.empty()) {
    auto d = model::Date::Parse(date);
    if (!d.ok()) Die(date);
    w.date = *d;
  }
  if (w.kind != model::Kind::kOrganization) w.details.era = "all";
  spec_.works.push_back(std::move(w));
  return *this;
}

SpecBuilder& SpecBuilder::Name(std::string name) {
  spec_.works.back().name = std::move(name);
  return *this;
}

SpecBuilder& SpecBuilder::Alias(std::string alias) {
  spec_.works.back().details.aliases.push_back(std::move(alias));
  return *this;
}

SpecBuilder& SpecBuilder::Link(std::string child, std::string_view relation,
                               std::string parent) {
  auto rel = model::ParseRelation(relation);
  if (!rel) Die(relation);
  model::LinkSpec l;
  l.details.evidence = child + " " + std::string(relation) + " " + parent;
  l.child = std::move(child);
  l.parent = std::move(parent);
  l.relation = *rel;
  spec_.links.push_back(std::move(l));
  return *this;
}

model::Graph SpecBuilder::Build(const model::BuildOptions& options) const {
  auto g = model::Graph::Build(spec_, options);
  if (!g.ok()) Die(g.status().ToString());
  return std::move(g).value();
}

namespace {

SpecBuilder DiamondSpec() {
  SpecBuilder b;
  b.Work("root", "2000")
      .Work("left", "2001")
      .Work("right", "2001")
      .Work("join", "2002")
      .Work("tip", "2003")
      .Link("left", "builds_on", "root")
      .Link("right", "builds_on", "root")
      .Link("join", "builds_on", "left")
      .Link("join", "builds_on", "right")
      .Link("tip", "builds_on", "join");
  return b;
}

}  // namespace

model::Graph PureDiamond() { return DiamondSpec().Build(); }

model::Graph Diamond() {
  return DiamondSpec()
      .Work("data", "1999", "dataset")
      .Work("lab", "", "organization")
      .Work("lonely", "2005")
      .Link("join", "trained_on", "data")
      .Link("join", "published_by", "lab")
      .Build();
}

model::Graph Leaves() {
  SpecBuilder b;
  b.Work("a", "2000").Work("b", "2000").Work("c", "2000");
  for (const char* s : {"s1", "s2", "s3"})
    b.Work(s, "2005").Link(s, "builds_on", "a").Link(s, "builds_on", "b");
  b.Work("t1", "2005").Link("t1", "builds_on", "a");
  b.Work("t2", "2005")
      .Link("t2", "builds_on", "a")
      .Link("t2", "builds_on", "c");
  b.Work("t3", "2005").Link("t3", "builds_on", "a");
  b.Work("u1", "2005").Link("u1", "builds_on", "b");
  b.Work("m", "2005").Link("m", "builds_on", "a");
  b.Work("n", "2006").Link("n", "builds_on", "m");
  return b.Build();
}

model::Graph TwoCycle() {
  return SpecBuilder()
      .Work("a", "2020")
      .Work("b", "2020")
      .Link("b", "uses", "a")
      .Link("a", "uses", "b")
      .Build({.allow_influence_cycles = true});
}

model::Graph Ladder(int rungs) {
  SpecBuilder b;
  b.Work("n0", "2000");
  for (int i = 0; i < rungs; ++i) {
    std::string prev = "n" + std::to_string(i);
    std::string next = "n" + std::to_string(i + 1);
    std::string up = "u" + std::to_string(i), down = "d" + std::to_string(i);
    b.Work(up, "2000").Work(down, "2000").Work(next, "2000");
    b.Link(up, "uses", prev).Link(down, "uses", prev);
    b.Link(next, "uses", up).Link(next, "uses", down);
  }
  return b.Build();
}

model::Graph Chain(std::size_t links) {
  model::BulkSpec spec;
  for (std::size_t i = 0; i <= links; ++i)
    spec.ids.Intern("c" + std::to_string(i));
  for (std::size_t i = 0; i < links; ++i) {
    spec.parents.push_back(static_cast<model::VertexId>(i));
    spec.children.push_back(static_cast<model::VertexId>(i + 1));
  }
  return model::Graph::FromBulk(std::move(spec), nullptr);
}

model::VertexId V(const model::Graph& g, std::string_view id) {
  auto v = g.FindId(id);
  if (!v) {
    ADD_FAILURE() << "no work " << id;
    return 0;
  }
  return *v;
}

std::string Fixture(std::string_view relative) {
  return std::string(LINEAGE_FIXTURES) + "/" + std::string(relative);
}

std::string TempFile(const std::string& name, const std::string& content) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("lineage-test-" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories((dir / name).parent_path());
  std::ofstream(dir / name, std::ios::binary) << content;
  return (dir / name).string();
}

std::string ReadFixture(std::string_view relative) {
  std::ifstream in(Fixture(relative), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

model::Work WorkOf(const model::Graph& g, model::VertexId v) {
  return {std::string(g.id(v)), std::string(g.name(v)), g.kind(v), g.date(v),
          g.details(v)};
}

model::Link LinkOf(const model::Graph& g, model::EdgeId e) {
  return {g.parent(e), g.child(e), g.relation(e), g.link_details(e)};
}

std::vector<model::Work> Works(const model::Graph& g) {
  std::vector<model::Work> out;
  for (model::VertexId v = 0; v < g.num_works(); ++v)
    out.push_back(WorkOf(g, v));
  return out;
}

std::vector<model::Link> Links(const model::Graph& g) {
  std::vector<model::Link> out;
  for (model::EdgeId e = 0; e < g.num_links(); ++e) out.push_back(LinkOf(g, e));
  return out;
}

std::vector<model::VertexId> ParentsOf(const model::Graph& g, model::VertexId v,
                                       model::RelationSet rels) {
  std::vector<model::VertexId> out;
  for (const model::Neighbor& n : g.InLinks(v, rels)) out.push_back(n.other);
  return out;
}

std::vector<model::VertexId> ChildrenOf(const model::Graph& g,
                                        model::VertexId v,
                                        model::RelationSet rels) {
  std::vector<model::VertexId> out;
  for (const model::Neighbor& n : g.OutLinks(v, rels)) out.push_back(n.other);
  return out;
}

model::EdgeId L(const model::Graph& g, std::string_view child,
                std::string_view relation, std::string_view parent) {
  for (model::EdgeId e = 0; e < g.num_links(); ++e) {
    if (g.id(g.child(e)) == child && g.id(g.parent(e)) == parent &&
        model::RelationName(g.relation(e)) == relation)
      return e;
  }
  ADD_FAILURE() << "no link " << child << " " << relation << " " << parent;
  return 0;
}

}  // namespace lineage::testing
