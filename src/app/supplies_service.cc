#include "app/supplies_service.h"

#include <fmt/format.h>

namespace lz::app {

using namespace lz::livelihood;
using sqlite::Tx;

namespace {
Error inactive_depot(const Depot& d) {
  return conflict("depot.inactive", "depot_id", fmt::format("仓库“{}”已停用", d.name),
                  fmt::format("The depot \"{}\" is closed", d.name));
}
}  // namespace

Result<Depot> SuppliesService::create_depot(Depot d, const Actor& actor) {
  auto v = validate_depot(std::move(d));
  if (!v) return v.error();
  return store_.add_depot(*v, actor);
}

Result<int64_t> SuppliesService::receive(int64_t depot_id, const std::string& item,
                                         int64_t quantity, std::optional<Date> on,
                                         const std::string& source, const Actor& actor) {
  if (!find_supply_item(item))
    return invalid("supply.item", "item", "物资品种应为种子、化肥、喷雾器、农膜或农药",
                   "The item must be seed, fertilizer, sprayer, plastic_film or pesticide");
  if (quantity <= 0)
    return invalid("supply.quantity", "quantity", "入库数量应大于0",
                   "The quantity must be more than 0");
  Date d = on.value_or(today());
  if (d > today())
    return invalid("receipt.date_future", "on", "入库日期不能晚于今天",
                   "The date cannot be in the future");
  auto depot = store_.depot(depot_id);
  if (!depot) return depot.error();
  if (!depot->active) return inactive_depot(*depot);
  return store_.receive(depot_id, item, quantity, d, source, actor);
}

Result<Cooperative> SuppliesService::create_cooperative(Cooperative c, const Actor& actor) {
  auto v = validate_cooperative(std::move(c));
  if (!v) return v.error();
  return store_.add_cooperative(*v, actor);
}

Result<Technician> SuppliesService::create_technician(Technician t, const Actor& actor) {
  auto v = validate_technician(std::move(t));
  if (!v) return v.error();
  return store_.add_technician(*v, actor);
}

Result<TechnicianAssignment> SuppliesService::assign(TechnicianAssignment a, const Actor& actor) {
  if (a.from == Date()) a.from = today();
  LZ_TRY(validate_assignment(a));
  auto t = store_.technician(a.technician_id);
  if (!t) return t.error();
  if (!t->active)
    return conflict("technician.inactive", "technician_id",
                    fmt::format("农技员{}已停用，不能分派", t->name),
                    fmt::format("The technician {} is inactive", t->name));
  std::string region = a.village_code;
  if (a.cooperative_id) {
    auto c = store_.cooperative(*a.cooperative_id);
    if (!c) return c.error();
    region = c->region_code;
  }
  return store_.add_assignment(a, region, actor);
}

Result<Depot> SuppliesService::update_depot(Depot d, int64_t expected_version, const Actor& actor) {
  auto v = validate_depot(std::move(d));
  if (!v) return v.error();
  return store_.update_depot(*v, expected_version, actor);
}

Result<Cooperative> SuppliesService::update_cooperative(Cooperative c, int64_t expected_version,
                                                        const Actor& actor) {
  auto v = validate_cooperative(std::move(c));
  if (!v) return v.error();
  return store_.update_cooperative(*v, expected_version, actor);
}

Result<sqlite::SqliteSuppliesStore::TechnicianRow> SuppliesService::update_technician(
    Technician t, int64_t expected_version,
    std::optional<std::vector<TechnicianAssignment>> targets, const Actor& actor) {
  auto v = validate_technician(std::move(t));
  if (!v) return v.error();
  std::optional<std::vector<sqlite::SqliteSuppliesStore::AssignTarget>> to;
  if (targets) {
    to.emplace();
    for (size_t i = 0; i < targets->size(); ++i) {
      auto a = (*targets)[i];
      a.technician_id = v->id;
      a.from = today();
      std::string at = fmt::format("assignments[{}]", i);
      if (auto st = validate_assignment(a); !st) {
        Error e = st.error();
        return e.at(at);
      }
      std::string region = a.village_code;
      if (a.cooperative_id) {
        auto c = store_.cooperative(*a.cooperative_id);
        if (!c) {
          Error e = c.error();
          return e.at(at);
        }
        if (!c->active)
          return conflict("cooperative.inactive", at + ".cooperative_id",
                          fmt::format("合作社“{}”已注销，不能分派农技员", c->name),
                          fmt::format("The cooperative \"{}\" is inactive", c->name));
        region = c->region_code;
      }
      to->push_back({a.village_code, a.cooperative_id, region});
    }
  }
  return store_.update_technician(*v, expected_version, to, today(), actor);
}

Result<SupplyRequest> SuppliesService::create_request(SupplyRequest r, const Actor& actor) {
  if (r.requested_on == Date()) r.requested_on = today();
  LZ_TRY(validate_request(r, today()));
  if (r.cooperative_id) {
    auto c = store_.cooperative(*r.cooperative_id);
    if (!c) return c.error();
    if (!c->active)
      return conflict("cooperative.inactive", "cooperative_id",
                      fmt::format("合作社“{}”已注销，不能再申领物资", c->name),
                      fmt::format("The cooperative \"{}\" is inactive", c->name));
    r.region_code = c->region_code;
  } else {
    auto h = store_.household_region(*r.household_id);
    if (!h) return h.error();
    r.region_code = *h;
  }
  return store_.add_request(r, actor);
}

Result<Distribution> SuppliesService::distribute(Distribution d, const Actor& actor) {
  if (d.on == Date()) d.on = today();
  Tx tx(store_.db());
  LZ_TRY(tx.begin_status());
  auto depot = store_.depot(d.depot_id);
  if (!depot) return depot.error();
  if (!depot->active) return inactive_depot(*depot);
  std::optional<SupplyRequest> req;
  if (d.request_id) {
    auto r = store_.request(*d.request_id);
    if (!r) return r.error();
    req = *r;
  }
  LZ_TRY(validate_distribution(d, req ? &*req : nullptr, today()));
  d.region_code = req ? req->region_code : depot->region_code;
  if (d.recipient.empty() && req) {  // the requester, by name where there is one
    if (req->cooperative_id) {
      auto c = store_.cooperative(*req->cooperative_id);
      d.recipient = c ? c->name : fmt::format("cooperative:{}", *req->cooperative_id);
    } else {
      d.recipient = fmt::format("household:{}", *req->household_id);
    }
  }
  auto out = store_.distribute(d, actor);
  if (!out) return out.error();
  LZ_TRY(tx.commit());
  return out;
}

}  // namespace lz::app
