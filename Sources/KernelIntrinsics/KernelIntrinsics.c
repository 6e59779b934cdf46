// The target is its headers (include/); SwiftPM needs one source file to build it.
#include "StreamingStores.h"
#include "LaneMasks.h"
#include "LaneMath.h"
