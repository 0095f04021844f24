#include "livelihood/supplies.h"

#include <fmt/format.h>

#include <cmath>

namespace lz::livelihood {

namespace {

const SupplyItem kItems[] = {
    {"seed", "种子", "seed", "jin", "斤", "jin", false},
    {"fertilizer", "化肥", "fertilizer", "tonne", "吨", "t", false},
    {"sprayer", "喷雾器", "sprayer", "piece", "台", "pcs", true},
    {"plastic_film", "农膜", "plastic film", "kg", "公斤", "kg", false},
    {"pesticide", "农药", "pesticide", "kg", "公斤", "kg", false},
};

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\n") == std::string::npos;
}

Error required(const char* code, const char* field, const char* zh, const char* en) {
  return invalid(code, field, fmt::format("请填写{}", zh), fmt::format("The {} is required", en));
}

}  // namespace

std::span<const SupplyItem> supply_items() {
  return kItems;
}

const SupplyItem* find_supply_item(std::string_view id) {
  for (const auto& i : kItems)
    if (id == i.id || id == i.zh) return &i;
  return nullptr;
}

Result<int64_t> parse_quantity(const SupplyItem& item, double v, const std::string& field,
                               bool allow_zero) {
  auto bad = [&](const char* zh, const char* en) {
    return invalid("supply.quantity", field, fmt::format("{}数量{}", item.zh, zh),
                   fmt::format("The quantity of {} {}", item.en, en));
  };
  if (!std::isfinite(v) || v < 0) return bad("不能为负数", "cannot be negative");
  if (v > 1e9) return bad("过大", "is too large");
  double milli = v * kMilli;
  int64_t q = std::llround(milli);
  if (std::fabs(milli - static_cast<double>(q)) > 1e-6 * std::max(1.0, milli))
    return bad("最多保留3位小数", "has more than 3 decimals");
  if (item.whole && q % kMilli != 0)
    return bad(fmt::format("应为整{}", item.unit_zh).c_str(), "must be whole pieces");
  if (q == 0 && !allow_zero) return bad("应大于0", "must be more than 0");
  return q;
}

double to_units(int64_t milli) {
  return static_cast<double>(milli) / kMilli;
}

std::string format_quantity(const SupplyItem& item, int64_t milli, bool zh) {
  std::string n = fmt::format("{:.3f}", to_units(milli));
  while (n.back() == '0') n.pop_back();
  if (n.back() == '.') n.pop_back();
  return zh ? n + item.unit_zh : n + " " + item.unit_en;
}

static bool phone_ok(const std::string& p) {
  if (p.empty()) return true;
  if (p.size() < 7 || p.size() > 20) return false;
  for (char c : p)
    if (!(c >= '0' && c <= '9') && c != '-') return false;
  return true;
}

Result<Depot> validate_depot(Depot d) {
  if (blank(d.name)) return required("depot.name_required", "name", "仓库名称", "depot's name");
  if (d.region_code.size() < 9)
    return required("depot.region_required", "region_code", "仓库所在镇街的区划代码",
                    "depot's township code");
  if (!phone_ok(d.keeper_phone))
    return invalid("depot.phone", "keeper_phone", "保管员电话应为7至20位数字",
                   "The keeper's phone must have 7 to 20 digits");
  return d;
}

Result<Cooperative> validate_cooperative(Cooperative c) {
  if (blank(c.name))
    return required("cooperative.name_required", "name", "合作社名称", "cooperative's name");
  if (c.region_code.size() < 12)
    return required("cooperative.region_required", "region_code", "合作社所在村社区的区划代码",
                    "cooperative's village code");
  if (c.members < 0 || c.members > 100000)
    return invalid("cooperative.members", "members", "社员人数应在0至100000之间",
                   "Members must be between 0 and 100000");
  if (!phone_ok(c.leader_phone))
    return invalid("cooperative.phone", "leader_phone", "负责人电话应为7至20位数字",
                   "The leader's phone must have 7 to 20 digits");
  return c;
}

