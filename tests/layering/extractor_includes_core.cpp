// Must compile: the control for the probes that must not (a layer sees the
// layers below it).
#include "core/model.h"
#include "extractor/pipeline.h"
int layering_probe() { return 0; }
