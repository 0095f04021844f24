// QR codes as SVG (libqrencode from Debian): for the door plates cadres put
// up, so a visit is recorded by scanning. Pure: text in, SVG text out.
// Called by handlers/door_plate.cc.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"

namespace lz::http {

// A QR code of `text` (8-bit mode, error correction level M) as a standalone
// SVG of `module_px` pixels per module with the 4-module quiet zone; dark
// modules are one path. Refused (qr.too_long) past what a QR code holds.
Result<std::string> qr_svg(std::string_view text, int module_px = 4);

}  // namespace lz::http
