#include "livelihood/enterprise.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/id_number.h"

namespace lz::livelihood {

namespace {

const Value kKinds[] = {
    {"enterprise", "企业", "enterprise"},
    {"poverty_enterprise", "扶贫企业", "poverty-alleviation enterprise"},
    {"poverty_workshop", "扶贫车间", "poverty-alleviation workshop"},
    {"cooperative_run", "合作社基地", "cooperative-run base"},
};

constexpr std::string_view kCreditChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31, GB 32100
constexpr int kCreditWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// Trims and folds full-width ASCII (U+FF01..U+FF5E) to ASCII, upper case.
std::string fold(std::string_view in) {
  std::string out;
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c == 0xEF && i + 2 < in.size()) {
      unsigned cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(in[i + 1]) & 0x3F) << 6) |
                    (static_cast<unsigned char>(in[i + 2]) & 0x3F);
      if (cp >= 0xFF01 && cp <= 0xFF5E) {
        out.push_back(static_cast<char>(std::toupper(static_cast<int>(cp - 0xFF01 + 0x21))));
        i += 3;
        continue;
      }
    }
    if (c == ' ' || c == '\t' || c == '-') {
      ++i;
      continue;
    }
    out.push_back(static_cast<char>(std::toupper(c)));
    ++i;
  }
  return out;
}

bool phone_ok(const std::string& p) {
  if (p.empty()) return true;
  if (p.size() < 7 || p.size() > 20) return false;
  return std::all_of(p.begin(), p.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

}  // namespace

std::span<const Value> enterprise_kinds() {
  return kKinds;
}

std::optional<EnterpriseKind> parse_enterprise_kind(std::string_view s) {
  for (size_t i = 0; i < std::size(kKinds); ++i)
    if (s == kKinds[i].id || s == kKinds[i].zh) return static_cast<EnterpriseKind>(i);
  return std::nullopt;
}

const char* id(EnterpriseKind k) {
  return kKinds[static_cast<size_t>(k)].id;
}

std::optional<char> credit_code_check(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    auto v = kCreditChars.find(first17[i]);
    if (v == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(v) * kCreditWeights[i];
  }
  int c = 31 - sum % 31;
  if (c == 31) c = 0;
  return kCreditChars[static_cast<size_t>(c)];
}

Result<std::string> parse_credit_code(std::string_view input, const std::string& field) {
  std::string s = fold(input);
  if (s.size() != 18)
    return invalid("credit_code.length", field,
                   fmt::format("统一社会信用代码应为18位，现为{}位", s.size()),
                   fmt::format("A unified social credit code has 18 characters, not {}", s.size()));
  for (size_t i = 0; i < 18; ++i)
    if (kCreditChars.find(s[i]) == std::string_view::npos)
      return invalid(
          "credit_code.char", field,
          fmt::format("统一社会信用代码第{}位“{}”不是有效字符（不使用I、O、S、V、Z）", i + 1, s[i]),
          fmt::format("Character {} ('{}') of the credit code is not allowed (I, O, S, V, Z are "
                      "never used)",
                      i + 1, s[i]));
  for (size_t i = 2; i < 8; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i])))
      return invalid("credit_code.division", field,
                     "统一社会信用代码第3至8位应为登记管理机关行政区划码（数字）",
                     "Characters 3 to 8 of the credit code are the registering division (digits)");
  char want = *credit_code_check(std::string_view(s).substr(0, 17));
  if (s[17] != want)
    return invalid(
        "credit_code.check", field,
        fmt::format("统一社会信用代码校验位应为“{}”，而不是“{}”，请核对", want, s[17]),
        fmt::format("The credit code's check character should be '{}', not '{}': please check it",
                    want, s[17]));
  return s;
}

