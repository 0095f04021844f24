// Import of the kind `key_persons`: one row per listing (姓名, 公民身份号码,
// 类别 (确诊/疑似/发热/密切接触者/湖北返乡 or the ids), 来源, 登记日期, 返乡日期,
// 从何地返回, 交通方式, 末次接触日期, 体温, 症状, 所在村 ...). Each row goes
// through EpidemicService::add_key_person, so the registry person is found by
// the ID number (a different name is refused) or created outside the
// households, and the same person in the same category twice is refused
// (naming the earlier row when it is in the same file). A row outside the
// importer's jurisdiction is refused. Called through import_epidemic().
#pragma once
#include "exchange/epidemic_import.h"

namespace lz::exchange {

const KindSpec& key_persons_spec();
Result<KindImport> import_key_persons(TableReader& in, EpidemicImportEnv& env,
                                      const ImportOptions& opts);

}  // namespace lz::exchange
