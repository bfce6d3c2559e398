#include "app/route_documents.h"

#include "common/embedded_file.h"

namespace pillarbox::app {

http::RouteContext BuildRouteContext(const intake::QuestionnaireCatalog& catalog) {
  http::RouteContext context;
  context.catalog = &catalog;
  context.taxonomy_document = std::string(EmbeddedTaxonomy().front().content);
  for (const EmbeddedFile& file : EmbeddedQuestionnaires()) {
    std::string kind(file.name.substr(0, file.name.rfind(".json")));
    if (catalog.Find(kind) != nullptr) context.questionnaire_documents.emplace(kind, std::string(file.content));
  }
  return context;
}

}  // namespace pillarbox::app
