// The pillarbox binary: see app/cli.h for its subcommands.
#include "app/cli.h"

int main(int argc, char** argv) { return pillarbox::app::RunCli(argc, argv); }
