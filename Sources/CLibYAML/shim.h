#ifndef WARDEN_CLIBYAML_SHIM_H
#define WARDEN_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
