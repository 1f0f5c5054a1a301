#include "render/words.h"

#include <array>

namespace lineage::render {
namespace {

constexpr Words kEnglish{
    .eras = "eras",
    .kinds = "kinds",
    .links = "links",
    .today = "today",
    .undated = "undated",
    .undated_tip = "Works without a date (organizations)",
    .organization = "Organization",
    .people = "People",
    .paper = "Paper",
    .source = "Source",
    .after_article = "[after the article] ",
    .extension_note =
        "dashed border: added by the project after the article, "
        "each link with its source; solid: as the article "
        "tells it",
    .highlighted = "highlighted: what was asked for",
    .highlighted_faded = "highlighted: what was asked for; faded: the rest",
    .main_path_bold =
        "bold: the main path of the graph (search path count), drawn for a "
        "view this big; faded: the rest",
    .direction =
        "edges run from the older work to the newer; hover for evidence",
    .reduced_one = "transitive reduction: {} implied influence link hidden",
    .reduced_many = "transitive reduction: {} implied influence links hidden",
    .undated_one =
        "{} undated work (organization) after the last year; "
        "hover for its links",
    .undated_many =
        "{} undated works (organizations) after the last year; "
        "hover for their links",
    .placed_one =
        "{} undated work placed by its links: after its latest dated "
        "ancestor, else before its earliest dated descendant",
    .placed_many =
        "{} undated works placed by their links: after their latest dated "
        "ancestor, else before their earliest dated descendant",
    .back_one =
        "{} link runs back in time (orange): its newer work is dated "
        "before the older one",
    .back_many =
        "{} links run back in time (orange): their newer work is dated "
        "before the older one",
    .direct_one =
        "{} long link drawn faint, behind the works, to keep the picture "
        "readable",
    .direct_many =
        "{} long links drawn faint, behind the works, to keep the picture "
        "readable",
    .grouped_one =
        "{} works grouped into {} stack: leaves (works nothing in the view "
        "builds on) of one column with the same parents, or the same main "
        "parent; hover for its works",
    .grouped_many =
        "{} works grouped into {} stacks: leaves (works nothing in the view "
        "builds on) of one column with the same parents, or the same main "
        "parent; hover for their works",
    .group_more = "and {} more",
    .group_works = "{} of its {} works",
    .group_tip = "{} works with the same parents: {}",
    .group_main_tip =
        "{} works building on {}, of their parents the one with the most "
        "children in the view:",
    .group_alone_tip = "{} works without links in the view:",
};

constexpr Words kChinese{
    .eras = "时代",
    .kinds = "类型",
    .links = "关系",
    .today = "至今",
    .undated = "无日期",
    .undated_tip = "没有日期的工作 (机构)",
    .organization = "机构",
    .people = "人物",
    .paper = "论文",
    .source = "来源",
    .after_article = "[原文之后] ",
    .extension_note =
        "虚线边框：本项目在原文之后补充，每条关系注明来源；"
        "实线边框：原文所述",
    .highlighted = "高亮：所问的内容",
    .highlighted_faded = "高亮：所问的内容；淡化：其余部分",
    .main_path_bold =
        "粗线：图的主路径 (搜索路径计数)，因视图较大而标出；淡化：其余部分",
    .direction = "箭头从较早的工作指向较新的工作；悬停查看依据",
    .reduced_one = "传递约简：隐藏了 {} 条可由其他路径推出的影响关系",
    .reduced_many = "传递约简：隐藏了 {} 条可由其他路径推出的影响关系",
    .undated_one = "{} 个无日期的工作 (机构) 位于最后一年之后；悬停查看其关系",
    .undated_many = "{} 个无日期的工作 (机构) 位于最后一年之后；悬停查看其关系",
    .placed_one =
        "{} 个无日期的工作按其关系放置：在最晚的有日期祖先之后，"
        "否则在最早的有日期后代之前",
    .placed_many =
        "{} 个无日期的工作按其关系放置：在最晚的有日期祖先之后，"
        "否则在最早的有日期后代之前",
    .back_one = "{} 条关系逆时间方向 (橙色)：较新的工作日期早于较旧的工作",
    .back_many = "{} 条关系逆时间方向 (橙色)：较新的工作日期早于较旧的工作",
    .direct_one = "{} 条长关系以浅色画在工作之后，以保持图面清晰",
    .direct_many = "{} 条长关系以浅色画在工作之后，以保持图面清晰",
    .grouped_one =
        "{} 个工作合并为 {} 叠：同一列中父节点相同或主父节点相同的叶节点 "
        "(视图中没有工作基于它们)；悬停查看其中的工作",
    .grouped_many =
        "{} 个工作合并为 {} 叠：同一列中父节点相同或主父节点相同的叶节点 "
        "(视图中没有工作基于它们)；悬停查看其中的工作",
    .group_more = "等另外 {} 个",
    .group_works = "其 {1} 个工作中的 {0} 个",
    .group_tip = "{} 个父节点相同的工作：{}",
    .group_main_tip = "{} 个基于 {} 的工作 (其父节点中在视图里子节点最多者)：",
    .group_alone_tip = "{} 个在视图中没有关系的工作：",
};

// In the order of model::Kind and model::Relation.
constexpr std::array<std::string_view, 10> kKindsZh{
    "论文", "模型", "架构", "数据集", "技术",
    "产品", "软件", "机构", "事件",   "艺术作品"};
constexpr std::array<std::string_view, 10> kRelationsZh{
    "基于", "受启发于", "使用",   "复现", "源于",
    "引用", "训练于",   "发布方", "回应", "涉及"};

}  // namespace

const Words& WordsFor(model::Language language) {
  return language == model::Language::kChinese ? kChinese : kEnglish;
}

std::string_view KindLabel(model::Kind kind, model::Language language) {
  if (language == model::Language::kChinese)
    return kKindsZh[static_cast<std::size_t>(kind)];
  return model::KindName(kind);
}

std::string_view RelationLabel(const model::RelationVocabulary& vocabulary,
                               model::Relation relation,
                               model::Language language) {
  if (language == model::Language::kChinese && model::IsBuiltIn(relation))
    return kRelationsZh[static_cast<std::size_t>(relation)];
  return vocabulary.Name(relation);
}

}  // namespace lineage::render
