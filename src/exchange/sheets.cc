#include "exchange/sheets.h"

#include "livelihood/supplies.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "exchange/template_example.h"
#include "exchange/xlsx_book.h"
#include "registry/enums.h"
#include "registry/region_tree.h"

namespace lz::exchange {

static std::string accepted(const std::string& key) {
  auto list = [](std::span<const enums::Value> v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.zh);
    return fmt::format("{}", fmt::join(out, "、"));
  };
  if (key == "relationship") return "填代码或名称：" + enums::list_zh(enums::relationships());
  if (key == "education") return list(enums::education_levels());
  if (key == "enrolment") return list(enums::enrolments());
  if (key == "health") return list(enums::health_statuses());
  if (key == "labour") return list(enums::labour_capacities());
  if (key == "ethnicity") return "56个民族之一，可省略“族”字，如“汉”";
  if (key == "id_number") return "18位；请将该列设为文本，否则Excel会改成科学计数法并丢失末几位";
  if (key == "birth_date")
    return "可省略（取自身份证号）；2020-02-12、2020/2/12、2020年2月12日均可";
  if (key == "sex") return "可省略（取自身份证号）；男或女";
  if (key == "number") return "同一户的各成员行填同一户编号，并排在一起";
  if (key == "region_code") return "12位村级统计用区划代码（或15位组代码）；与“所在村”二选一";
  if (key == "village") return "村（社区）名称；重名时写成“乡镇名+村名”；与“行政区划代码”二选一";
  if (key == "phone") return "11位手机号，或带区号的座机";
  // The epidemic kinds (key_persons, passages, follow_ups).
  if (key == "category") return "确诊、疑似、发热、密切接触者（密接）、湖北返乡";
  if (key == "source") return "卡点、电话排查、主动申报（空白即此）、医院、流调、走访";
  if (key == "travel_mode") return "自驾、火车（高铁、动车）、客车、飞机、其他";
  if (key == "arrived_on") return "湖北返乡人员必填；如2020-02-01、2020/2/1或2020年2月1日";
  if (key == "last_exposure") return "密切接触者必填";
  if (key == "symptoms")
    return "干咳、乏力、咽痛、呼吸困难、肌肉酸痛、腹泻、鼻塞流涕、畏寒、其他症状，用顿号分隔；无症"
           "状填“无”";
  if (key == "temperature") return "摄氏度，如36.5；37.3及以上为发热";
  if (key == "checkpoint") return "卡点编号或卡点名称";
  if (key == "at")
    return "日期和时、分，如2020-02-12 08:30；同一车次的人员各占一行、排在一起，填同一时间和车牌";
  if (key == "observation_id") return "医学观察编号；与“公民身份号码”二选一";
  if (key == "day_number") return "观察第几天（第1天为开始观察之日）；与“日期”二选一";
  if (key == "by") return "随访人姓名";
  return "";
}

Status write_template(const KindSpec& spec, const std::string& path, const RegionTree* county) {
  auto book = XlsxBook::create(path);
  if (!book) return book.error();
  XlsxBook& b = **book;
  lxw_worksheet* ws = b.add_sheet(spec.title_zh);
  std::vector<std::string> header;
  const std::vector<std::string> example = template_example(spec, county);
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    const auto& col = spec.columns[c];
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         col.key == "id_number" ? 22 : 14, b.style(XlsxBook::kText));
    header.push_back(col.zh);
  }
  for (size_t c = 0; c < header.size(); ++c)
    worksheet_write_string(
        ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(),
        b.style(spec.columns[c].required ? XlsxBook::kRequiredHeader : XlsxBook::kHeader));
  b.write_row(ws, 1, example);
  worksheet_freeze_panes(ws, 1, 0);
  lxw_worksheet* help = b.add_sheet("填写说明");
  worksheet_set_column(help, 0, 0, 16, nullptr);
  worksheet_set_column(help, 1, 1, 8, nullptr);
  worksheet_set_column(help, 2, 2, 18, nullptr);
  worksheet_set_column(help, 3, 3, 90, nullptr);
  b.write_row(help, 0, {"列名", "必填", "英文列名", "说明"}, XlsxBook::kHeader);
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    const auto& col = spec.columns[c];
    b.write_row(help, static_cast<long>(c + 1),
                {col.zh, col.required ? "是" : "", col.key, accepted(col.key)});
  }
  b.write_row(help, static_cast<long>(spec.columns.size() + 2),
              {"第一行是表头，从第二行起每行一名成员；示例行可删除。表头可用全角或半角、可带单位括"
               "号，也可用英文列名。"},
              XlsxBook::kNote);
  return b.close();
}

