#include "store/sqlite/sqlite_livelihood.h"

namespace lz::sqlite {

Status fill_livelihood_figures(Db& db, Date d, const std::string& region_prefix,
                               livelihood::LivelihoodFigures& out) {
  LZ_TRY(fill_produce_figures(db, d, region_prefix, out));
  LZ_TRY(fill_jobs_figures(db, d, region_prefix, out));
  LZ_TRY(fill_enterprise_figures(db, d, region_prefix, out));
  LZ_TRY(fill_supplies_figures(db, d, region_prefix, out));
  return Status::Ok();
}

}  // namespace lz::sqlite
