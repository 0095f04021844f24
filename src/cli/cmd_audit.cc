// `liangzhan audit`: runs the poverty check (一超过、两不愁三保障、饮水安全、
// 政策落实 and the consistency checks) on every registered poor and marginal
// household and prints per rule and per township the pass / gap / unknown
// counts and the classes. Read-only unless --apply (which saves findings and
// classes and opens, closes and reopens gap tasks as the check finds).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/poverty_service.h"
#include "cli/common.h"
#include "core/region_code.h"
#include "poverty/vocab.h"
#include "store/sqlite/sqlite_store.h"

namespace lz::cli {

using nlohmann::json;

static json summary_json(const poverty::CheckSummary& s) {
  using poverty::PovertyClass;
  json rules = json::array();
  for (const auto& r : s.rules) rules.push_back({{"id", r.rule_id}, {"pass", r.pass}, {"gap", r.gap}, {"unknown", r.unknown}});
  return {{"households", s.households},
          {"rules", rules},
          {"classes", {{"stable", s.count(PovertyClass::kStable)},
                       {"consolidate", s.count(PovertyClass::kConsolidate)},
                       {"key_support", s.count(PovertyClass::kKeySupport)}}},
          {"all_pass", s.all_pass},
          {"with_gap", s.with_gap},
          {"with_unknown", s.with_unknown}};
}

void add_audit(CLI::App& app, Runner& run) {
  struct Opts {
    std::string db, region;
    bool json = false, apply = false;
    std::string as_of;
    double line_yuan = 4000;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("audit",
                                 "Run the poverty check on every registered poor and marginal household: per rule and "
                                 "per township pass/gap/unknown, and the classes stable/consolidate/key_support");
  cmd->add_option("--db", o->db, "SQLite database file")->required();
  cmd->add_option("--region", o->region, "Only this region (township or village code)");
  cmd->add_option(
      "--as-of", o->as_of,
      "Date of the check, YYYY-MM-DD (default: the county's today: the demo date, 2020-02-12, in a "
      "demo database, else today); incomes of its year are checked");
  cmd->add_option("--line", o->line_yuan, "Poverty line, yuan per person per year (default 4000)");
  cmd->add_flag("--apply", o->apply, "Save findings and classes, and open/close/reopen gap tasks");
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o, &run] {
    run = [o] {
      std::string prefix;  // default: the database's county (below, once it is open)
      if (!o->region.empty()) {
        auto code = RegionCode::parse(o->region, "--region");
        if (!code) return fail(code.error());
        prefix = code->str();
      }
      poverty::CheckConfig cfg;
      if (!o->as_of.empty()) {
        auto d = Date::parse_iso(o->as_of);
        if (!d)
          return fail(invalid("as_of.format", "--as-of", "日期应为YYYY-MM-DD", "The date must be YYYY-MM-DD"));
        cfg.as_of = *d;
        cfg.year = d->year();
      }
      if (o->line_yuan <= 0)
        return fail(invalid("line.range", "--line", "贫困线应大于0", "The poverty line must be above 0"));
      cfg.poverty_line_fen = static_cast<int64_t>(o->line_yuan * 100 + 0.5);
      if (auto st = poverty::validate(cfg); !st) return fail(st.error());
      auto store = open_existing(o->db);
      if (!store) return fail(store.error());
      auto& sq = static_cast<sqlite::SqliteStore&>(**store);
      if (o->as_of.empty()) {  // the county's today, as the API's (http/services.cc)
        auto m = sq.meta("demo.as_of");
        std::optional<Date> demo = m && *m ? Date::parse_iso(**m) : std::nullopt;
        cfg.as_of = demo ? *demo : Date::today();
        cfg.year = cfg.as_of.year();
      }
      if (prefix.empty()) {
        auto county = sq.county();
        if (!county) return fail(county.error());
        prefix = county->code;
      }
      sqlite::SqlitePovertyStore pstore(sq.db(), sq.audit());
      app::PovertyService svc(pstore, cfg);
      auto rc = svc.check_region(prefix, o->apply, Actor{"cli", "", ""});
      if (!rc) return fail(rc.error());
      // The process ends after printing: the facts (1.2 GB for a province's
      // 1 M households) are left to the OS instead of freed one by one.
      static auto* kept = new std::vector<poverty::HouseholdFacts>();
      *kept = std::move(rc->facts);
      if (o->json) {
        json j = summary_json(rc->county);
        j["as_of"] = cfg.as_of.iso();
        j["year"] = cfg.year;
        j["poverty_line_yuan"] = static_cast<double>(cfg.poverty_line_fen) / 100;
        j["monitored"] = rc->monitored;
        json towns = json::array();
        for (const auto& t : rc->townships) {
          json tj = summary_json(t.summary);
          tj["code"] = t.code;
          tj["name"] = t.name;
          towns.push_back(std::move(tj));
        }
        j["townships"] = towns;
        if (o->apply)
          j["tasks"] = {{"opened", rc->tasks_opened}, {"closed", rc->tasks_closed}, {"reopened", rc->tasks_reopened}};
        std::printf("%s\n", j.dump(2).c_str());
        return kExitOk;
      }
      bool en = globals().language() == Lang::kEn;
      const auto& s = rc->county;
      std::printf(en ? "Poverty check as of %s: %lld households (load %.2f s, check %.3f s)\n"
                     : "扶贫核查（%s）：%lld户（读取%.2f秒，核查%.3f秒）\n",
                  cfg.as_of.iso().c_str(), (long long)s.households, rc->load_seconds, rc->check_seconds);
      // Rules by their name (the ids are in --json).
      std::printf("%s %s %s %s\n", pad(en ? "rule" : "规则", 40).c_str(),
                  pad_left(en ? "pass" : "达标", 9).c_str(),
                  pad_left(en ? "gap" : "短板", 9).c_str(),
                  pad_left(en ? "unknown" : "缺数据", 9).c_str());
      for (const auto& r : s.rules) {
        const poverty::Rule* rule = poverty::find_rule(r.rule_id);
        std::string label(rule ? (en ? rule->name_en : rule->name_zh) : r.rule_id);
        std::printf("%s %9lld %9lld %9lld\n", pad(label, 40).c_str(), (long long)r.pass,
                    (long long)r.gap, (long long)r.unknown);
      }
      std::printf(en ? "Classes: stable %lld, consolidate %lld, key support %lld; under relapse monitoring: %lld\n"
                     : "分类：稳定脱贫%lld户，巩固提升%lld户，重点扶持%lld户；防返贫监测%lld户\n",
                  (long long)s.count(poverty::PovertyClass::kStable), (long long)s.count(poverty::PovertyClass::kConsolidate),
                  (long long)s.count(poverty::PovertyClass::kKeySupport), (long long)rc->monitored);
      std::printf(
          "%s %s %s %s %s %s\n", pad(en ? "township" : "乡镇", 24).c_str(),
          pad_left(en ? "hh" : "户数", 8).c_str(), pad_left(en ? "gap" : "有短板", 8).c_str(),
          pad_left(en ? "stable" : "稳定", 8).c_str(), pad_left(en ? "consol." : "巩固", 8).c_str(),
          pad_left(en ? "key" : "重点", 8).c_str());
      for (const auto& t : rc->townships)
        std::printf("%s %8lld %8lld %8lld %8lld %8lld\n", pad(t.name, 24).c_str(),
                    (long long)t.summary.households, (long long)t.summary.with_gap,
                    (long long)t.summary.count(poverty::PovertyClass::kStable),
                    (long long)t.summary.count(poverty::PovertyClass::kConsolidate),
                    (long long)t.summary.count(poverty::PovertyClass::kKeySupport));
      if (o->apply)
        std::printf(en ? "Tasks: %lld opened, %lld closed, %lld reopened\n" : "整改任务：新开%lld个，自动关闭%lld个，重新打开%lld个\n",
                    (long long)rc->tasks_opened, (long long)rc->tasks_closed, (long long)rc->tasks_reopened);
      return kExitOk;
    };
  });
}

}  // namespace lz::cli
