// The published documents the HTTP routes serve as they are.
#pragma once

#include "http/route_context.h"
#include "intake/questionnaire_catalog.h"

namespace pillarbox::app {

// A RouteContext with the catalog, the taxonomy document and one
// questionnaire document per kind of `catalog` filled in (intake left unset).
http::RouteContext BuildRouteContext(const intake::QuestionnaireCatalog& catalog);

}  // namespace pillarbox::app
