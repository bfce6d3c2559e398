// Entry names of evidence bundles (declared in bundles/entry_path.h).
#include "bundles/entry_path.h"

namespace pillarbox::bundles {
namespace {

bool AllowedCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '/';
}

Status Refuse(const std::string& why) { return Status::InvalidArgument("entry path " + why, "path"); }

}  // namespace

Status ValidateEntryPath(std::string_view path) {
  if (path.empty()) return Refuse("is empty");
  if (path.size() > kMaxEntryPathBytes) return Refuse("is longer than 255 bytes");
  for (const char c : path) {
    if (!AllowedCharacter(c)) return Refuse("may contain only A-Z a-z 0-9 . _ - /");
  }
  if (path.find("..") != std::string_view::npos) return Refuse("may not contain \"..\"");
  if (path.front() == '/' || path.back() == '/') return Refuse("may not start or end with '/'");
  if (path.find("//") != std::string_view::npos) return Refuse("may not contain an empty segment");
  if (path == "." || path.starts_with("./") || path.ends_with("/.") || path.find("/./") != std::string_view::npos) {
    return Refuse("may not contain a \".\" segment");
  }
  return Status::Ok();
}

}  // namespace pillarbox::bundles
