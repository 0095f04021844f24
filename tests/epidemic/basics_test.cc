// The vocabulary (ids, labels, parsing), DateTime and temperatures, the
// settings, and key persons: validation, linking to a registry person or
// creating one, duplicates, categories implied by cases and observation.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "epidemic/config.h"
#include "epidemic/key_person.h"
#include "epidemic/units.h"
#include "epidemic/vocab.h"
#include "test_util.h"

namespace lz::epidemic {
namespace {

using test::D;
using test::T;

template <typename E>
void expect_unique_ids(size_t n) {
  auto v = vocabulary<E>();
  ASSERT_EQ(v.size(), n);
  std::set<std::string> ids, zhs;
  for (const auto& x : v) {
    ids.insert(x.id);
    zhs.insert(x.zh);
    EXPECT_EQ(parse<E>(x.id), static_cast<E>(&x - v.data()));
    EXPECT_EQ(parse<E>(x.zh), static_cast<E>(&x - v.data()));
  }
  EXPECT_EQ(ids.size(), n);
  EXPECT_EQ(zhs.size(), n);
}

TEST(VocabTest, EveryVocabularyHasUniqueIdsAndLabels) {
  expect_unique_ids<KeyCategory>(kKeyCategoryCount);
  expect_unique_ids<KeySource>(7);  // ... enterprise (livelihood front: worker temperatures)
  expect_unique_ids<TravelMode>(5);
  expect_unique_ids<CaseStatus>(5);
  expect_unique_ids<ContactSetting>(7);
  expect_unique_ids<Closeness>(2);
  expect_unique_ids<ObservationKind>(2);
  expect_unique_ids<Symptom>(9);
  expect_unique_ids<FollowUpState>(3);
  expect_unique_ids<CallResult>(2);
  expect_unique_ids<NeedKind>(4);
  expect_unique_ids<RelapseTriggerKind>(3);
  expect_unique_ids<PovertyStanding>(4);
}

TEST(VocabTest, TheGlossaryTerms) {
  EXPECT_STREQ(id(KeyCategory::kHubeiReturnee), "hubei_returnee");
  EXPECT_STREQ(zh(KeyCategory::kHubeiReturnee), "湖北返乡人员");
  EXPECT_STREQ(id(KeyCategory::kCloseContact), "close_contact");
  EXPECT_STREQ(zh(KeyCategory::kCloseContact), "密切接触者");
  EXPECT_STREQ(id(ObservationKind::kCentralized), "centralized");
  EXPECT_STREQ(zh(ObservationKind::kHome), "居家隔离");
  EXPECT_STREQ(id(KeySource::kPhoneScreening), "phone_screening");
  EXPECT_STREQ(id(CaseStatus::kDischarged), "discharged");
  // The poverty front's TriggerKind ids (poverty/vocab.cc), spelled the same.
  EXPECT_STREQ(id(RelapseTriggerKind::kEpidemicQuarantine), "epidemic_quarantine");
  EXPECT_STREQ(id(RelapseTriggerKind::kEpidemicInfection), "epidemic_infection");
  EXPECT_STREQ(id(RelapseTriggerKind::kProduceUnsold), "produce_unsold");
  EXPECT_EQ(parse<KeyCategory>(" 密切接触者 "), KeyCategory::kCloseContact);
  EXPECT_EQ(parse<KeyCategory>("nobody"), std::nullopt);
}

TEST(VocabTest, Symptoms) {
  SymptomSet s{Symptom::kFatigue, Symptom::kCough};
  EXPECT_EQ(symptom_ids(s), "cough,fatigue");
  EXPECT_EQ(symptoms_zh(s), "干咳、乏力");
  EXPECT_EQ(symptom_ids({}), "");
  EXPECT_EQ(parse_symptoms("cough, fatigue"), s);
  EXPECT_EQ(parse_symptoms("干咳、乏力"), s);
  EXPECT_EQ(parse_symptoms("乏力，干咳,"), s);
  EXPECT_EQ(parse_symptoms(""), SymptomSet{});
  EXPECT_EQ(parse_symptoms("干咳、头晕"), std::nullopt);
  // The words people write for each symptom.
  const std::pair<const char*, Symptom> words[] = {
      {"咳嗽", Symptom::kCough},
      {"咳", Symptom::kCough},
      {"咳痰", Symptom::kCough},
      {"疲乏", Symptom::kFatigue},
      {"全身无力", Symptom::kFatigue},
      {"喉咙痛", Symptom::kSoreThroat},
      {"咽喉痛", Symptom::kSoreThroat},
      {"气促", Symptom::kShortnessOfBreath},
      {"胸闷气短", Symptom::kShortnessOfBreath},
      {"肌肉痛", Symptom::kMuscleAche},
      {"全身酸痛", Symptom::kMuscleAche},
      {"拉肚子", Symptom::kDiarrhoea},
      {"流鼻涕", Symptom::kRunnyNose},
      {"鼻塞", Symptom::kRunnyNose},
      {"怕冷", Symptom::kChills},
      {"寒战", Symptom::kChills},
  };
  for (const auto& [word, sym] : words) {
    SymptomSet want;
    want.add(sym);
    EXPECT_EQ(parse_symptoms(word), want) << word;
  }
  EXPECT_EQ(parse_symptoms("咳嗽、乏力"), s);
  EXPECT_EQ(parse_symptoms("咳嗽，干咳"), parse_symptoms("干咳"));
  EXPECT_EQ(s.size(), 2);
}

TEST(UnitsTest, DateTime) {
  DateTime t = T(2020, 2, 12, 8, 30);
  EXPECT_EQ(t.iso(), "2020-02-12T08:30");
  EXPECT_EQ(t.date(), D(2020, 2, 12));
  EXPECT_EQ(t.minute_of_day(), 510);
  EXPECT_EQ(DateTime::parse_iso("2020-02-12T08:30"), t);
  EXPECT_EQ(DateTime::parse_iso("2020-02-12 08:30:59"), t);
  EXPECT_EQ(DateTime::parse_iso("２０２０-02-12 08:30"), t);
  EXPECT_EQ(DateTime::parse_iso("2020-02-12"), T(2020, 2, 12, 0, 0));
  EXPECT_EQ(DateTime::parse_iso("2020-02-12T24:00"), std::nullopt);
  EXPECT_EQ(DateTime::parse_iso("2020-02-30T08:00"), std::nullopt);
  EXPECT_EQ(DateTime::parse_iso("2020-02-12T8:30"), std::nullopt);
  EXPECT_EQ(T(2020, 2, 13, 0, 0) - T(2020, 2, 12, 23, 0), 60);
  EXPECT_EQ(t.plus_minutes(16 * 60).iso(), "2020-02-13T00:30");
  // Before 1970 too (floor division).
  DateTime old = T(1969, 12, 31, 23, 59);
  EXPECT_EQ(old.date(), D(1969, 12, 31));
  EXPECT_EQ(old.minute_of_day(), 1439);
  EXPECT_EQ(old.iso(), "1969-12-31T23:59");
}

TEST(UnitsTest, Temperatures) {
  EXPECT_EQ(tenths_of(37.3), 373);
  EXPECT_EQ(tenths_of(37.2), 372);
  EXPECT_EQ(tenths_of(36.95), 370);
  EXPECT_EQ(format_temperature(373), "37.3");
  EXPECT_EQ(format_temperature(380), "38.0");
  struct Row {
    const char* in;
    std::optional<int> want;
  };
  const Row rows[] = {
      {"37.3", 373},    {" 37.3℃ ", 373}, {"37.3°C", 373}, {"37.3°", 373}, {"37,3", 373},
      {"３７.３", 373}, {"37", 370},      {"37.", {}},     {"37.25", {}},  {"abc", {}},
      {"", {}},         {"-37", {}},      {"3700", {}},
  };
  for (const Row& r : rows) EXPECT_EQ(parse_temperature(r.in), r.want) << r.in;
  EXPECT_TRUE(validate_temperature(340, "t").ok());
  EXPECT_TRUE(validate_temperature(430, "t").ok());
  Status low = validate_temperature(339, "t");
  EXPECT_EQ(low.error().code, "temperature.implausible");
  EXPECT_EQ(low.error().field, "t");
  EXPECT_EQ(low.error().message_zh, "体温33.9℃不合常理（应在34.0到43.0℃之间），请重新测量");
}

TEST(ConfigTest, DefaultsAndValidation) {
  EpidemicConfig c;
  EXPECT_EQ(c.fever_threshold_tenths, 373);
  EXPECT_EQ(c.observation_days, 14);
  EXPECT_EQ(c.discharge_normal_temperature_days, 3);
  EXPECT_EQ(c.discharge_negative_tests, 2);
  EXPECT_EQ(c.discharge_test_gap_days, 1);
  EXPECT_EQ(c.post_discharge_monitoring_days, 14);
  EXPECT_TRUE(validate(c).ok());
  struct Row {
    void (*change)(EpidemicConfig&);
    const char* field;
  };
  const Row rows[] = {
      {[](EpidemicConfig& c) { c.fever_threshold_tenths = 359; }, "fever_threshold_tenths"},
      {[](EpidemicConfig& c) { c.fever_threshold_tenths = 391; }, "fever_threshold_tenths"},
      {[](EpidemicConfig& c) { c.observation_days = 0; }, "observation_days"},
      {[](EpidemicConfig& c) { c.discharge_normal_temperature_days = 0; },
       "discharge_normal_temperature_days"},
      {[](EpidemicConfig& c) { c.discharge_negative_tests = 0; }, "discharge_negative_tests"},
      {[](EpidemicConfig& c) { c.discharge_test_gap_days = -1; }, "discharge_test_gap_days"},
      {[](EpidemicConfig& c) { c.post_discharge_monitoring_days = -1; },
       "post_discharge_monitoring_days"},
      {[](EpidemicConfig& c) { c.max_shift_hours = 49; }, "max_shift_hours"},
  };
  for (const Row& r : rows) {
    EpidemicConfig x;
    r.change(x);
    Status s = validate(x);
    ASSERT_FALSE(s.ok()) << r.field;
    EXPECT_EQ(s.error().code, "epidemic_config.invalid");
    EXPECT_EQ(s.error().field, r.field);
  }
}

const Date kAsOf = D(2020, 2, 12);

KeyPersonInput a_returnee() {
  KeyPersonInput in;
  in.id_number = " " + test::id_no(1990, 5, 4) + " ";
  in.name = " 刘  伟 ";
  in.phone = "138 0000 0000";
  in.region_code = "430281126232";
  in.category = KeyCategory::kHubeiReturnee;
  in.source = KeySource::kSelfReport;
  in.added_on = D(2020, 1, 25);
  in.travel = HubeiTravel{D(2020, 1, 22), "湖北省武汉市", TravelMode::kTrain, "G1001"};
  in.by = "cadre7";
  return in;
}

// An ID number ending in X for the returnee (sequence chosen so the check is X).
std::string x_id() {
  for (int seq = 1; seq < 999; seq += 2) {
    std::string s = test::id_no(1990, 5, 4, seq);
    if (s.back() == 'X') return s;
  }
  return "";
}

TEST(KeyPersonTest, ValidatesAndNormalises) {
  KeyPersonInput in = a_returnee();
  std::string x = x_id();
  ASSERT_FALSE(x.empty());
  in.id_number = " " + x.substr(0, 17) + "x ";
  auto v = validate_key_person(in, kAsOf);
  ASSERT_TRUE(v.ok()) << v.error().describe(Lang::kEn);
  EXPECT_EQ(v->id_number, x);
  EXPECT_EQ(v->name, "刘 伟");
  EXPECT_EQ(v->phone, "13800000000");
}

TEST(KeyPersonTest, Refusals) {
  struct Row {
    void (*change)(KeyPersonInput&);
    const char* code;
    const char* field;
  };
  const Row rows[] = {
      {[](KeyPersonInput& k) { k.id_number = ""; }, "key_person.person_required", "id_number"},
      {[](KeyPersonInput& k) { k.id_number = "430281199005041234"; }, "id_number.checksum",
       "id_number"},
      {[](KeyPersonInput& k) { k.name = " "; }, "key_person.name_required", "name"},
      {[](KeyPersonInput& k) { k.region_code = ""; }, "key_person.region_required", "region_code"},
      {[](KeyPersonInput& k) { k.added_on = D(2020, 2, 13); }, "key_person.date_future",
       "added_on"},
      {[](KeyPersonInput& k) { k.travel.reset(); }, "key_person.travel_required", "travel"},
      {[](KeyPersonInput& k) { k.travel->from_place = ""; }, "key_person.travel_required",
       "travel.from_place"},
      {[](KeyPersonInput& k) {
         k.travel->arrived_on = D(2020, 2, 13);
         k.added_on = D(2020, 2, 12);
       },
       "key_person.date_future", "travel.arrived_on"},
      {[](KeyPersonInput& k) { k.travel->arrived_on = D(2020, 1, 26); },
       "key_person.exposure_after_added", "travel.arrived_on"},
      {[](KeyPersonInput& k) { k.category = KeyCategory::kCloseContact; },
       "key_person.exposure_required", "last_exposure"},
      {[](KeyPersonInput& k) {
         k.category = KeyCategory::kCloseContact;
         k.last_exposure = D(2020, 1, 26);
       },
       "key_person.exposure_after_added", "last_exposure"},
      {[](KeyPersonInput& k) {
         k.category = KeyCategory::kFever;
         k.temperature_tenths = 500;
       },
       "temperature.implausible", "temperature_tenths"},
  };
  for (const Row& r : rows) {
    KeyPersonInput in = a_returnee();
    r.change(in);
    auto v = validate_key_person(in, kAsOf);
    ASSERT_FALSE(v.ok()) << r.code;
    EXPECT_EQ(v.error().code, r.code);
    EXPECT_EQ(v.error().field, r.field) << r.code;
  }
  // A known person needs neither name nor region nor ID number.
  KeyPersonInput known;
  known.person_id = 9001;
  known.category = KeyCategory::kFever;
  known.added_on = kAsOf;
  EXPECT_TRUE(validate_key_person(known, kAsOf).ok());
  // Everything wrong at once: all reported.
  KeyPersonInput none;
  none.category = KeyCategory::kCloseContact;
  none.added_on = kAsOf;
  auto all = validate_key_person(none, kAsOf);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.error().details.size(), 3u);  // name, region, exposure after person
}

TEST(KeyPersonTest, LinksToTheRegistryOrCreatesAPerson) {
  auto in = validate_key_person(a_returnee(), kAsOf);
  ASSERT_TRUE(in.ok());
  Person p;
  p.id = 9001;
  p.name = "刘 伟";
  p.id_number = in->id_number;
  auto link = link_person(*in, &p);
  ASSERT_TRUE(link.ok());
  EXPECT_EQ(link->existing_person_id, 9001);
  EXPECT_FALSE(link->new_person.has_value());
  p.name = "刘芳";
  auto mismatch = link_person(*in, &p);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().code, "key_person.name_mismatch");
  EXPECT_EQ(mismatch.error().kind, ErrorKind::kConflict);

