// Import of the kind `follow_ups`: one row per follow-up (公民身份号码 or
// 观察编号, 日期 or 第几天, 体温, 症状, 随访人, 随访时间, 备注). The observation
// is the one given, or the person's observation whose follow-up days include
// the date. Each row goes through EpidemicService::record_follow_up (the day
// must be due; one follow-up per day: a second for the same day is refused,
// naming the earlier row when it is in the same file); 37.3 °C or a symptom
// raises an alert, counted in `alerts`. Called through import_epidemic().
#pragma once
#include "exchange/epidemic_import.h"

namespace lz::exchange {

const KindSpec& follow_ups_spec();
Result<KindImport> import_follow_ups(TableReader& in, EpidemicImportEnv& env,
                                     const ImportOptions& opts);

}  // namespace lz::exchange
