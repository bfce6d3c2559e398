// MessageCatalog: every string the reporter pages show, by language and key
// (admin-ui/reporter/messages/<lang>.json: one flat JSON object of
// "group.name": "text"). English is complete; any other language may leave
// keys out, and a missing key falls back to English. Strings may hold
// placeholders written {name}, filled by Format.
// Immutable after Load; const methods are safe to call from several threads.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/embedded_file.h"
#include "common/status.h"

namespace pillarbox::pages {

class MessageCatalog {
 public:
  inline static const std::string kDefaultLanguage = "en";

  // Loads every file named "messages/<lang>.json" in `files` (others are
  // ignored). InvalidArgument naming the file when one is not a flat object
  // of non-empty strings, when a key is not [a-z0-9_]+ groups joined by dots,
  // when a key is both a string and a group ("a.b" and "a.b.c"), when a
  // language file has a key English lacks, or when English is missing.
  static Result<MessageCatalog> Load(const std::vector<EmbeddedFile>& files);

  // The text of `key` in `language`, else in English, else "" (a key no
  // template uses; the catalog test makes sure templates use known keys).
  const std::string& Text(std::string_view language, std::string_view key) const;

  // Text(language, key) with each "{name}" replaced by its value in `values`.
  std::string Format(std::string_view language, std::string_view key,
                     const std::map<std::string, std::string>& values) const;

  // Every key of `language` merged over English (what a page of that language
  // shows), key -> text.
  std::map<std::string, std::string> Merged(std::string_view language) const;

  // Languages with a file, sorted ("en" among them).
  std::vector<std::string> Languages() const;
  // True when `language` has a file.
  bool HasLanguage(std::string_view language) const;
  // The keys of `language`'s own file, sorted; empty for an unknown language.
  std::vector<std::string> Keys(std::string_view language) const;

 private:
  using Strings = std::map<std::string, std::string, std::less<>>;
  std::map<std::string, Strings, std::less<>> by_language_;
};

}  // namespace pillarbox::pages
