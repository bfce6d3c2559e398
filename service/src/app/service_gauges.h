// The gauges of a running `pillarbox serve` in GET /metrics: how much work
// waits (the group-commit queue, the worker pools) and how many staff
// sessions are open. Counts only; nothing about any request's content.
#pragma once

#include "http/route_context.h"
#include "store/group_commit_writer.h"

namespace pillarbox::app {

// Registers the gauges in Metrics::Global(), reading `writer` and the pools
// and session store `context` points at. They must outlive the registration:
// call UnregisterServiceGauges() before they are destroyed.
void RegisterServiceGauges(store::GroupCommitWriter& writer, const http::RouteContext& context);

// Removes what RegisterServiceGauges added.
void UnregisterServiceGauges();

}  // namespace pillarbox::app