Result<Technician> validate_technician(Technician t) {
  if (blank(t.name))
    return required("technician.name_required", "name", "农技员姓名", "technician's name");
  if (!phone_ok(t.phone))
    return invalid("technician.phone", "phone", "电话应为7至20位数字",
                   "The phone must have 7 to 20 digits");
  if (t.region_code.size() < 9)
    return required("technician.region_required", "region_code", "农技员所在镇街的区划代码",
                    "technician's township code");
  return t;
}

Status validate_assignment(const TechnicianAssignment& a) {
  bool v = !a.village_code.empty(), c = a.cooperative_id.has_value();
  if (v == c)
    return invalid("assignment.target", "village_code", "请指定一个村社区或一个合作社（二选一）",
                   "Assign to one village or one cooperative (exactly one)");
  if (v && a.village_code.size() < 12)
    return invalid("assignment.village", "village_code", "村社区区划代码应为12位",
                   "The village code has 12 digits");
  return {};
}

const char* id(RequestState s) {
  switch (s) {
    case RequestState::kOpen:
      return "open";
    case RequestState::kPartly:
      return "partly";
    case RequestState::kFulfilled:
      return "fulfilled";
  }
  return "open";
}

Status validate_request(const SupplyRequest& r, Date today) {
  if (r.cooperative_id.has_value() == r.household_id.has_value())
    return invalid("request.requester", "cooperative_id",
                   "申请须来自一个合作社或一户农户（二选一）",
                   "A request comes from one cooperative or one household (exactly one)");
  if (!find_supply_item(r.item))
    return invalid("supply.item", "item", "物资品种应为种子、化肥、喷雾器、农膜或农药",
                   "The item must be seed, fertilizer, sprayer, plastic_film or pesticide");
  if (r.quantity <= 0)
    return invalid("supply.quantity", "quantity", "申请数量应大于0",
                   "The quantity must be more than 0");
  if (r.needed_by < r.requested_on)
    return invalid("request.needed_by", "needed_by", "需用日期不能早于申请日期",
                   "Needed-by cannot precede the request");
  (void)today;
  return {};
}

RequestState request_state(const SupplyRequest& r) {
  if (r.fulfilled <= 0) return RequestState::kOpen;
  if (r.fulfilled < r.quantity) return RequestState::kPartly;
  return RequestState::kFulfilled;
}

Status validate_distribution(const Distribution& d, const SupplyRequest* request, Date today) {
  const SupplyItem* item = find_supply_item(d.item);
  if (!item)
    return invalid("supply.item", "item", "物资品种应为种子、化肥、喷雾器、农膜或农药",
                   "The item must be seed, fertilizer, sprayer, plastic_film or pesticide");
  if (d.quantity <= 0)
    return invalid("supply.quantity", "quantity", "发放数量应大于0",
                   "The quantity must be more than 0");
  if (d.on > today)
    return invalid("distribution.date_future", "on", "发放日期不能晚于今天",
                   "The date cannot be in the future");
  if (request) {
    if (request->item != d.item)
      return invalid(
          "distribution.item_mismatch", "item",
          fmt::format("申请的物资是{}，不是{}", find_supply_item(request->item)->zh, item->zh),
          fmt::format("The request is for {}, not {}", find_supply_item(request->item)->en,
                      item->en));
    int64_t left = request->quantity - request->fulfilled;
    if (d.quantity > left)
      return conflict(
          "distribution.over_request", "quantity",
          fmt::format("该申请尚余{}，本次发放{}超出", format_quantity(*item, left, true),
                      format_quantity(*item, d.quantity, true)),
          fmt::format("Only {} of the request is outstanding, {} is more",
                      format_quantity(*item, left, false),
                      format_quantity(*item, d.quantity, false)));
  }
  return {};
}

Error insufficient_stock(const SupplyItem& item, int64_t wanted, int64_t available) {
  return conflict(
      "supply.insufficient", "quantity",
      fmt::format("库存不足：{}仅余{}，不能发放{}", item.zh, format_quantity(item, available, true),
                  format_quantity(item, wanted, true)),
      fmt::format("Not enough in stock: {} {} left, {} asked",
                  format_quantity(item, available, false), item.en,
                  format_quantity(item, wanted, false)));
}

}  // namespace lz::livelihood
