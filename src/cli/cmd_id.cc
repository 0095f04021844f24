// `liangzhan id NUMBER...`: checks resident ID numbers (GB 11643) and shows
// what they say; exit 1 if any is invalid. Handy for cadres cleaning lists.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "core/id_number.h"

namespace lz::cli {

void add_id(CLI::App& app, Runner& run) {
  struct Opts {
    std::vector<std::string> numbers;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("id", "Check resident ID numbers: normalised form, birth date, sex, check character");
  cmd->add_option("numbers", o->numbers, "ID numbers (full-width digits, spaces and a lowercase x are accepted)")
      ->required();
  cmd->add_flag("--json", o->json, "Print JSON");
  cmd->callback([o, &run] {
    run = [o] {
      int status = kExitOk;
      nlohmann::json arr = nlohmann::json::array();
      bool en = globals().language() == Lang::kEn;
      for (const auto& n : o->numbers) {
        auto id = IdNumber::parse(n);
        if (!id) {
          status = kExitBadInput;
          if (o->json)
            arr.push_back({{"input", n}, {"valid", false}, {"code", id.error().code},
                           {"message", id.error().message(globals().language())}});
          else
            std::fprintf(stderr, "%s: %s\n", n.c_str(), id.error().message(globals().language()).c_str());
          continue;
        }
        bool male = id->sex() == Sex::kMale;
        if (o->json)
          arr.push_back({{"input", n}, {"valid", true}, {"id_number", id->str()}, {"birth_date", id->birth_date().iso()},
                         {"sex", male ? "male" : "female"}, {"division", std::string(id->division())}});
        else
          std::printf(en ? "%s valid: born %s, %s, division %s\n" : "%s 有效：出生日期%s，%s，区划%s\n",
                      id->str().c_str(), id->birth_date().iso().c_str(), en ? (male ? "male" : "female") : (male ? "男" : "女"),
                      std::string(id->division()).c_str());
      }
      if (o->json) std::printf("%s\n", arr.dump(2).c_str());
      return status;
    };
  });
}

}  // namespace lz::cli
