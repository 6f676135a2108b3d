// Must NOT compile: extractor/ sits below graph/ (docs/architecture.md).
#include "graph/graph.h"
int layering_probe() { return 0; }