Status write_bulletin_xlsx(const nlohmann::json& j, const std::string& path, Lang lang) {
  bool en = lang == Lang::kEn;
  auto book = XlsxBook::create(path);
  if (!book) return book.error();
  XlsxBook& b = **book;
  lxw_worksheet* ws = b.add_sheet(en ? "Bulletin" : "日报");
  worksheet_set_paper(ws, 9);  // A4
  worksheet_set_portrait(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  worksheet_set_column(ws, 0, 0, 44, nullptr);
  worksheet_set_column(ws, 1, 1, 18, nullptr);
  const std::string date = j.value("date", "");
  const std::string region = j.contains("region") ? j["region"].value("name", "") : "";
  std::string title = en ? fmt::format("{}: daily bulletin of the two fronts", region)
                         : fmt::format("{}疫情防控与脱贫攻坚日报", region);
  worksheet_set_row(ws, 0, 30, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, 1, title.c_str(), b.style(XlsxBook::kTitle));
  std::string sub = en ? fmt::format("As of {} (records dated that day or before)", date)
                       : fmt::format("统计日期：{}（截至当日的记录）", date);
  worksheet_merge_range(ws, 1, 0, 1, 1, sub.c_str(), b.style(XlsxBook::kNote));
  long row = 3;
  auto section = [&](const char* zh, const char* e) {
    worksheet_merge_range(ws, row, 0, row, 1, en ? e : zh, b.style(XlsxBook::kSection));
    ++row;
  };
  // A unit in English only for measures (jin, t): counts read without one.
  auto line = [&](const nlohmann::json& v, const char* zh, const char* e, const char* unit_zh = "",
                  const char* unit_en = "") {
    std::string label =
        en ? fmt::format("{}{}", e, *unit_en ? fmt::format(" ({})", unit_en) : "")
           : fmt::format("{}{}", zh, *unit_zh ? fmt::format("（{}）", unit_zh) : "");
    worksheet_write_string(ws, row, 0, label.c_str(), b.style(XlsxBook::kLabel));
    if (v.is_number())
      worksheet_write_number(ws, row, 1, v.get<double>(), b.style(XlsxBook::kNumber));
    else
      worksheet_write_string(ws, row, 1, "-", b.style(XlsxBook::kNumber));
    ++row;
  };
  static const nlohmann::json null_value;
  auto get = [](const nlohmann::json& o, const char* k) -> const nlohmann::json& {
    return o.is_object() && o.contains(k) ? o[k] : null_value;
  };
  const auto& e = get(j, "epidemic");
  section("一、疫情防控", "1. Epidemic");
  line(get(e, "confirmed_new"), "新增确诊", "Confirmed today", "例");
  line(get(e, "confirmed_total"), "累计确诊", "Confirmed in all", "例");
  line(get(e, "discharged_total"), "累计出院", "Discharged in all", "例");
  line(get(e, "in_hospital"), "在院治疗", "In hospital", "例");
  line(get(e, "deaths_total"), "累计死亡", "Deaths in all", "例");
  line(get(e, "suspected"), "疑似病例", "Suspected", "例");
  line(get(e, "days_without_new_case"), "连续无新增确诊", "Days without a new case", "天");
  line(get(e, "under_observation"), "医学观察", "Under medical observation", "人");
  line(get(e, "observation_home"), "  其中居家观察", "  at home", "人");
  line(get(e, "observation_centralized"), "  其中集中观察", "  centralised", "人");
  line(get(e, "released_total"), "累计解除观察", "Released in all", "人");
  line(get(e, "key_persons_total"), "重点人员", "Key persons", "人");
  const auto& k = get(e, "key_persons_by_category");
  line(get(k, "confirmed"), "  确诊患者", "  confirmed", "人");
  line(get(k, "suspected"), "  疑似患者", "  suspected", "人");
  line(get(k, "fever"), "  发热患者", "  fever", "人");
  line(get(k, "close_contact"), "  密切接触者", "  close contacts", "人");
  line(get(k, "hubei_returnee"), "  湖北返乡人员", "  Hubei returnees", "人");
  line(get(e, "follow_ups_due"), "应随访", "Follow-ups due", "人次");
  line(get(e, "follow_ups_done"), "已随访", "Follow-ups done", "人次");
  line(get(e, "follow_ups_overdue"), "逾期未随访", "Follow-ups overdue", "人次");
  line(get(e, "checkpoint_passages"), "卡点通行", "Checkpoint passages", "车次/批");
  line(get(e, "checkpoint_fevers"), "卡点发现发热", "Fevers at checkpoints", "人");
  ++row;
  const auto& p = get(j, "poverty");
  section("二、脱贫攻坚", "2. Poverty");
  line(get(p, "registered_households"), "建档立卡贫困户", "Registered poor households", "户");
  line(get(p, "registered_persons"), "建档立卡贫困人口", "Registered poor persons", "人");
  line(get(p, "registered_persons_key_persons"), "  其中重点人员", "  of whom key persons", "人");
  line(get(p, "registered_persons_infected"), "  其中感染", "  of whom infected", "人");
  line(get(p, "households_relapse_monitoring"), "防返贫监测户",
       "Households under relapse monitoring", "户");
  line(get(p, "households_relapsed_due_to_epidemic"), "因疫返贫户",
       "Relapsed because of the epidemic", "户");
  ++row;
  const auto& c = get(j, "cadres");
  section("三、干部力量", "3. Cadres");
  line(get(c, "village_stationed"), "驻村干部", "Village-stationed cadres", "名");
  line(get(c, "paired"), "结对帮扶干部", "Paired cadres", "名");
  ++row;
  const auto& lv = get(j, "livelihood");
  if (lv.is_object()) {
    section("四、生产生活保障", "4. Livelihood");
    line(get(lv, "produce_bought_jin_today"), "当日收购农产品", "Produce bought today", "斤",
         "jin");
    line(get(lv, "produce_bought_jin_total"), "累计收购农产品", "Produce bought in all", "斤",
         "jin");
    line(get(lv, "paid_to_poor_households_yuan_total"), "累计支付贫困户货款",
         "Paid to poor households in all", "元", "yuan");
    line(get(lv, "produce_unsold_jin"), "滞销待售农产品", "Produce still unsold", "斤", "jin");
    line(get(lv, "poor_labourers_placed"), "贫困劳动力在岗", "Poor labourers placed", "人");
    line(get(lv, "welfare_posts_filled"), "公益性岗位在岗", "Public-welfare posts filled", "个");
    line(get(lv, "enterprises_resumed"), "复工复产企业", "Enterprises resumed", "家");
    const auto& sd = get(lv, "supplies_distributed");
    if (sd.is_object())
      for (const auto& [item, v] : sd.items()) {
        const livelihood::SupplyItem* it = livelihood::find_supply_item(item);
        std::string zh = "已发放春耕物资：" + std::string(it ? it->zh : item.c_str());
        std::string e =
            "Spring-farming supplies distributed: " + std::string(it ? it->en : item.c_str());
        line(get(v, "quantity"), zh.c_str(), e.c_str(), it ? it->unit_zh : "",
             it ? it->unit_en : "");
      }
    ++row;
  }
  worksheet_merge_range(ws, row, 0, row, 1,
                        en ? "Computed from the records by Liangzhan; not typed in."
                           : "本表由两战平台根据截至统计日期的记录自动生成，非手工填报。",
                        b.style(XlsxBook::kNote));
  worksheet_print_area(ws, 0, 0, static_cast<lxw_row_t>(row), 1);
  return b.close();
}

}  // namespace lz::exchange
