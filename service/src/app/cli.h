// The command line: `pillarbox init`, `pillarbox serve`, `pillarbox audit verify`,
// `pillarbox version`.
// Start-up errors print one clear line to stderr and give a non-zero exit.
#pragma once

namespace pillarbox::app {

// Parses `argv` and runs the chosen subcommand; returns the process exit code
// (0 success, 1 failure, 2 usage error).
int RunCli(int argc, char** argv);

}  // namespace pillarbox::app
