#include "http/qr_svg.h"

#include <fmt/format.h>
#include <qrencode.h>

#include <memory>

namespace lz::http {

Result<std::string> qr_svg(std::string_view text, int module_px) {
  std::string s(text);
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M),
                                                      &QRcode_free);
  if (!qr)
    return invalid("qr.too_long", "text", "内容太长，无法生成二维码", "The text is too long for a QR code");
  const int w = qr->width, quiet = 4, size = (w + 2 * quiet) * module_px;
  std::string path;
  path.reserve(static_cast<size_t>(w) * w * 4);
  for (int y = 0; y < w; ++y)
    for (int x = 0; x < w; ++x)
      if (qr->data[y * w + x] & 1) path += fmt::format("M{},{}h1v1h-1z", x + quiet, y + quiet);
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{0}\" viewBox=\"0 0 {1} {1}\" "
      "shape-rendering=\"crispEdges\"><rect width=\"{1}\" height=\"{1}\" fill=\"#fff\"/><path d=\"{2}\" "
      "fill=\"#000\"/></svg>",
      size, w + 2 * quiet, path);
}

}  // namespace lz::http
