// Must NOT compile: graph/ sits below export/.
#include "export/json_output.h"
int layering_probe() { return 0; }
