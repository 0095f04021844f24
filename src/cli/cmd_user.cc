// placeholder: being written
#include "cli/common.h"
namespace lz::cli {
void add_user(CLI::App&, Runner&) {}
}  // namespace lz::cli
