// Facts any reader of "Ten Years of Image Synthesis" would expect of the
// bundled knowledge graph's article layer, and facts a reader of the papers
// would expect of the whole graph with the project's extension.
#include <gtest/gtest.h>

#include <set>

#include "analysis/ancestry.h"
#include "analysis/dominators.h"
#include "analysis/paths.h"
#include "analysis/rank.h"
#include "engine/engine.h"
#include "io/load.h"
#include "io/yaml_loader.h"
#include "model/resolve.h"
#include "testing/fixtures.h"

namespace lineage {
namespace {

class BundledGraphTest : public ::testing::Test {
 protected:
  // The article's layer: the graph as the article tells it.
  static void SetUpTestSuite() {
    auto e = engine::Engine::Open({LINEAGE_BUNDLED_DATA},
                                  {.layer = model::Layer::kArticle});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = new engine::Engine(std::move(e).value());
    graph_ = &engine_->graph();
  }
  static void TearDownTestSuite() { delete engine_; }

  static model::VertexId W(const char* name) {
    auto v = model::Resolve(*graph_, name);
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? *v : 0;
  }
  static bool IsAncestor(const char* older, const char* newer) {
    for (const auto& r :
         analysis::Reach(*graph_, W(newer), analysis::Direction::kAncestors))
      if (r.work == W(older)) return true;
    return false;
  }
  static bool HasLink(const char* child, model::Relation rel,
                      const char* parent) {
    for (const model::Link& l : testing::Links(*graph_))
      if (l.child == W(child) && l.parent == W(parent) && l.relation == rel)
        return true;
    return false;
  }

