// The rule table's entries: one factory per rule file in this folder. Only
// check.cc calls these (to build the table, in report order); each returns
// the rule's description and its evaluate function.
#pragma once
#include "poverty/rule.h"

namespace lz::poverty::rulebook {

Rule income_above_line();                // income_above_line.cc
Rule food_secure();                      // food_secure.cc
Rule clothing_secure();                  // clothing_secure.cc
Rule education_enrolment();              // education_enrolment.cc
Rule medical_insurance();                // medical_insurance.cc
Rule medical_chronic_card();             // medical_chronic_card.cc
Rule housing_safe();                     // housing_safe.cc
Rule water_safe();                       // water_safe.cc
Rule policy_dibao();                     // policy_dibao.cc
Rule policy_disability_subsidy();        // policy_disability_subsidy.cc
Rule policy_microcredit_overdue();       // policy_microcredit_overdue.cc
Rule policy_microcredit_unused();        // policy_microcredit_unused.cc
Rule consistency_development_measure();  // consistency_development_measure.cc
Rule consistency_assistance_close();     // consistency_assistance_close.cc
Rule consistency_unstable_work();        // consistency_unstable_work.cc
Rule consistency_student_labour();       // consistency_student_labour.cc
Rule consistency_register_years();       // consistency_register_years.cc

}  // namespace lz::poverty::rulebook
