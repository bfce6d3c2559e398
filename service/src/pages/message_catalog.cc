#include "pages/message_catalog.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace pillarbox::pages {
namespace {

using Strings = std::map<std::string, std::string, std::less<>>;

constexpr std::string_view kPrefix = "messages/";
constexpr std::string_view kSuffix = ".json";

bool IsKeyPart(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool IsKey(std::string_view key) {
  while (true) {
    const size_t dot = key.find('.');
    if (!IsKeyPart(key.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    key.remove_prefix(dot + 1);
  }
}

bool IsLanguage(std::string_view language) {
  return language.size() >= 2 && language.size() <= 8 &&
         std::all_of(language.begin(), language.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; });
}

// The language of "messages/<lang>.json", or "" for any other name.
std::string LanguageOf(std::string_view name) {
  if (name.size() <= kPrefix.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
      name.substr(name.size() - kSuffix.size()) != kSuffix) {
    return "";
  }
  return std::string(name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size()));
}

Status CheckNoKeyIsAGroup(const Strings& strings, const std::string& file) {
  for (const auto& [key, text] : strings) {
    const auto next = strings.upper_bound(key);
    if (next != strings.end() && next->first.size() > key.size() && next->first.compare(0, key.size(), key) == 0 &&
        next->first[key.size()] == '.') {
      return Status::InvalidArgument("key is both a text and a group: " + key, file);
    }
  }
  return Status::Ok();
}

Status ParseFile(std::string_view content, const std::string& file, Strings& strings) {
  const auto json = nlohmann::json::parse(content, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return Status::InvalidArgument("is not a JSON object", file);
  for (const auto& [key, value] : json.items()) {
    if (!IsKey(key)) return Status::InvalidArgument("bad key: " + key, file);
    if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
      return Status::InvalidArgument("not a non-empty string: " + key, file);
    }
    strings.emplace(key, value.get<std::string>());
  }
  return CheckNoKeyIsAGroup(strings, file);
}

}  // namespace

Result<MessageCatalog> MessageCatalog::Load(const std::vector<EmbeddedFile>& files) {
  MessageCatalog catalog;
  for (const EmbeddedFile& file : files) {
    const std::string language = LanguageOf(file.name);
    if (language.empty()) continue;
    const std::string name(file.name);
    if (!IsLanguage(language)) return Status::InvalidArgument("bad language name", name);
    PB_RETURN_IF_ERROR(ParseFile(file.content, name, catalog.by_language_[language]));
  }
  const auto english = catalog.by_language_.find(kDefaultLanguage);
  if (english == catalog.by_language_.end()) return Status::InvalidArgument("missing", "messages/en.json");
  for (const auto& [language, strings] : catalog.by_language_) {
    for (const auto& [key, text] : strings) {
      if (english->second.count(key) == 0) {
        return Status::InvalidArgument("key unknown in English: " + key, "messages/" + language + ".json");
      }
    }
  }
  return catalog;
}

const std::string& MessageCatalog::Text(std::string_view language, std::string_view key) const {
  static const std::string kEmpty;
  for (std::string_view candidate : {language, std::string_view(kDefaultLanguage)}) {
    const auto strings = by_language_.find(candidate);
    if (strings == by_language_.end()) continue;
    const auto text = strings->second.find(key);
    if (text != strings->second.end()) return text->second;
  }
  return kEmpty;
}

std::string MessageCatalog::Format(std::string_view language, std::string_view key,
                                   const std::map<std::string, std::string>& values) const {
  std::string text = Text(language, key);
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + name + "}";
    for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size())) {
      text.replace(at, placeholder.size(), value);
    }
  }
  return text;
}

std::map<std::string, std::string> MessageCatalog::Merged(std::string_view language) const {
  std::map<std::string, std::string> merged;
  for (std::string_view candidate : {language, std::string_view(kDefaultLanguage)}) {
    const auto strings = by_language_.find(candidate);
    if (strings == by_language_.end()) continue;
    for (const auto& [key, text] : strings->second) merged.emplace(key, text);  // first language wins
  }
  return merged;
}

std::vector<std::string> MessageCatalog::Languages() const {
  std::vector<std::string> languages;
  for (const auto& [language, strings] : by_language_) languages.push_back(language);
  return languages;
}

bool MessageCatalog::HasLanguage(std::string_view language) const { return by_language_.count(language) != 0; }

std::vector<std::string> MessageCatalog::Keys(std::string_view language) const {
  std::vector<std::string> keys;
  const auto strings = by_language_.find(language);
  if (strings == by_language_.end()) return keys;
  for (const auto& [key, text] : strings->second) keys.push_back(key);
  return keys;
}

}  // namespace pillarbox::pages
