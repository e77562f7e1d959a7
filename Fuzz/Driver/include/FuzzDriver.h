#ifndef NEWSGRAPH_FUZZ_DRIVER_H
#define NEWSGRAPH_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, called from a program's own main: SwiftPM names an executable's entry
/// point itself, so the fuzz targets cannot use the main that libFuzzer brings.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