  static engine::Engine* engine_;
  static const model::Graph* graph_;
};
engine::Engine* BundledGraphTest::engine_ = nullptr;
const model::Graph* BundledGraphTest::graph_ = nullptr;

TEST_F(BundledGraphTest, EveryMilestoneOfTheArticleIsAWork) {
  for (const char* name : {"deep belief nets",
                           "VAE",
                           "DeepDream",
                           "AlexNet",
                           "ImageNet",
                           "GAN",
                           "DCGAN",
                           "Attention is all you need",
                           "BERT",
                           "Conceptual Captions",
                           "StyleGAN",
                           "StyleGAN2-ADA",
                           "FFHQ",
                           "GPT-3",
                           "ViT",
                           "VQGAN",
                           "Zero-shot text-to-image generation",
                           "DALL-E",
                           "CLIP",
                           "Diffusion models beat GANs",
                           "DALL-E mini",
                           "Conceptual 12M",
                           "YFCM100M",
                           "CLIP-guided diffusion",
                           "VQGAN-CLIP",
                           "wombo.ai",
                           "GLIDE",
                           "DALL-E 2",
                           "Imagegen",
                           "Parti",
                           "Stable Diffusion",
                           "DreamBooth",
                           "Shutterstock",
                           "MNIST",
                           "Labeled Faces in the Wild",
                           "Toronto Faces",
                           "路人回忆 I",
                           "深度信念网"}) {
    EXPECT_TRUE(model::Resolve(*graph_, name).ok()) << name;
  }
}

TEST_F(BundledGraphTest, DatesFollowTheArticle) {
  const std::pair<const char*, const char*> dates[] = {
      {"AlexNet", "2012-12"},
      {"GAN", "2014-12"},
      {"DCGAN", "2015-11"},
      {"Transformer", "2017-06"},
      {"Conceptual Captions", "2018-07"},
      {"GPT-3", "2020-05"},
      {"VQGAN", "2020-12"},
      {"DALL-E", "2021-01"},
      {"CLIP", "2021-01"},
      {"DALL-E mini", "2021-07"},
      {"DALL-E 2", "2022-04"},
      {"Imagen", "2022-05"},
      {"Parti", "2022-06"},
      {"Stable Diffusion", "2022-08"},
      {"DreamBooth", "2022-08"},
      {"Shutterstock deal", "2022-10"},
      {"deep belief nets", "2006-07"}};
  for (const auto& [name, date] : dates)
    EXPECT_EQ(testing::WorkOf(*graph_, W(name)).date.ToString(), date) << name;
}

TEST_F(BundledGraphTest, ErasAreTheArticlesPeriods) {
  std::vector<std::string> names;
  for (const model::Era& e : graph_->eras()) names.push_back(e.name);
  EXPECT_EQ(names, (std::vector<std::string>{
                       "Pre-history", "The Beginnings", "Five Years of GANs",
                       "The Age of Transformers", "AI as Photoshop"}));
  EXPECT_EQ(testing::WorkOf(*graph_, W("CLIP")).details.era,
            "age-of-transformers");
  EXPECT_EQ(testing::WorkOf(*graph_, W("Stable Diffusion")).details.era,
            "ai-as-photoshop");
  EXPECT_EQ(testing::WorkOf(*graph_, W("DeepDream")).details.era,
            "pre-history");
}

TEST_F(BundledGraphTest, GanLeadsToStyleGanThroughDcgan) {
  EXPECT_TRUE(IsAncestor("GAN", "StyleGAN"));
  analysis::PathSet paths =
      analysis::AllPaths(*graph_, W("GAN"), W("StyleGAN"));
  ASSERT_FALSE(paths.paths.empty());
  for (const analysis::Path& p : paths.paths) {
    EXPECT_NE(std::find(p.works.begin(), p.works.end(), W("DCGAN")),
              p.works.end());
  }
}

TEST_F(BundledGraphTest, ClipAndGlideAreAncestorsOfDalle2) {
  EXPECT_TRUE(IsAncestor("CLIP", "DALL-E 2"));
  EXPECT_TRUE(HasLink("DALL-E 2", model::Relation::kBuildsOn, "GLIDE"));
  EXPECT_TRUE(IsAncestor("Transformer", "DALL-E 2"));
  EXPECT_FALSE(IsAncestor("Stable Diffusion", "DALL-E 2"));
}

TEST_F(BundledGraphTest, TheTransformerIsBehindTheAgeOfTransformers) {
  for (const char* work :
       {"BERT", "GPT-3", "ViT", "CLIP", "DALL-E", "Parti", "Stable Diffusion"})
    EXPECT_TRUE(IsAncestor("Transformer", work)) << work;
}

TEST_F(BundledGraphTest, KnowledgeFromTheText) {
  EXPECT_TRUE(HasLink("DALL-E mini", model::Relation::kReplicates, "DALL-E"));
  EXPECT_TRUE(HasLink("DALL-E", model::Relation::kUses, "VAE"));
  EXPECT_TRUE(
      HasLink("DALL-E", model::Relation::kTrainedOn, "Conceptual Captions"));
  EXPECT_TRUE(HasLink("StyleGAN", model::Relation::kTrainedOn, "FFHQ"));
  EXPECT_TRUE(HasLink("StyleGAN2-ADA", model::Relation::kBuildsOn, "StyleGAN"));
  EXPECT_TRUE(HasLink("Imagen", model::Relation::kRespondsTo, "DALL-E 2"));
  EXPECT_TRUE(HasLink("Parti", model::Relation::kPublishedBy, "Google"));
  EXPECT_TRUE(HasLink("Stable Diffusion", model::Relation::kPublishedBy,
                      "Stability.ai"));
  EXPECT_TRUE(HasLink("GAN", model::Relation::kTrainedOn, "Toronto Faces"));
  EXPECT_TRUE(HasLink("latent space manipulation",
                      model::Relation::kIntroducedBy, "DCGAN"));
  // Datasets are knowledge, not lineage.
  EXPECT_FALSE(IsAncestor("ImageNet", "GAN"));
}

// "Which works were most influential" should read like the article: the
// foundations first, not the newest leaves.
TEST_F(BundledGraphTest, PageRankPutsTheFoundationsFirst) {
  auto scores = analysis::Score(*graph_, analysis::Metric::kPageRank);
  ASSERT_TRUE(scores.ok());
  auto top = analysis::RankWorks(*graph_, *scores, {}, 8);
  std::set<std::string> ids;
  for (const auto& r : top) ids.insert(testing::WorkOf(*graph_, r.work).id);
  for (const char* foundation : {"gan", "transformer", "alexnet", "clip"})
    EXPECT_TRUE(ids.count(foundation)) << foundation;
  for (const char* leaf :
       {"dreambooth", "stable-diffusion", "parti", "dall-e-2"})
    EXPECT_FALSE(ids.count(leaf)) << leaf;
}

TEST_F(BundledGraphTest, StyleGanCannotDoWithoutDcgan) {
  auto dom = analysis::Dominators::Compute(analysis::Digraph::Build(*graph_));
  auto need = dom.Necessary(W("StyleGAN"));
  EXPECT_NE(std::find(need.begin(), need.end(), W("DCGAN")), need.end());
}

TEST_F(BundledGraphTest, EveryWorkIsDescribedAndEveryLinkHasEvidence) {
  for (const model::Work& w : testing::Works(*graph_)) {
    EXPECT_FALSE(w.details.summary.empty()) << w.id;
    if (w.kind != model::Kind::kOrganization) {
      EXPECT_TRUE(w.date.known()) << w.id;
      EXPECT_FALSE(w.details.era.empty()) << w.id;
    }
  }
  for (const model::Link& l : testing::Links(*graph_))
    EXPECT_GE(l.details.evidence.size(), 15u)
        << testing::WorkOf(*graph_, l.child).id;
}

// The whole graph: the article and the project's extension after it.
class ExtendedGraphTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = engine::Engine::Open({LINEAGE_BUNDLED_DATA});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = new engine::Engine(std::move(e).value());
  }
  static void TearDownTestSuite() { delete engine_; }
  static model::VertexId W(const char* name) {
    auto v = engine_->Find(name);
    EXPECT_TRUE(v.ok()) << v.status().message();
    return v.ok() ? *v : 0;
  }
  static std::set<model::VertexId> Ancestors(const char* work) {
    std::set<model::VertexId> out;
    for (const auto& r :
         engine_->Reach(W(work), analysis::Direction::kAncestors))
      out.insert(r.work);
    return out;
  }
  static engine::Engine* engine_;
};
engine::Engine* ExtendedGraphTest::engine_ = nullptr;

