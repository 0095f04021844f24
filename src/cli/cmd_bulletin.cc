// `liangzhan bulletin`: the daily bulletin of a date (and region), computed
// from the records of that date and before, as text or JSON.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>

#include "app/bulletin.h"
#include "cli/common.h"
#include "exchange/sheets.h"
#include "livelihood/supplies.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

void add_bulletin(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, date, region, xlsx;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "bulletin", "The daily bulletin of a date: epidemic, poverty and cadre figures");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--date", o->date, "The day, YYYY-MM-DD")->required();
  cmd->add_option("--region", o->region, "Only this region (township or village code)");
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->add_option("--xlsx", o->xlsx, "Also write the bulletin as a printable .xlsx sheet");
  cmd->callback([o, &run] {
    run = [o] {
      auto d = Date::parse_iso(o->date);
      if (!d)
        return fail(
            invalid("date.format", "--date", "日期应为YYYY-MM-DD", "The date must be YYYY-MM-DD"));
      auto store = open_existing(o->db);
      if (!store) return fail(store.error());
      auto& sq = static_cast<sqlite::SqliteStore&>(**store);
      auto b = app::daily_bulletin(sq.db(), *d, o->region);
      if (!b) return fail(b.error());
      if (!o->xlsx.empty()) {
        auto st = exchange::write_bulletin_xlsx(*b, o->xlsx, globals().language());
        if (!st) return fail(st.error());
      }
      if (o->json) {
        std::printf("%s\n", b->dump(2).c_str());
        return kExitOk;
      }
      const auto& j = *b;
      const auto& e = j["epidemic"];
      const auto& p = j["poverty"];
      bool en = globals().language() == Lang::kEn;
      auto n = [](const nlohmann::json& v) { return v.is_null() ? std::string("-") : v.dump(); };
      std::printf(en ? "Daily bulletin, %s, %s\n" : "%s %s 疫情防控与脱贫攻坚日报\n",
                  j["date"].get<std::string>().c_str(),
                  j["region"]["name"].get<std::string>().c_str());
      std::printf(en ? "Confirmed: %s new, %s in all, %s discharged, %s in hospital, %s deaths; "
                       "suspected %s\n"
                     : "确诊：新增%s例，累计%s例，出院%s例，在院%s例，死亡%s例；疑似%s例\n",
                  n(e["confirmed_new"]).c_str(), n(e["confirmed_total"]).c_str(),
                  n(e["discharged_total"]).c_str(), n(e["in_hospital"]).c_str(),
                  n(e["deaths_total"]).c_str(), n(e["suspected"]).c_str());
      if (e["days_without_new_case"].is_null())  // no case confirmed on or before the day
        std::printf(en ? "Days without a new case: no case confirmed yet\n"
                       : "连续无新增确诊：尚无确诊病例\n");
      else
        std::printf(en ? "Days without a new case: %s\n" : "连续无新增确诊：%s天\n",
                    n(e["days_without_new_case"]).c_str());
      std::printf(
          en ? "Under medical observation: %s (home %s, centralised %s); released in all %s\n"
             : "医学观察：%s人（居家%s人，集中%s人）；累计解除%s人\n",
          n(e["under_observation"]).c_str(), n(e["observation_home"]).c_str(),
          n(e["observation_centralized"]).c_str(), n(e["released_total"]).c_str());
      const auto& k = e["key_persons_by_category"];
      std::printf(en ? "Key persons: %s (confirmed %s, suspected %s, fever %s, close contacts %s, "
                       "Hubei returnees %s)\n"
                     : "重点人员：%s人（确诊%s、疑似%s、发热%s、密接%s、湖北返乡%s）\n",
                  n(e["key_persons_total"]).c_str(), n(k["confirmed"]).c_str(),
                  n(k["suspected"]).c_str(), n(k["fever"]).c_str(), n(k["close_contact"]).c_str(),
                  n(k["hubei_returnee"]).c_str());
      std::printf(
          en ? "Follow-ups: %s due, %s done, %s overdue; checkpoints: %s passages, %s fevers\n"
             : "随访：应访%s人次，已访%s人次，逾期%s人次；卡点：通行%s车次/批，发热%s人\n",
          n(e["follow_ups_due"]).c_str(), n(e["follow_ups_done"]).c_str(),
          n(e["follow_ups_overdue"]).c_str(), n(e["checkpoint_passages"]).c_str(),
          n(e["checkpoint_fevers"]).c_str());
      std::printf(
          en ? "Poverty register: %s households, %s persons; %s key persons, %s infected; %s "
               "households under "
               "relapse monitoring, %s relapsed because of the epidemic\n"
             : "建档立卡：%s户%s人；其中重点人员%s人，感染%s人；防返贫监测%s户，因疫返贫%s户\n",
          n(p["registered_households"]).c_str(), n(p["registered_persons"]).c_str(),
          n(p["registered_persons_key_persons"]).c_str(),
          n(p["registered_persons_infected"]).c_str(),
          n(p["households_relapse_monitoring"]).c_str(),
          n(p["households_relapsed_due_to_epidemic"]).c_str());
      std::printf(en ? "Cadres: %s village-stationed, %s paired\n"
                     : "干部：驻村干部%s名，结对帮扶干部%s名\n",
                  n(j["cadres"]["village_stationed"]).c_str(), n(j["cadres"]["paired"]).c_str());
      if (j.contains("livelihood")) {
        const auto& l = j["livelihood"];
        std::printf(en ? "Livelihood: produce bought %s jin today, %s jin in all (%s yuan paid to "
                         "poor households), %s jin "
                         "unsold; %s poor labourers placed, %s welfare posts filled, %s "
                         "enterprises resumed\n"
                       : "生产生活：当日收购农产品%s斤，累计%s斤（支付贫困户%s元），滞销%"
                         "s斤；贫困劳动力在岗%s人，"
                         "公益性岗位在岗%s个，复工复产企业%s家\n",
                    n(l["produce_bought_jin_today"]).c_str(),
                    n(l["produce_bought_jin_total"]).c_str(),
                    n(l["paid_to_poor_households_yuan_total"]).c_str(),
                    n(l["produce_unsold_jin"]).c_str(), n(l["poor_labourers_placed"]).c_str(),
                    n(l["welfare_posts_filled"]).c_str(), n(l["enterprises_resumed"]).c_str());
        // Spring-farming supplies, each in its unit as the language writes it (吨, not tonne).
        std::string supplies;
        if (l.contains("supplies_distributed"))
          for (const auto& [id, v] : l["supplies_distributed"].items()) {
            const livelihood::SupplyItem* it = livelihood::find_supply_item(id);
            if (!it || !v.contains("quantity") || !v["quantity"].is_number()) continue;
            auto milli = std::llround(v["quantity"].get<double>() * livelihood::kMilli);
            supplies += supplies.empty() ? "" : (en ? ", " : "，");
            supplies +=
                en ? fmt::format("{} {}", it->en, livelihood::format_quantity(*it, milli, false))
                   : it->zh + livelihood::format_quantity(*it, milli, true);
          }
        if (!supplies.empty())
          std::printf(en ? "Spring-farming supplies distributed: %s\n" : "春耕物资：已发放%s\n",
                      supplies.c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
