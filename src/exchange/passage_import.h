// Import of the kind `passages`: one row per traveller (卡点 (id or name),
// 时间, 车牌号, 来自, 前往, 姓名, 公民身份号码, 联系电话, 体温). Consecutive rows
// of the same checkpoint, time and plate are one passage (the domain stores
// a passage with its travellers), written through
// EpidemicService::record_passage: a traveller at 37.3 °C or more (or from
// Hubei) is listed as a key person at once and then needs a name and an ID
// number. A passage already recorded (same checkpoint, minute and plate, in
// the database or earlier in the file) is refused as a duplicate; a
// checkpoint outside the importer's jurisdiction (checkpoint staff: any other
// than theirs) is a row error. Called through import_epidemic().
#pragma once
#include "exchange/epidemic_import.h"

namespace lz::exchange {

const KindSpec& passages_spec();
Result<KindImport> import_passages(TableReader& in, EpidemicImportEnv& env,
                                   const ImportOptions& opts);

}  // namespace lz::exchange
