import Foundation
import GraphStore

/// Opens stores kept in a PostgreSQL database: `newsgraph --store postgres://user@host:port/db`.
///
/// The store opened is an ordinary `GraphStore` working on a local SQLite copy of the database,
/// kept up to date before each query and each write, and whose writes go to the database in the
/// same transaction (`PostgresReplica`). Every query, merging rule, correction and digest is the
/// SQLite store's own code, so both backends give the same graph from the same articles.
public enum PostgresStore {
    /// Opens the store at `url` for reading and writing; with `create`, an empty database becomes
    /// a new store. The schema is created or upgraded on open; a database of a newer schema, or
    /// one that holds other tables, is refused.
    public static func open(url: String, create: Bool) throws(StoreError) -> GraphStore {
        try open(PostgresLocation(url: url), create: create, readOnly: false)
    }

    /// Opens the store at `url` for queries only: writes are refused, as for
    /// `GraphStore(readOnlyAt:)`.
    public static func openForReading(url: String) throws(StoreError) -> GraphStore {
        try open(PostgresLocation(url: url), create: false, readOnly: true)
    }

    static func open(_ location: PostgresLocation, create: Bool, readOnly: Bool) throws(StoreError) -> GraphStore {
        let session = try PostgresSession(location)
        try PostgresSchema.prepare(session, create: create)
        let folder = try localFolder()
        let replica = PostgresReplica(session: session, folder: folder)
        let store = try GraphStore(replicaAt: folder + "/replica.sqlite", replica: replica, readOnly: readOnly)
        try store.synchronize { db in try replica.load(into: db) }
        return store
    }

    /// A new folder for the local copy, removed when the store is closed. Its name holds the
    /// process id, so that the folders of processes that were killed (and so never removed theirs)
    /// are removed by the next one.
    private static func localFolder() throws(StoreError) -> String {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        removeAbandonedFolders(in: base)
        var template = Array((base + "/newsgraph-replica-\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StoreError(kind: .io, path: base, detail: "cannot make a folder for the local copy: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    /// Removes the local copies of processes that no longer run.
    private static func removeAbandonedFolders(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix("newsgraph-replica-") {
            let parts = name.split(separator: "-")
            guard parts.count == 4, let pid = pid_t(parts[2]), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: base + "/" + name)
        }
    }
}
