// The livelihood front's bulletin figures on SQLite: each part of the front
// (produce, jobs, enterprises, supplies) fills its own fields from its own
// tables; fill_livelihood_figures() calls them all. Called by app/bulletin.cc.
#pragma once
#include <string>

#include "core/date.h"
#include "core/error.h"
#include "livelihood/figures.h"
#include "store/sqlite/db.h"

namespace lz::sqlite {

// region_prefix: "" = everywhere, else a region-code prefix.
Status fill_livelihood_figures(Db& db, Date d, const std::string& region_prefix,
                               livelihood::LivelihoodFigures& out);

Status fill_produce_figures(Db& db, Date d, const std::string& region_prefix,
                            livelihood::LivelihoodFigures& out);  // sqlite_produce.cc
Status fill_jobs_figures(Db& db, Date d, const std::string& region_prefix,
                         livelihood::LivelihoodFigures& out);  // sqlite_jobs.cc
Status fill_enterprise_figures(Db& db, Date d, const std::string& region_prefix,
                               livelihood::LivelihoodFigures& out);  // sqlite_enterprises.cc
Status fill_supplies_figures(Db& db, Date d, const std::string& region_prefix,
                             livelihood::LivelihoodFigures& out);  // sqlite_supplies.cc

}  // namespace lz::sqlite
