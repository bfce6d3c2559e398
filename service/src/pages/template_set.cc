#include "pages/template_set.h"

#include <regex>

namespace pillarbox::pages {
namespace {

constexpr std::string_view kPrefix = "templates/";
constexpr std::string_view kSuffix = ".mustache";

// The name of "templates/<name>.mustache", or "" for any other file.
std::string TemplateNameOf(std::string_view file) {
  if (file.size() <= kPrefix.size() + kSuffix.size() || file.substr(0, kPrefix.size()) != kPrefix ||
      file.substr(file.size() - kSuffix.size()) != kSuffix) {
    return "";
  }
  return std::string(file.substr(kPrefix.size(), file.size() - kPrefix.size() - kSuffix.size()));
}

bool UsesUnescapedOutput(std::string_view text) {
  return text.find("{{{") != std::string_view::npos || text.find("{{&") != std::string_view::npos ||
         text.find("{{=") != std::string_view::npos;  // a delimiter change could hide either
}

}  // namespace

Result<TemplateSet> TemplateSet::Load(const std::vector<EmbeddedFile>& files) {
  TemplateSet set;
  for (const EmbeddedFile& file : files) {
    const std::string name = TemplateNameOf(file.name);
    if (name.empty()) continue;
    if (UsesUnescapedOutput(file.content)) {
      return Status::InvalidArgument("uses unescaped output", std::string(file.name));
    }
    set.templates_.emplace(name, std::string(file.content));
  }
  if (set.templates_.empty()) return Status::InvalidArgument("no templates", "templates");
  return set;
}

std::string TemplateSet::Render(const std::string& name, const mstch::node& context) const {
  const auto found = templates_.find(name);
  if (found == templates_.end()) return "";
  return mstch::render(found->second, context, templates_);
}

std::set<std::string> TemplateSet::CatalogKeysUsed() const {
  static const std::regex kCatalogTag(R"(\{\{[#^/]?\s*t\.([a-z0-9_.]+)\s*\}\})");
  std::set<std::string> keys;
  for (const auto& [name, text] : templates_) {
    for (auto match = std::sregex_iterator(text.begin(), text.end(), kCatalogTag); match != std::sregex_iterator();
         ++match) {
      keys.insert((*match)[1].str());
    }
  }
  return keys;
}

}  // namespace pillarbox::pages
