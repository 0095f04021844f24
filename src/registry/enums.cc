#include "registry/enums.h"

#include <algorithm>

#include "core/text.h"

namespace lz::enums {

static const Value kRelationships[] = {
    {"01", "本人", "self (head)"},   {"10", "配偶", "spouse"},       {"20", "子", "son"},
    {"30", "女", "daughter"},        {"40", "孙子女", "grandchild"}, {"50", "父母", "parent"},
    {"60", "祖父母", "grandparent"}, {"70", "兄弟姐妹", "sibling"},  {"99", "其他", "other"},
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
#define E(n, en) \
  { n, n, en }
static const Value kEthnicities[] = {
    E("汉族", "Han"),         E("蒙古族", "Mongol"),     E("回族", "Hui"),
    E("藏族", "Tibetan"),     E("维吾尔族", "Uyghur"),   E("苗族", "Miao"),
    E("彝族", "Yi"),          E("壮族", "Zhuang"),       E("布依族", "Buyei"),
    E("朝鲜族", "Korean"),    E("满族", "Manchu"),       E("侗族", "Dong"),
    E("瑶族", "Yao"),         E("白族", "Bai"),          E("土家族", "Tujia"),
    E("哈尼族", "Hani"),      E("哈萨克族", "Kazakh"),   E("傣族", "Dai"),
    E("黎族", "Li"),          E("傈僳族", "Lisu"),       E("佤族", "Wa"),
    E("畲族", "She"),         E("高山族", "Gaoshan"),    E("拉祜族", "Lahu"),
    E("水族", "Sui"),         E("东乡族", "Dongxiang"),  E("纳西族", "Nakhi"),
    E("景颇族", "Jingpo"),    E("柯尔克孜族", "Kyrgyz"), E("土族", "Tu"),
    E("达斡尔族", "Daur"),    E("仫佬族", "Mulao"),      E("羌族", "Qiang"),
    E("布朗族", "Blang"),     E("撒拉族", "Salar"),      E("毛南族", "Maonan"),
    E("仡佬族", "Gelao"),     E("锡伯族", "Xibe"),       E("阿昌族", "Achang"),
    E("普米族", "Pumi"),      E("塔吉克族", "Tajik"),    E("怒族", "Nu"),
    E("乌孜别克族", "Uzbek"), E("俄罗斯族", "Russian"),  E("鄂温克族", "Evenki"),
    E("德昂族", "De'ang"),    E("保安族", "Bonan"),      E("裕固族", "Yugur"),
    E("京族", "Gin"),         E("塔塔尔族", "Tatar"),    E("独龙族", "Derung"),
    E("鄂伦春族", "Oroqen"),  E("赫哲族", "Hezhen"),     E("门巴族", "Monpa"),
    E("珞巴族", "Lhoba"),     E("基诺族", "Jino"),
};
#undef E

// GB/T 4761-2008 (家庭关系代码) has two-digit codes under each one-digit
// category (22 长子, 38 儿媳, 51 父亲 ...) and the labels local registers use
// for them. The registry keeps the category the issue names (01, 10, ... 70,
// 99), so a detailed code or label is folded into its category: the first
// digit, with 02 户主 as 01 and the 8x/9x relatives (uncles, cousins,
// nephews, non-relatives) as 99.
static const std::pair<const char*, const char*> kRelationshipLabels[] = {
    {"户主", "01"},     {"本人或户主", "01"}, {"夫", "10"},         {"妻", "10"},
    {"丈夫", "10"},     {"妻子", "10"},       {"独生子", "20"},     {"长子", "20"},
    {"次子", "20"},     {"三子", "20"},       {"四子", "20"},       {"五子", "20"},
    {"养子", "20"},     {"继子", "20"},       {"养子或继子", "20"}, {"女婿", "20"},
    {"儿子", "20"},     {"其他儿子", "20"},   {"独生女", "30"},     {"长女", "30"},
    {"次女", "30"},     {"三女", "30"},       {"四女", "30"},       {"五女", "30"},
    {"养女", "30"},     {"继女", "30"},       {"养女或继女", "30"}, {"儿媳", "30"},
    {"女儿", "30"},     {"其他女儿", "30"},   {"孙子", "40"},       {"孙女", "40"},
    {"外孙子", "40"},   {"外孙女", "40"},     {"外孙", "40"},       {"孙媳妇", "40"},
    {"孙女婿", "40"},   {"曾孙子", "40"},     {"曾孙女", "40"},     {"父亲", "50"},
    {"母亲", "50"},     {"公公", "50"},       {"婆婆", "50"},       {"岳父", "50"},
    {"岳母", "50"},     {"继父", "50"},       {"继母", "50"},       {"养父", "50"},
    {"养母", "50"},     {"祖父", "60"},       {"祖母", "60"},       {"外祖父", "60"},
    {"外祖母", "60"},   {"兄", "70"},         {"哥哥", "70"},       {"嫂", "70"},
    {"嫂子", "70"},     {"弟", "70"},         {"弟弟", "70"},       {"弟媳", "70"},
    {"姐", "70"},       {"姐姐", "70"},       {"姐夫", "70"},       {"妹", "70"},
    {"妹妹", "70"},     {"妹夫", "70"},       {"伯父", "99"},       {"伯母", "99"},
    {"叔父", "99"},     {"婶母", "99"},       {"舅父", "99"},       {"舅母", "99"},
    {"姨父", "99"},     {"姨母", "99"},       {"姑父", "99"},       {"姑母", "99"},
    {"侄子", "99"},     {"侄女", "99"},       {"外甥", "99"},       {"外甥女", "99"},
    {"其他亲属", "99"}, {"非亲属", "99"},
};

std::optional<std::string> relationship_category(std::string_view normalized) {
  std::string s(normalized);
  if (s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') {
    int n = (s[0] - '0') * 10 + (s[1] - '0');
    if (n == 1 || n == 2) return "01";    // 01 本人, 02 户主
    if (n >= 10 && n <= 12) return "10";  // 10 配偶, 11 夫, 12 妻
    if (n >= 20 && n <= 79) return std::string(1, s[0]) + "0";
    if ((n >= 80 && n <= 97) || n == 99) return "99";  // other relatives, non-relatives
    return std::nullopt;                               // 00, 03-09, 13-19, 98: no such code
  }
  for (const auto& [label, code] : kRelationshipLabels)
    if (s == label) return code;
  return std::nullopt;
}

std::span<const Value> relationships() {
  return kRelationships;
}
std::span<const Value> labour_capacities() {
  return kLabour;
}
std::span<const Value> education_levels() {
  return kEducation;
}
std::span<const Value> enrolments() {
  return kEnrolment;
}
std::span<const Value> health_statuses() {
  return kHealth;
}
std::span<const Value> ethnicities() {
  return kEthnicities;
}
std::span<const Value> cadre_kinds() {
  return kCadreKinds;
}

namespace {
// The Traditional characters of the vocabularies' labels (the ones above and
// relationship_category's), each with its Simplified one: OpenCC s2t, s2tw
// and s2hk of every character in this file, so that a register kept in
// Traditional (戶主, 長子, 漢族, 無勞動力, 小學) reads as it does in
// Simplified. The registry links no OpenCC; the importers convert names and
// addresses with it (exchange/simplified.h).
constexpr std::string_view kTraditional[][2] = {
    {"倫", "伦"}, {"兒", "儿"}, {"兩", "两"}, {"別", "别"}, {"動", "动"}, {"勞", "劳"},
    {"喪", "丧"}, {"壯", "壮"}, {"婦", "妇"}, {"嬸", "婶"}, {"孫", "孙"}, {"學", "学"},
    {"專", "专"}, {"對", "对"}, {"屬", "属"}, {"嶽", "岳"}, {"幫", "帮"}, {"幹", "干"},
    {"戶", "户"}, {"東", "东"}, {"殘", "残"}, {"溫", "温"}, {"滿", "满"}, {"漢", "汉"},
    {"烏", "乌"}, {"無", "无"}, {"爾", "尔"}, {"獨", "独"}, {"瑤", "瑶"}, {"碼", "码"},
    {"納", "纳"}, {"結", "结"}, {"維", "维"}, {"繼", "继"}, {"羅", "罗"}, {"職", "职"},
    {"薩", "萨"}, {"親", "亲"}, {"諾", "诺"}, {"讀", "读"}, {"貧", "贫"}, {"輟", "辍"},
    {"達", "达"}, {"鄉", "乡"}, {"錫", "锡"}, {"長", "长"}, {"門", "门"}, {"關", "关"},
    {"頗", "颇"}, {"養", "养"}, {"駐", "驻"}, {"鮮", "鲜"}, {"齡", "龄"}, {"龍", "龙"},
};

// `s` with each character of kTraditional replaced by its Simplified one.
std::string fold_traditional(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    if (static_cast<unsigned char>(s[i]) >= 0xE0 && i + 3 <= s.size()) {
      for (const auto& [trad, simp] : kTraditional)
        if (s.substr(i, 3) == trad) {
          out += simp;
          i += 3;
          done = true;
          break;
        }
    }
    if (!done) out += s[i++];
  }
  return out;
}
}  // namespace

namespace {
// The words registers and local forms use for a value, other than its
// label, with the value's id. A student in 劳动技能 is no labour (the national
// system records a pupil of school age as a student, not as labour: rule
// consistency.student_labour); 在校生 in 在校生状况 says no school and stays
// refused, naming the choices.
struct Word {
  std::string_view word;
  const char* id;
};
constexpr Word kLabourWords[] = {
    {"在校生", "none"},   {"在校学生", "none"}, {"学生", "none"},     {"在读", "none"},
    {"在读学生", "none"}, {"弱劳动力", "weak"}, {"半劳动力", "weak"}, {"丧失劳动能力", "lost"},
};
constexpr Word kHealthWords[] = {
    {"慢性病", "chronic_illness"},
    {"大病", "serious_illness"},
    {"重病", "serious_illness"},
    {"残疾人", "disabled"},
};
constexpr Word kEnrolmentWords[] = {
    {"非在校", "not_enrolled"},   {"不在校", "not_enrolled"},   {"幼儿园", "preschool"},
    {"学前班", "preschool"},      {"学前", "preschool"},        {"初一", "junior_secondary"},
    {"初二", "junior_secondary"}, {"初三", "junior_secondary"}, {"高中", "senior_secondary"},
    {"高一", "senior_secondary"}, {"高二", "senior_secondary"}, {"高三", "senior_secondary"},
    {"中专", "vocational"},       {"职高", "vocational"},       {"技校", "vocational"},
    {"高职", "higher"},           {"大专", "higher"},           {"本科", "higher"},
    {"大学", "higher"},           {"研究生", "higher"},
};

std::span<const Word> words_for(std::span<const Value> values) {
  if (values.data() == kLabour) return kLabourWords;
  if (values.data() == kHealth) return kHealthWords;
  if (values.data() == kEnrolment) return kEnrolmentWords;
  return {};
}

// A grade (一年级 … 九年级) after a school or alone: the school ("小学",
// "初中", "" for a grade alone) and the grade 1–9, or grade 0 for none.
std::pair<std::string_view, int> split_grade(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五",
                                                 "六", "七", "八", "九"};
  constexpr std::string_view kGrade = "年级";
  if (s.size() < 3 + kGrade.size() || s.substr(s.size() - kGrade.size()) != kGrade) return {s, 0};
  std::string_view digit = s.substr(s.size() - kGrade.size() - 3, 3);
  for (int i = 0; i < 9; ++i)
    if (digit == kDigits[i]) return {s.substr(0, s.size() - kGrade.size() - 3), i + 1};
  return {s, 0};
}
}  // namespace

