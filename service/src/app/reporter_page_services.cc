#include "app/reporter_page_services.h"

#include "common/embedded_file.h"

namespace pillarbox::app {

Result<std::unique_ptr<ReporterPageServices>> ReporterPageServices::Start(
    const intake::QuestionnaireCatalog& questionnaires, const Clock& clock,
    intake::FormTokens::Options token_options) {
  PB_ASSIGN_OR_RETURN(auto pages, pages::ReporterPages::Create(questionnaires, clock, EmbeddedReporterAssets()));
  return std::unique_ptr<ReporterPageServices>(new ReporterPageServices(std::move(pages), clock, token_options));
}

void ReporterPageServices::Fill(http::RouteContext& context) {
  context.reporter_pages = pages_.get();
  context.form_tokens = &form_tokens_;
}

}  // namespace pillarbox::app
