#include "demo/names.h"

#include <fmt/format.h>

#include "core/embedded_data.h"

namespace lz::demo {

static std::vector<std::vector<std::string>> parse_tsv(std::string_view tsv) {
  std::vector<std::vector<std::string>> rows;
  size_t b = 0;
  bool header = true;
  while (b < tsv.size()) {
    size_t e = tsv.find('\n', b);
    if (e == std::string_view::npos) e = tsv.size();
    std::string_view line = tsv.substr(b, e - b);
    b = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    size_t fb = 0;
    for (size_t i = 0; i <= line.size(); ++i)
      if (i == line.size() || line[i] == '\t') {
        f.emplace_back(line.substr(fb, i - fb));
        fb = i + 1;
      }
    rows.push_back(std::move(f));
  }
  return rows;
}

NameMaker::NameMaker() {
  std::vector<double> sw, mw, fw;
  for (auto& r : parse_tsv(embedded::kSurnamesTsv)) {
    surnames_.push_back(r.at(0));
    sw.push_back(std::stod(r.at(1)));
  }
  for (auto& r : parse_tsv(embedded::kGivenNamesTsv)) {
    double w = std::stod(r.at(2));
    if (r.at(1) != "F") {
      male_.push_back(r.at(0));
      mw.push_back(w);
    }
    if (r.at(1) != "M") {
      female_.push_back(r.at(0));
      fw.push_back(w);
    }
  }
  surname_w_ = Weighted(sw);
  male_w_ = Weighted(mw);
  female_w_ = Weighted(fw);
}

const NameMaker& NameMaker::instance() {
  static const NameMaker m;
  return m;
}

std::string NameMaker::surname(Rng& rng) const { return surnames_[surname_w_.draw(rng)]; }

std::string NameMaker::given(Rng& rng, bool male) const {
  const auto& chars = male ? male_ : female_;
  const auto& w = male ? male_w_ : female_w_;
  std::string g = chars[w.draw(rng)];
  if (!rng.chance(0.22)) {
    std::string second = chars[w.draw(rng)];
    if (second != g || rng.chance(0.3)) g += second;  // 丽丽, 婷婷 happen, but rarely
  }
  return g;
}

std::string mobile_number(Rng& rng) {
  static const int prefixes[] = {138, 139, 135, 136, 137, 150, 151, 152, 158, 159, 182, 183, 187, 188, 130,
                                 131, 132, 155, 156, 185, 186, 133, 153, 180, 189, 177, 199, 173, 147, 178};
  int p = prefixes[rng.uniform(0, std::size(prefixes) - 1)];
  return fmt::format("{}{:08}", p, rng.uniform(0, 99999999));
}

}  // namespace lz::demo