// find() without the Traditional fold.
static std::optional<Value> find_simplified(std::span<const Value> values, std::string_view input);

std::optional<Value> find(std::span<const Value> values, std::string_view input) {
  auto found = find_simplified(values, input);
  if (found) return found;
  std::string folded = fold_traditional(input);
  if (folded != input) return find_simplified(values, folded);
  return std::nullopt;
}

static std::optional<Value> find_simplified(std::span<const Value> values, std::string_view input) {
  std::string s = text::normalize(input);
  if (s.empty()) return std::nullopt;
  // Relationship codes may lose their leading zero in Excel ("1" for "01").
  if (s.size() == 1 && s[0] >= '1' && s[0] <= '9' && values.data() == kRelationships) s = "0" + s;
  for (const auto& v : values) {
    if (s == v.id || s == v.zh || s == v.en) return v;
  }
  if (values.data() == kRelationships) {
    if (auto code = relationship_category(s)) return find(values, *code);
    return std::nullopt;
  }
  if (values.data() == kEthnicities) {
    for (const auto& v : values)
      if (s + "族" == v.zh) return v;
  }
  for (const auto& w : words_for(values))
    if (s == w.word) return find_simplified(values, w.id);
  if (values.data() == kEnrolment) {
    auto [school, grade] = split_grade(s);
    if (grade > 0 && school.empty())
      return find_simplified(values, grade <= 6 ? "primary" : "junior_secondary");
    if (grade > 0) return find_simplified(values, school);
  }
  return std::nullopt;
}

std::string list_zh(std::span<const Value> values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += "、";
    // A code (01 本人（户主）) helps whoever fills the register in; an English
    // id (ordinary) is no word of a Chinese message.
    const std::string_view id(v.id);
    const bool code = !id.empty() && std::all_of(id.begin(), id.end(),
                                                 [](char c) { return c >= '0' && c <= '9'; });
    out += code && std::string(v.id) != v.zh ? std::string(v.id) + " " + v.zh : std::string(v.zh);
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
