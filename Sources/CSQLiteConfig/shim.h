#ifndef CSQLITECONFIG_SHIM_H
#define CSQLITECONFIG_SHIM_H
#include <sqlite3.h>

/// sqlite3_config is variadic, which Swift cannot call: these are its calls the store makes.
///
/// Turns off SQLite's memory statistics for the process: with them on (the library's default),
/// every allocation and release SQLite makes takes a global mutex and updates counters. Takes
/// effect only before SQLite initializes (the first connection opened); SQLITE_MISUSE after.
static inline int csqliteconfig_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
/// Whether SQLite counts its memory: sqlite3_memory_used() is above zero once any connection is
/// open when it does, and stays zero when statistics are off.
static inline int csqliteconfig_memory_statistics_enabled(void) {
    return sqlite3_memory_used() > 0;
}
#endif