  auto created = link_person(*in, nullptr);
  ASSERT_TRUE(created.ok());
  ASSERT_TRUE(created->new_person.has_value());
  const Person& n = *created->new_person;
  EXPECT_EQ(n.id, 0);
  EXPECT_EQ(n.name, "刘 伟");
  EXPECT_EQ(n.id_number, in->id_number);
  EXPECT_EQ(n.sex, "male");
  EXPECT_EQ(n.birth_date, D(1990, 5, 4));
  EXPECT_EQ(n.region_code, "430281126232");
  EXPECT_EQ(n.phone, "13800000000");
  EXPECT_FALSE(n.household_id.has_value());
}

TEST(KeyPersonTest, MakeRefusesADuplicateListing) {
  auto in = validate_key_person(a_returnee(), kAsOf);
  ASSERT_TRUE(in.ok());
  auto k = make_key_person(*in, 9001, {});
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->person_id, 9001);
  EXPECT_EQ(k->category, KeyCategory::kHubeiReturnee);
  EXPECT_EQ(k->added_by, "cadre7");
  EXPECT_EQ(exposure_date(*k), D(2020, 1, 22));
  std::vector<KeyPerson> existing = {*k};
  auto dup = make_key_person(*in, 9001, existing);
  EXPECT_EQ(dup.error().code, "key_person.duplicate");
  EXPECT_EQ(dup.error().message_zh, "此人已于2020-01-25登记为“湖北返乡人员”");
  KeyPersonInput fever = *in;
  fever.category = KeyCategory::kFever;
  EXPECT_TRUE(make_key_person(fever, 9001, existing).ok());  // another category
  EXPECT_TRUE(make_key_person(*in, 9002, existing).ok());    // another person
  KeyPersonRecord r = to_record(*k);
  EXPECT_EQ(r.person_id, 9001);
  EXPECT_EQ(r.region_code, "430281126232");
  EXPECT_EQ(r.category, KeyCategory::kHubeiReturnee);
  EXPECT_EQ(r.added_on, D(2020, 1, 25));
}

TEST(KeyPersonTest, CategoriesAndObservation) {
  EXPECT_EQ(category_for(CaseStatus::kSuspected), KeyCategory::kSuspected);
  EXPECT_EQ(category_for(CaseStatus::kConfirmed), KeyCategory::kConfirmed);
  EXPECT_EQ(category_for(CaseStatus::kExcluded), std::nullopt);
  EXPECT_EQ(category_for(CaseStatus::kDischarged), std::nullopt);
  EXPECT_TRUE(needs_observation(KeyCategory::kCloseContact));
  EXPECT_TRUE(needs_observation(KeyCategory::kHubeiReturnee));
  EXPECT_FALSE(needs_observation(KeyCategory::kFever));
  EXPECT_FALSE(needs_observation(KeyCategory::kConfirmed));
  KeyPerson c;
  c.category = KeyCategory::kCloseContact;
  c.last_exposure = D(2020, 2, 1);
  EXPECT_EQ(exposure_date(c), D(2020, 2, 1));
  c.category = KeyCategory::kFever;
  EXPECT_EQ(exposure_date(c), std::nullopt);
}

}  // namespace
}  // namespace lz::epidemic