TEST_F(ExtendedGraphTest, TheMainLinesAfterTheArticleAreWorks) {
  for (const char* name : {"DDPM",
                           "DDIM",
                           "Classifier-free guidance",
                           "U-Net",
                           "DiT",
                           "Stable Diffusion 3",
                           "SDXL",
                           "FLUX.1",
                           "ControlNet",
                           "LoRA",
                           "Textual inversion",
                           "Consistency models",
                           "LAION-5B",
                           "Sora",
                           "DALL-E 3",
                           "Midjourney",
                           "VQ-VAE",
                           "MaskGIT",
                           "BigGAN",
                           "StyleGAN2",
                           "DPM-Solver++"})
    EXPECT_TRUE(engine_->Find(name).ok()) << name;
  // "DPM-Solver++" is its own work, not DPM-Solver.
  EXPECT_NE(W("DPM-Solver++"), W("DPM-Solver"));
}

TEST_F(ExtendedGraphTest, DiffusionLeadsToStableDiffusion3) {
  EXPECT_TRUE(engine_->ShortestPath(W("DDPM"), W("Stable Diffusion 3")));
  EXPECT_TRUE(Ancestors("Stable Diffusion 3").count(W("DiT")));
  EXPECT_TRUE(Ancestors("Stable Diffusion").count(W("U-Net")));
  auto control = Ancestors("ControlNet");
  EXPECT_TRUE(control.count(W("Stable Diffusion")));
}

TEST_F(ExtendedGraphTest, EveryExtensionLinkCitesItsSource) {
  const model::Graph& g = engine_->graph();
  std::size_t extension_links = 0;
  for (model::EdgeId e = 0; e < g.num_links(); ++e) {
    const model::LinkDetails& d = g.link_details(e);
    if (d.layer != model::Layer::kExtension) continue;
    ++extension_links;
    EXPECT_FALSE(d.citation.empty()) << g.id(g.child(e));
    EXPECT_GE(d.evidence.size(), 15u) << g.id(g.child(e));
  }
  for (model::EdgeId e = 0; e < g.num_links(); ++e) {
    if (g.link_details(e).layer != model::Layer::kArticle) continue;
    EXPECT_EQ(g.details(g.parent(e)).layer, model::Layer::kArticle);
    EXPECT_EQ(g.details(g.child(e)).layer, model::Layer::kArticle);
  }
  EXPECT_GT(extension_links, 200u);
}

}  // namespace
}  // namespace lineage
