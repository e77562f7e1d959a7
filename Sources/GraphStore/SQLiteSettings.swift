import CSQLiteConfig

extension GraphStore {
    /// SQLite's settings for the whole process, made once, before the first connection opens
    /// (every connection the store opens reads this first): afterwards SQLite refuses them, and
    /// the process keeps SQLite's defaults, which give the same results more slowly.
    ///
    /// Memory statistics are off: with them on, each of SQLite's allocations and releases takes
    /// a global mutex and updates counters, which was a sixth of SQLite's own instructions in a
    /// build (callgrind, train articles: 110 M for 232,000 allocations). The store reads no
    /// statistic (nor sets a heap limit, which needs them).
    static let processSettings: Bool = csqliteconfig_disable_memory_statistics() == SQLITE_OK

    /// Whether the process's SQLite keeps memory statistics (SQLite's default). False once a
    /// store has opened a connection first in the process.
    package static var sqliteKeepsMemoryStatistics: Bool {
        _ = processSettings
        return csqliteconfig_memory_statistics_enabled() != 0
    }
}
