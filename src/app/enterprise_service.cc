#include "app/enterprise_service.h"

#include <fmt/format.h>

#include "epidemic/vocab.h"

namespace lz::app {

using namespace lz::livelihood;
using sqlite::Tx;

Result<Enterprise> EnterpriseService::create(Enterprise e, const Actor& actor) {
  auto valid = validate_enterprise(std::move(e));
  if (!valid) return valid.error();
  return store_.add_enterprise(*valid, actor);
}

Result<Enterprise> EnterpriseService::update(Enterprise e, int64_t expected_version,
                                             const Actor& actor) {
  auto valid = validate_enterprise(std::move(e));
  if (!valid) return valid.error();
  return store_.update_enterprise(*valid, expected_version, actor);
}

Result<ResumptionView> EnterpriseService::view(Resumption r) {
  auto w = store_.workforce(r.enterprise_id);
  if (!w) return w.error();
  ResumptionView v{std::move(r), *w, {}};
  if (v.r.state != ResumptionState::kApproved)
    v.missing = missing_items(v.r.checklist, v.workforce, config_);
  return v;
}

Result<ResumptionView> EnterpriseService::resumption(int64_t enterprise_id) {
  auto r = store_.resumption(enterprise_id);
  if (!r) return r.error();
  return view(*r);
}

Result<ResumptionView> EnterpriseService::step(
    int64_t enterprise_id, const char* action, const Actor& actor,
    const std::function<Result<Resumption>(const Resumption&, const Workforce&)>& f) {
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto r = store_.resumption(enterprise_id);
  if (!r) return r.error();
  auto w = store_.workforce(enterprise_id);
  if (!w) return w.error();
  auto next = f(*r, *w);
  if (!next) return next.error();
  auto saved = store_.save_resumption(*next, action, actor);
  if (!saved) return saved.error();
  auto v = view(*saved);
  if (!v) return v.error();
  LZ_TRY(tx.commit());
  return v;
}

Result<ResumptionView> EnterpriseService::edit_checklist(int64_t enterprise_id, const Checklist& c,
                                                         int64_t expected_version,
                                                         const Actor& actor) {
  return step(
      enterprise_id, "resumption.edit", actor,
      [&](const Resumption& r, const Workforce&) -> Result<Resumption> {
        if (expected_version > 0 && r.version != expected_version)
          return conflict(
              "resumption.stale", "version",
              fmt::format("复工申请已被他人修改（当前版本{}），请刷新后重试", r.version),
              fmt::format(
                  "The application was changed meanwhile (now version {}): reload and retry",
                  r.version));
        return livelihood::edit_checklist(r, c);
      });
}

Result<ResumptionView> EnterpriseService::submit(int64_t enterprise_id, const Actor& actor) {
  Date on = today();
  return step(enterprise_id, "resumption.submit", actor,
              [&](const Resumption& r, const Workforce& w) {
                return livelihood::submit(r, w, on, actor.name, config_);
              });
}

Result<ResumptionView> EnterpriseService::approve(int64_t enterprise_id, const std::string& note,
                                                  const Actor& actor) {
  Date on = today();
  return step(enterprise_id, "resumption.approve", actor,
              [&](const Resumption& r, const Workforce& w) {
                return livelihood::approve(r, w, on, actor.name, note, config_);
              });
}

Result<ResumptionView> EnterpriseService::return_for_changes(int64_t enterprise_id,
                                                             const std::string& reason,
                                                             const Actor& actor) {
  Date on = today();
  return step(enterprise_id, "resumption.return", actor,
              [&](const Resumption& r, const Workforce&) {
                return livelihood::return_for_changes(r, reason, on, actor.name);
              });
}

Result<sqlite::SqliteEnterpriseStore::WorkerView> EnterpriseService::add_worker(
    Worker w, const Actor& actor) {
  auto e = store_.enterprise(w.enterprise_id);
  if (!e) return e.error();
  auto valid = validate_worker(std::move(w), today());
  if (!valid) return valid.error();
  return store_.add_worker(*valid, actor);
}

Result<sqlite::SqliteEnterpriseStore::WorkerView> EnterpriseService::declare_health(
    int64_t worker_id, std::optional<Date> on, const std::string& note, const Actor& actor) {
  Date d = on.value_or(today());
  if (d > today())
    return invalid("worker.declared_future", "health_declared_on", "健康申报日期不能晚于今天",
                   "The health declaration cannot be dated in the future");
  return store_.declare_health(worker_id, d, note, actor);
}

Result<TemperatureResult> EnterpriseService::report_temperatures(TemperatureBatch b,
                                                                 const Actor& actor) {
  LZ_TRY(validate_batch(b, today()));
  // Symptoms must be the epidemic front's (they travel to the key person).
  std::vector<epidemic::SymptomSet> symptoms(b.readings.size());
  for (size_t i = 0; i < b.readings.size(); ++i)
    for (size_t j = 0; j < b.readings[i].symptoms.size(); ++j) {
      auto sy = epidemic::parse<epidemic::Symptom>(b.readings[i].symptoms[j]);
      if (!sy)
        return invalid(
            "temperature.symptom", fmt::format("readings[{}].symptoms[{}]", i, j),
            fmt::format("第{}条：症状“{}”无法识别", i + 1, b.readings[i].symptoms[j]),
            fmt::format("Reading {}: unknown symptom \"{}\"", i + 1, b.readings[i].symptoms[j]));
      symptoms[i].add(*sy);
      b.readings[i].symptoms[j] = epidemic::id(*sy);
    }
  auto ent = store_.enterprise(b.enterprise_id);
  if (!ent) return ent.error();
  const int fever = epidemic_.config().fever_threshold_tenths;
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto rows = store_.add_temperatures(b, actor);
  if (!rows) return rows.error();
  TemperatureResult out{std::move(*rows), {}};
  for (size_t i = 0; i < out.readings.size(); ++i) {
    const auto& reading = b.readings[i];
    if (!needs_referral(reading, fever)) continue;
    auto w = store_.worker(reading.worker_id);
    if (!w) return w.error();
    epidemic::KeyPersonInput k;
    if (w->w.person_id) k.person_id = w->w.person_id;
    k.id_number = w->w.id_number;
    k.name = w->w.name;
    k.phone = w->w.phone;
    k.region_code = ent->region_code;
    k.category = epidemic::KeyCategory::kFever;
    k.source = epidemic::KeySource::kEnterprise;
    k.added_on = b.on;
    k.temperature_tenths = reading.temperature_tenths;
    k.symptoms = symptoms[i];
    k.source_ref = fmt::format("livelihood.temperature:{}", out.readings[i].id);
    k.note = fmt::format("{}职工体温报告", ent->name);
    auto listed = epidemic_.add_key_person(k, actor);
    if (!listed) {
      Error e = listed.error();
      if (e.code == "key_person.duplicate") {  // already listed: known to the epidemic front
        out.reactions.skipped.push_back(e);
        continue;
      }
      e.field = fmt::format("readings[{}]", i) + (e.field.empty() ? "" : "." + e.field);
      return e;
    }
    out.reactions.key_persons.push_back(listed->view.key_person.id);
    out.readings[i].key_person_id = listed->view.key_person.id;
    LZ_TRY(store_.set_referral(out.readings[i].id, listed->view.key_person.id));
  }
  LZ_TRY(tx.commit());
  return out;
}

}  // namespace lz::app
