// TemplateSet: the reporter pages' mustache templates
// (admin-ui/reporter/templates/<name>.mustache), rendered with mstch. Every
// template can include any other as a partial ({{>head}}). Values are
// HTML-escaped by mstch ({{name}}); templates never use the unescaped forms
// ({{{name}}} or {{&name}}), which Load refuses.
// Immutable after Load; Render is safe to call from several threads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <mstch/mstch.hpp>

#include "common/embedded_file.h"
#include "common/status.h"

namespace pillarbox::pages {

class TemplateSet {
 public:
  // Loads every "templates/<name>.mustache" of `files` (others ignored).
  // InvalidArgument naming the file when one uses unescaped output, or when
  // there is no template at all.
  static Result<TemplateSet> Load(const std::vector<EmbeddedFile>& files);

  // Renders template `name` with `context`; "" for an unknown name (a
  // programming error the page tests catch).
  std::string Render(const std::string& name, const mstch::node& context) const;

  // True when a template `name` exists.
  bool Has(const std::string& name) const { return templates_.count(name) != 0; }

  // Every catalog key the templates name as {{t.<key>}} (also in sections).
  std::set<std::string> CatalogKeysUsed() const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace pillarbox::pages
