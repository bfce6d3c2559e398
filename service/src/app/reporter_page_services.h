// ReporterPageServices: what the server-rendered reporter pages need at run
// time: the rendered-page factory (templates, catalog, stylesheet embedded
// in the binary) and the single-use form tokens.
#pragma once

#include <cstdint>
#include <memory>

#include "common/clock.h"
#include "common/status.h"
#include "http/route_context.h"
#include "intake/form_tokens.h"
#include "intake/questionnaire_catalog.h"
#include "pages/reporter_pages.h"

namespace pillarbox::app {

class ReporterPageServices {
 public:
  // Loads the embedded reporter assets. `questionnaires` and `clock` must
  // outlive the services. InvalidArgument when an embedded asset is broken
  // (a build error, reported at start-up).
  static Result<std::unique_ptr<ReporterPageServices>> Start(const intake::QuestionnaireCatalog& questionnaires,
                                                             const Clock& clock,
                                                             intake::FormTokens::Options token_options);

  // Points `context` at these services (reporter_pages, form_tokens).
  void Fill(http::RouteContext& context);

 private:
  ReporterPageServices(std::unique_ptr<pages::ReporterPages> pages, const Clock& clock,
                       intake::FormTokens::Options token_options)
      : pages_(std::move(pages)), form_tokens_(clock, token_options) {}

  std::unique_ptr<pages::ReporterPages> pages_;
  intake::FormTokens form_tokens_;
};

}  // namespace pillarbox::app
