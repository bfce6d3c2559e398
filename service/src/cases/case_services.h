// CaseServices: the case-management services of a running instance, built
// together on one CaseEnvironment (app/ constructs it; http/ routes use it).
// Each member is thread-safe.
#pragma once

#include "cases/action_service.h"
#include "cases/case_editor.h"
#include "cases/case_environment.h"
#include "cases/case_hold.h"
#include "cases/case_linker.h"
#include "cases/case_merger.h"
#include "cases/case_notebook.h"
#include "cases/case_reader.h"

namespace pillarbox::cases {

struct CaseServices {
  // `environment`'s references must outlive the services.
  explicit CaseServices(const CaseEnvironment& environment)
      : reader(environment), editor(environment), linker(environment), merger(environment), notebook(environment),
        actions(environment), hold(environment) {}

  CaseReader reader;
  CaseEditor editor;
  CaseLinker linker;
  CaseMerger merger;
  CaseNotebook notebook;
  ActionService actions;  // the actions catalogue (cases link to it through `linker`)
  CaseHold hold;          // legal hold (retention)
};

}  // namespace pillarbox::cases
