// Guards around Pistache's router (PISTACHE.md traps):
// - requests with a method no route uses are answered 405 by a middleware
//   before the router's lookup (upstream #1238 data race);
// - unknown paths get a JSON 404 with the security headers;
// - an exception escaping a handler becomes a generic 500, never e.what().
#pragma once

#include <pistache/router.h>

#include <functional>
#include <set>

namespace pillarbox::http {

// A route handler that may move `response` away to answer later.
using GuardedHandler = std::function<void(const Pistache::Rest::Request&, Pistache::Http::ResponseWriter&)>;

// Wraps `handler` for Pistache: runs it, and if it throws, answers a generic
// 500 (if the response was not already handed elsewhere).
Pistache::Rest::Route::Handler Guard(GuardedHandler handler);

// Installs the method filter (only `methods` pass) and the not-found handler.
void InstallRouterGuards(Pistache::Rest::Router& router, std::set<Pistache::Http::Method> methods);

}  // namespace pillarbox::http