Result<Enterprise> validate_enterprise(Enterprise e) {
  Error all =
      invalid("enterprise.invalid", "", "企业信息有误", "The enterprise's details are not valid");
  auto trim = [](std::string& s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    size_t b = 0;
    while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    s.erase(0, b);
  };
  trim(e.name);
  trim(e.address);
  trim(e.contact_name);
  trim(e.contact_phone);
  if (e.name.empty())
    all.details.push_back(
        invalid("enterprise.name_required", "name", "请填写企业名称", "The name is required"));
  else if (e.name.size() > 300)
    all.details.push_back(
        invalid("enterprise.name_long", "name", "企业名称过长", "The name is too long"));
  auto code = parse_credit_code(e.credit_code);
  if (!code)
    all.details.push_back(code.error());
  else
    e.credit_code = *code;
  if (e.region_code.size() < 9)
    all.details.push_back(invalid("enterprise.region_required", "region_code",
                                  "请填写企业所在镇街或村社区的区划代码",
                                  "The township or village code is required"));
  if (!phone_ok(e.contact_phone))
    all.details.push_back(invalid("enterprise.phone", "contact_phone", "联系电话应为7至20位数字",
                                  "The contact phone must have 7 to 20 digits"));
  if (e.workers_planned < 0 || e.workers_planned > 100000)
    all.details.push_back(invalid("enterprise.workers", "workers_planned",
                                  "职工人数应在0至100000之间",
                                  "The number of workers must be between 0 and 100000"));
  if (all.details.size() == 1) return all.details.front();
  if (!all.details.empty()) return all;
  return e;
}

Result<Worker> validate_worker(Worker w, Date today) {
  while (!w.name.empty() && w.name.back() == ' ') w.name.pop_back();
  if (w.name.empty())
    return invalid("worker.name_required", "name", "请填写职工姓名",
                   "The worker's name is required");
  auto idn = IdNumber::parse(w.id_number, today);
  if (!idn) {
    Error e = idn.error();
    e.field = "id_number";
    return e;
  }
  w.id_number = idn->str();
  if (!phone_ok(w.phone))
    return invalid("worker.phone", "phone", "电话应为7至20位数字",
                   "The phone must have 7 to 20 digits");
  if (w.health_declared_on && *w.health_declared_on > today)
    return invalid("worker.declared_future", "health_declared_on", "健康申报日期不能晚于今天",
                   "The health declaration cannot be dated in the future");
  return w;
}

Status validate_batch(const TemperatureBatch& b, Date today) {
  Error all = invalid("temperature.invalid", "readings", "体温报告有误",
                      "The temperature report is not valid");
  if (b.on > today)
    all.details.push_back(invalid("temperature.date_future", "on", "体温报告日期不能晚于今天",
                                  "The report cannot be dated in the future"));
  if (b.readings.empty())
    all.details.push_back(invalid("temperature.empty", "readings", "请至少填写一名职工的体温",
                                  "Give at least one worker's reading"));
  std::set<int64_t> seen;
  for (size_t i = 0; i < b.readings.size(); ++i) {
    const auto& r = b.readings[i];
    std::string at = fmt::format("readings[{}]", i);
    if (r.temperature_tenths < 340 || r.temperature_tenths > 430)
      all.details.push_back(invalid(
          "temperature.implausible", at + ".temperature",
          fmt::format("第{}条体温{:.1f}℃不在34.0至43.0℃之间", i + 1, r.temperature_tenths / 10.0),
          fmt::format("Reading {} ({:.1f} °C) is outside 34.0 to 43.0 °C", i + 1,
                      r.temperature_tenths / 10.0)));
    if (!seen.insert(r.worker_id).second)
      all.details.push_back(conflict(
          "temperature.duplicate", at + ".worker_id",
          fmt::format("第{}条：职工{}在本批中重复", i + 1, r.worker_id),
          fmt::format("Reading {}: worker {} appears twice in the batch", i + 1, r.worker_id)));
  }
  if (all.details.size() == 1) return all.details.front();
  if (!all.details.empty()) return all;
  return {};
}

}  // namespace lz::livelihood
