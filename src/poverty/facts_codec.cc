// The byte format of facts_codec.h. Writer and Reader mirror each other
// field by field in HouseholdFacts' order; keep them side by side when a
// field is added (and bump kFactsCodecVersion).
#include "poverty/facts_codec.h"

#include <cstdint>

namespace lz::poverty {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  void u(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void i(int64_t v) { u((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63)); }
  void str(std::string_view s) {
    u(s.size());
    out_.append(s);
  }
  void date(Date d) { i(d.days()); }
  void flag(bool b) { out_.push_back(b ? 1 : 0); }
  // An optional bool as one byte: 0 not recorded, 1 false, 2 true.
  void ob(const std::optional<bool>& b) { out_.push_back(static_cast<char>(b ? (*b ? 2 : 1) : 0)); }
  template <typename T>
  void oi(const std::optional<T>& v) {
    flag(v.has_value());
    if (v) i(static_cast<int64_t>(*v));
  }
  void od(const std::optional<Date>& d) {
    flag(d.has_value());
    if (d) date(*d);
  }
  template <typename E>
  void e(E v) {
    u(static_cast<uint64_t>(v));
  }
  template <typename E>
  void oe(const std::optional<E>& v) {
    flag(v.has_value());
    if (v) e(*v);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

  uint64_t u() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return fail();
      const auto b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail();
  }
  int64_t i() {
    const uint64_t z = u();
    return static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
  }
  std::string str() {
    const uint64_t n = u();
    if (!ok_ || n > in_.size() - pos_) return fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  Date date() { return Date::from_days(static_cast<int32_t>(i())); }
  bool flag() {
    const uint8_t b = byte();
    if (b > 1) fail();
    return b == 1;
  }
  std::optional<bool> ob() {
    const uint8_t b = byte();
    if (b > 2) fail();
    if (b == 0) return std::nullopt;
    return b == 2;
  }
  template <typename T>
  std::optional<T> oi() {
    if (!flag()) return std::nullopt;
    return static_cast<T>(i());
  }
  std::optional<Date> od() {
    if (!flag()) return std::nullopt;
    return date();
  }
  template <typename E>
  E e() {
    const uint64_t v = u();
    if (v >= vocabulary<E>().size()) return fail(), E{};
    return static_cast<E>(v);
  }
  template <typename E>
  std::optional<E> oe() {
    if (!flag()) return std::nullopt;
    return e<E>();
  }
  // A count of items still to come, each at least one byte long.
  size_t count() {
    const uint64_t n = u();
    if (n > in_.size() - pos_) return fail(), 0;
    return static_cast<size_t>(n);
  }

 private:
  uint8_t byte() {
    if (pos_ >= in_.size()) return fail(), 0;
    return static_cast<uint8_t>(in_[pos_++]);
  }
  uint64_t fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

void encode_facts(const HouseholdFacts& h, std::string& out) {
  Writer w(out);
  w.i(h.household_id);
  w.str(h.region_code);
  w.oi(h.cadre_id);
  w.e(h.status);
  w.oi(h.registered_year);
  w.oi(h.lifted_year);
  w.u(h.causes.bits());
  w.oe(h.main_cause);
  w.u(h.members.size());
  for (const auto& m : h.members) {
    w.i(m.person_id);
    w.str(m.name);
    w.str(m.id_number);
    w.date(m.birth_date);
    w.flag(m.sex == Sex::kFemale);
    w.str(m.relationship);
    w.oe(m.health);
    w.oe(m.labour);
    w.oe(m.enrolment);
    w.ob(m.basic_medical);
    w.ob(m.serious_illness);
    w.ob(m.chronic_card);
    w.str(m.disability_certificate);
    w.ob(m.disability_subsidy);
  }
  w.oi(h.income.wage_fen);
  w.oi(h.income.business_fen);
  w.oi(h.income.property_fen);
  w.oi(h.income.transfer_fen);
  w.oi(h.income.business_costs_fen);
  w.oi(h.housing_grade);
  w.ob(h.water.quality);
  w.ob(h.water.quantity);
  w.ob(h.water.convenience);
  w.ob(h.water.reliability);
  w.ob(h.benefits.dibao);
  w.ob(h.benefits.tekun);
  w.u(h.benefits.loans.size());
  for (const auto& l : h.benefits.loans) {
    w.i(l.amount_fen);
    w.date(l.start);
    w.date(l.due);
    w.i(l.repaid_fen);
    w.od(l.repaid_on);
  }
  w.flag(h.visit.has_value());
  if (h.visit) {
    w.date(h.visit->on);
    w.e(h.visit->mode);
    w.ob(h.visit->food_ok);
    w.ob(h.visit->clothing_ok);
  }
  w.u(h.measures.size());
  for (const auto& m : h.measures) {
    w.e(m.kind);
    w.date(m.on);
    w.i(m.amount_fen);
  }
  w.u(h.risks.size());
  for (const auto& r : h.risks) {
    w.i(r.id);
    w.i(r.household_id);
    w.e(r.category);
    w.oe(r.trigger);
    w.date(r.trigger_on);
    w.oi(r.person_id);
    w.u(r.kinds.bits());
    w.date(r.opened_on);
    w.date(r.deadline);
    w.od(r.assessed_on);
    w.str(r.assessment_note);
    w.od(r.closed_on);
    w.oe(r.close_method);
    w.str(r.note);
    w.str(r.close_note);
    w.str(r.closed_by);
  }
}

std::string encode_facts(const HouseholdFacts& h) {
  std::string out;
  encode_facts(h, out);
  return out;
}

Result<HouseholdFacts> decode_facts(std::string_view bytes) {
  Reader r(bytes);
  HouseholdFacts h;
  h.household_id = r.i();
  h.region_code = r.str();
  h.cadre_id = r.oi<int64_t>();
  h.status = r.e<HouseholdStatus>();
  h.registered_year = r.oi<int>();
  h.lifted_year = r.oi<int>();
  h.causes = CauseSet::from_bits(static_cast<uint32_t>(r.u()));
  h.main_cause = r.oe<Cause>();
  h.members.resize(r.count());
  for (auto& m : h.members) {
    m.person_id = r.i();
    m.name = r.str();
    m.id_number = r.str();
    m.birth_date = r.date();
    m.sex = r.flag() ? Sex::kFemale : Sex::kMale;
    m.relationship = r.str();
    m.health = r.oe<Health>();
    m.labour = r.oe<Labour>();
    m.enrolment = r.oe<Enrolment>();
    m.basic_medical = r.ob();
    m.serious_illness = r.ob();
    m.chronic_card = r.ob();
    m.disability_certificate = r.str();
    m.disability_subsidy = r.ob();
  }
  h.income.wage_fen = r.oi<int64_t>();
  h.income.business_fen = r.oi<int64_t>();
  h.income.property_fen = r.oi<int64_t>();
  h.income.transfer_fen = r.oi<int64_t>();
  h.income.business_costs_fen = r.oi<int64_t>();
  h.housing_grade = r.oi<char>();
  h.water.quality = r.ob();
  h.water.quantity = r.ob();
  h.water.convenience = r.ob();
  h.water.reliability = r.ob();
  h.benefits.dibao = r.ob();
  h.benefits.tekun = r.ob();
  h.benefits.loans.resize(r.count());
  for (auto& l : h.benefits.loans) {
    l.amount_fen = r.i();
    l.start = r.date();
    l.due = r.date();
    l.repaid_fen = r.i();
    l.repaid_on = r.od();
  }
  if (r.flag()) {
    VisitFacts v;
    v.on = r.date();
    v.mode = r.e<VisitMode>();
    v.food_ok = r.ob();
    v.clothing_ok = r.ob();
    h.visit = v;
  }
  h.measures.resize(r.count());
  for (auto& m : h.measures) {
    m.kind = r.e<MeasureKind>();
    m.on = r.date();
    m.amount_fen = r.i();
  }
  h.risks.resize(r.count());
  for (auto& k : h.risks) {
    k.id = r.i();
    k.household_id = r.i();
    k.category = r.e<RiskCategory>();
    k.trigger = r.oe<TriggerKind>();
    k.trigger_on = r.date();
    k.person_id = r.oi<int64_t>();
    k.kinds = RiskKindSet::from_bits(static_cast<uint32_t>(r.u()));
    k.opened_on = r.date();
    k.deadline = r.date();
    k.assessed_on = r.od();
    k.assessment_note = r.str();
    k.closed_on = r.od();
    k.close_method = r.oe<CloseMethod>();
    k.note = r.str();
    k.close_note = r.str();
    k.closed_by = r.str();
  }
  if (!r.ok() || !r.done())
    return internal("facts_codec.corrupt", "户核查数据快照已损坏",
                    "the stored facts of a household are corrupt");
  return h;
}

}  // namespace lz::poverty
