#include "registry/enums.h"

#include "core/text.h"

namespace lz::enums {

static const Value kRelationships[] = {
    {"01", "本人", "self (head)"},     {"10", "配偶", "spouse"},     {"20", "子", "son"},
    {"30", "女", "daughter"},          {"40", "孙子女", "grandchild"}, {"50", "父母", "parent"},
    {"60", "祖父母", "grandparent"},   {"70", "兄弟姐妹", "sibling"}, {"99", "其他", "other"},
};
static const Value kLabour[] = {
    {"ordinary", "普通劳动力", "ordinary labour"},
    {"skilled", "技能劳动力", "skilled labour"},
    {"weak", "弱劳动力或半劳动力", "weak or half labour"},
    {"lost", "丧失劳动力", "lost labour capacity"},
    {"none", "无劳动力", "no labour capacity"},
};
static const Value kEducation[] = {
    {"illiterate", "文盲或半文盲", "illiterate or semi-literate"},
    {"primary", "小学", "primary school"},
    {"junior_secondary", "初中", "junior secondary"},
    {"senior_secondary", "高中", "senior secondary"},
    {"college", "大专及以上", "college or above"},
    {"preschool", "学龄前儿童", "preschool child"},
};
static const Value kEnrolment[] = {
    {"not_enrolled", "非在校生", "not in school"},
    {"preschool", "学前教育", "preschool"},
    {"primary", "小学", "primary school"},
    {"junior_secondary", "初中", "junior secondary"},
    {"senior_secondary", "普通高中", "senior secondary"},
    {"vocational", "中职", "secondary vocational"},
    {"higher", "高职或本科及以上", "higher education"},
    {"dropped_out", "辍学", "dropped out"},
};
static const Value kHealth[] = {
    {"healthy", "健康", "healthy"},
    {"chronic_illness", "长期慢性病", "chronic illness"},
    {"serious_illness", "患有大病", "serious illness"},
    {"disabled", "残疾", "disabled"},
};
static const Value kCadreKinds[] = {
    {"village_stationed", "驻村干部", "village-stationed cadre"},
    {"paired", "结对帮扶干部", "paired cadre"},
    {"poverty_officer", "扶贫专干", "poverty officer"},
    {"village_committee", "村支两委", "village committee"},
};
#define E(n, en) {n, n, en}
static const Value kEthnicities[] = {
    E("汉族", "Han"), E("蒙古族", "Mongol"), E("回族", "Hui"), E("藏族", "Tibetan"), E("维吾尔族", "Uyghur"),
    E("苗族", "Miao"), E("彝族", "Yi"), E("壮族", "Zhuang"), E("布依族", "Buyei"), E("朝鲜族", "Korean"),
    E("满族", "Manchu"), E("侗族", "Dong"), E("瑶族", "Yao"), E("白族", "Bai"), E("土家族", "Tujia"),
    E("哈尼族", "Hani"), E("哈萨克族", "Kazakh"), E("傣族", "Dai"), E("黎族", "Li"), E("傈僳族", "Lisu"),
    E("佤族", "Wa"), E("畲族", "She"), E("高山族", "Gaoshan"), E("拉祜族", "Lahu"), E("水族", "Sui"),
    E("东乡族", "Dongxiang"), E("纳西族", "Nakhi"), E("景颇族", "Jingpo"), E("柯尔克孜族", "Kyrgyz"),
    E("土族", "Tu"), E("达斡尔族", "Daur"), E("仫佬族", "Mulao"), E("羌族", "Qiang"), E("布朗族", "Blang"),
    E("撒拉族", "Salar"), E("毛南族", "Maonan"), E("仡佬族", "Gelao"), E("锡伯族", "Xibe"),
    E("阿昌族", "Achang"), E("普米族", "Pumi"), E("塔吉克族", "Tajik"), E("怒族", "Nu"),
    E("乌孜别克族", "Uzbek"), E("俄罗斯族", "Russian"), E("鄂温克族", "Evenki"), E("德昂族", "De'ang"),
    E("保安族", "Bonan"), E("裕固族", "Yugur"), E("京族", "Gin"), E("塔塔尔族", "Tatar"),
    E("独龙族", "Derung"), E("鄂伦春族", "Oroqen"), E("赫哲族", "Hezhen"), E("门巴族", "Monpa"),
    E("珞巴族", "Lhoba"), E("基诺族", "Jino"),
};
#undef E

std::span<const Value> relationships() { return kRelationships; }
std::span<const Value> labour_capacities() { return kLabour; }
std::span<const Value> education_levels() { return kEducation; }
std::span<const Value> enrolments() { return kEnrolment; }
std::span<const Value> health_statuses() { return kHealth; }
std::span<const Value> ethnicities() { return kEthnicities; }
std::span<const Value> cadre_kinds() { return kCadreKinds; }

std::optional<Value> find(std::span<const Value> values, std::string_view input) {
  std::string s = text::normalize(input);
  if (s.empty()) return std::nullopt;
  // Relationship codes may lose their leading zero in Excel ("1" for "01").
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '9' && values.data() == kRelationships) s = "0" + s;
  for (const auto& v : values) {
    if (s == v.id || s == v.zh || s == v.en) return v;
  }
  if (values.data() == kEthnicities) {
    for (const auto& v : values)
      if (s + "族" == v.zh) return v;
  }
  return std::nullopt;
}

std::string list_zh(std::span<const Value> values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += "、";
    out += std::string(v.id) == v.zh ? v.zh : std::string(v.id) + " " + v.zh;
  }
  return out;
}
std::string list_en(std::span<const Value> values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += ", ";
    out += std::string(v.id) + " (" + v.en + ")";
  }
  return out;
}

}  // namespace lz::enums
