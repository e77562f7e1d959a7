import Foundation
import GRDB
import KnowledgeGraph
import Synchronization

/// The graph of many articles, kept in one SQLite file.
///
/// Articles are added in batches, each in one transaction, so a failed or killed build leaves
/// only whole batches behind. Entities are merged across articles by name and alias.
public final class GraphStore: Sendable {
    public let path: String
    /// Opened by `init(readOnlyAt:)`: queries only, and any write is refused.
    public let isReadOnly: Bool
    private let database: DatabaseQueue
    /// A second, read-only connection, opened on first use: in WAL mode it reads while the
    /// first connection is in the middle of a write.
    private let concurrentReader = Mutex<DatabaseQueue?>(nil)
    /// What the batch writer remembers between batches; see `StoreMemory`.
    private let memory = Mutex<StoreMemory?>(nil)
    /// For a store kept in a shared database, the link to it; nil for a store of its own.
    private let replica: (any StoreReplica)?
    /// How many stored people of a surname's first letters the writer indexes rather than
    /// compares one by one with a new person (`indexCandidates(from:)`).
    let candidateIndexThreshold = Atomic<Int>(SurnameNeighbours.defaultThreshold)
    /// Whether the writer writes a batch's pending rows before it reads a body's countries
    /// (`flushesBeforeCountryReads(_:)`).
    let flushesBeforeCountryReadsSetting = Atomic<Bool>(false)

    static let applicationID: Int32 = 0x4E47_5248  // "NGRH"
    /// How often an open refused at once by a lock is tried again (waiting 20, 40, … ms).
    static let openAttempts = 8

    /// Opens (or creates) the store at `path`.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        isReadOnly = false
        replica = nil
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError(kind: .io, path: path, detail: "no store here; run `newsgraph build` first")
        }
        database = try GraphStore.writableConnection(path)
        // Several processes opening one new file at once: where waiting could deadlock (two
        // connections that each hold a read lock want to write, as while one switches the file to
        // WAL), SQLite gives up at once rather than after its busy timeout. An open refused that
        // fast is tried again; one refused after the timeout (a build writing) is reported.
        var attempt = 0
        while true {
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try migrate()
                break
            } catch where error.kind == .locked && attempt < GraphStore.openAttempts
                && DispatchTime.now().uptimeNanoseconds - start < 1_000_000_000
            {
                attempt += 1
                usleep(useconds_t(20_000 * attempt))
            }
        }
        // Read here, on the caller's thread: Foundation on Linux does not open resource bundles
        // safely from several threads at once, and a build's writer runs beside its extractors.
        _ = NameFolding.particles
    }

    /// Opens the store at `path` for queries only: no write transaction ever starts, so a query
    /// never waits behind a build writing to the store (in WAL mode readers and the writer do not
    /// block each other), and a store in a folder the user cannot write can still be read.
    ///
    /// Where the user can write the store and its folder, the connection is an ordinary one whose
    /// reads GRDB runs with `query_only`: closing it tidies the write-ahead log files away as
    /// usual. Elsewhere it is an SQLite read-only connection. A store written by an older
    /// NewsGraph is upgraded once first, which needs write access.
    public init(readOnlyAt path: String) throws(StoreError) {
        self.path = path
        isReadOnly = true
        replica = nil
        database = try GraphStore.readOnlyConnection(path, upgrading: true)
    }

    /// Opens the store at `path` for queries only, as `init(readOnlyAt:)` does; with `upgrading`
    /// false a store of an older schema is refused rather than upgraded, so that nothing is ever
    /// written to it (`newsgraph serve`).
    public init(readOnlyAt path: String, upgrading: Bool) throws(StoreError) {
        self.path = path
        isReadOnly = true
        replica = nil
        database = try GraphStore.readOnlyConnection(path, upgrading: upgrading)
    }

    /// A store kept in a shared database: `path` is a new local file (the replica, which the
    /// caller fills, through `synchronize(_:)`, and removes after use), `replica` the link to the
    /// shared database. With `readOnly`, the user's writes are refused as for `init(readOnlyAt:)`;
    /// the shared database's changes are still copied in.
    package init(replicaAt path: String, replica: any StoreReplica, readOnly: Bool) throws(StoreError) {
        self.path = path
        isReadOnly = readOnly
        self.replica = replica
        database = try GraphStore.writableConnection(path)
        try migrate()
        _ = NameFolding.particles
    }

    /// The most KiB of the writing connection's page cache.
    static let writerCacheKiB = 64 * 1024

    /// A connection that may write the store at `path`, as both a store of its own and a shared
    /// store's local copy use it.
    private static func writableConnection(_ path: String) throws(StoreError) -> DatabaseQueue {
        _ = GraphStore.processSettings
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // A statement that may have to be undone half way (a many-row insert, a foreign key)
            // keeps a journal of what it changed; in a temporary file that journal cost a
            // build 60,000 writes. Each lasts one statement: memory holds it.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // SQLite's page cache holds 2 MB by default. A batch that outgrows it spills changed
            // pages to the write-ahead log before its commit, and writes them again as they change,
            // and reads from the file what it dropped: storing 1,000,000 edges in one article wrote
            // 380 MB and spent 40% of its time in pread and pwrite. The cache takes memory only as
            // pages are read (a store of the three corpora is 2.4 MB), up to this bound.
            try db.execute(sql: "PRAGMA cache_size = -\(GraphStore.writerCacheKiB)")
        }
        do {
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// Makes the writer index the stored people whose surname shares a new person's first
    /// letters once there are `count` of them or more, and compare the new person only with
    /// those a letter apart (`SurnameNeighbours`); below, with all of them. `Int.max` is the
    /// full scan, which the differential tests hold the index to, 0 the index everywhere. The
    /// graph is the same either way; only the time differs.
    package func indexCandidates(from count: Int) {
        candidateIndexThreshold.store(count, ordering: .relaxed)
    }

    /// Makes the writer write a batch's pending rows before each read of a body's countries
    /// while affiliations are pending, as it did before it read them in place
    /// (`BatchCache.storedCountries`): the reference the differential tests hold the reading in
    /// place to. The graph is the same either way; only the time differs.
    package func flushesBeforeCountryReads(_ flushes: Bool) {
        flushesBeforeCountryReadsSetting.store(flushes, ordering: .relaxed)
    }

    /// Runs `body` in a local write transaction outside the replica's bookkeeping: the replica
    /// loads and refreshes the local copy through it. The batch writer's memory is forgotten.
    package func synchronize<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        memory.withLock { $0 = nil }
        do {
            return try database.write(body)
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// The connection of a store opened read-only, after upgrading an older store (or refusing
    /// it, when not `upgrading`).
    private static func readOnlyConnection(_ path: String, upgrading: Bool) throws(StoreError) -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(kind: .io, path: path, detail: "no store here; run `newsgraph build` first")
        }
        var queue = try GraphStore.readingQueue(path)
        let version = try GraphStore.checkedSchemaVersion(queue, path: path)
        if version < GraphStore.schemaVersion {
            guard upgrading else {
                throw StoreError(kind: .io, path: path,
                                 detail: "it was written by an older NewsGraph (schema \(version)); `newsgraph stats --store \(path)` upgrades it")
            }
            do {
                _ = try GraphStore(path: path, create: false)
            } catch {
                throw StoreError(kind: error.kind, path: path,
                                 detail: "it was written by an older NewsGraph (schema \(version)) and cannot be upgraded: \(error.detail)")
            }
            queue = try GraphStore.readingQueue(path)
        }
        return queue
    }

    /// A connection for reading the store at `path`.
    private static func readingQueue(_ path: String) throws(StoreError) -> DatabaseQueue {
        _ = GraphStore.processSettings
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let folder = (path as NSString).deletingLastPathComponent
        configuration.readonly = access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0
        do {
            guard configuration.readonly else { return try DatabaseQueue(path: path, configuration: configuration) }
            do {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
                return queue
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN
            {
                // A store in WAL mode is read through an index kept in a -shm file beside it. A
                // store closed cleanly has none, and a folder the user cannot write cannot get
                // one; with no write-ahead log either, the store file holds everything, and is
                // read as it is (SQLite's `immutable`: no locks, no index).
                guard !FileManager.default.fileExists(atPath: path + "-wal") else { throw error }
                return try DatabaseQueue(path: immutableURI(path), configuration: configuration)
            }
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// `path` as an SQLite URI that opens it immutable.
    private static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"), 0x00...0x20, 0x7F...0xFF:
                encoded += String(format: "%%%02X", byte)
            default:
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:\(encoded)?immutable=1"
    }

    /// The store's schema version, after checking that it is a NewsGraph store at all.
    private static func checkedSchemaVersion(_ queue: DatabaseQueue, path: String) throws(StoreError) -> Int {
        do {
            return try queue.read { db in
                if try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 == 0 {
                    let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                    throw StoreError(kind: .notNewsGraph, path: path, detail: tables.isEmpty ? "it is empty" : "it holds other tables")
                }
                return try GraphStore.checkedSchemaVersion(db, path: path)
            }
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// The read-only connection closes first, so that the writer's connection is the last one and
    /// folds the write-ahead log back into the store file as it closes (a read-only connection
    /// cannot).
    deinit {
        concurrentReader.withLock { $0 = nil }
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        if var error = error as? StoreError {
            if error.path.isEmpty { error.path = path }
            return error
        }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: return StoreError(kind: .notNewsGraph, path: path, detail: "not an SQLite database")
            case .SQLITE_CORRUPT: return StoreError(kind: .corrupt, path: path, detail: error.message ?? "corrupt")
            case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError(kind: .locked, path: path, detail: error.message ?? "busy")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_IOERR:
                return StoreError(kind: .io, path: path, detail: error.message ?? "cannot open")
            default: return StoreError(kind: .io, path: path, detail: error.message ?? "\(error.resultCode)")
            }
        }
        return StoreError(kind: .io, path: path, detail: "\(error)")
    }

    /// Brings the store up to this binary's schema (`GraphStore+Schema.swift`), or refuses it.
    private func migrate() throws(StoreError) {
        do {
            let (version, isComplete) = try database.write { db in
                let version = try GraphStore.checkedSchemaVersion(db, path: path)
                // A new file is marked as a store at once: another process opening it while the
                // migrations below run sees a store of an early version to bring up to date, not
                // a file of another program's tables.
                if version == 0 { try db.execute(sql: "PRAGMA application_id = \(GraphStore.applicationID)") }
                return (version, try GraphStore.migrator.hasCompletedMigrations(db))
            }
            // A current store from before the migrator gets the migrations' names once.
            if !isComplete { try GraphStore.migrator.migrate(database) }
            try database.writeWithoutTransaction { db in
                // Version 5's upgrade leaves the old evidence table's pages free: a store holding
                // many copies of its sentences would keep its size until rewritten.
                if (1...4).contains(version) { try db.execute(sql: "VACUUM") }
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// Reads inside one transaction; errors become `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            // A replicated store reads the shared database's latest state.
            if let replica, try database.write({ db in try replica.refresh(db) }) {
                memory.withLock { $0 = nil }
            }
            return try database.read(body)
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// Writes a batch inside one transaction with the writer's memory of the store, which is
    /// kept for the next batch only when this one commits.
    func writeBatch<T>(_ body: (Database, inout StoreMemory) throws -> T) throws(StoreError) -> T {
        try refuseIfReadOnly()
        let remembered = memory.withLock { memory in
            defer { memory = nil }
            return memory
        }
        do {
            let (result, kept) = try database.write { db -> (T, StoreMemory) in
                let version = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
                func batch(changedElsewhere: Bool) throws -> (T, StoreMemory) {
                    var current = remembered.flatMap { $0.dataVersion == version && !$0.isFull && !changedElsewhere ? $0 : nil }
                        ?? StoreMemory(dataVersion: version)
                    let result = try body(db, &current)
                    return (result, current)
                }
                guard let replica else { return try batch(changedElsewhere: false) }
                return try replica.write(db, batch)
            }
            memory.withLock { $0 = kept }
            return result
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// Reads through the second connection, which does not wait for this store's writes.
    func readConcurrently<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            let reader = try concurrentReader.withLock { reader throws -> DatabaseQueue in
                if let reader { return reader }
                var configuration = Configuration()
                configuration.readonly = true
                configuration.busyMode = .timeout(30)
                let opened = try DatabaseQueue(path: path, configuration: configuration)
                reader = opened
                return opened
            }
            return try reader.read(body)
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// Writes inside one transaction; errors become `StoreError`. The batch writer's memory is
    /// forgotten: whatever this writes (a correction) may contradict it.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try refuseIfReadOnly()
        memory.withLock { $0 = nil }
        do {
            return try database.write { db in
                guard let replica else { return try body(db) }
                return try replica.write(db) { _ in try body(db) }
            }
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    private func refuseIfReadOnly() throws(StoreError) {
        if isReadOnly {
            throw StoreError(kind: .invalidRequest, path: path, detail: "\(path) was opened read-only; open it with GraphStore(path:) to change it")
        }
    }
}
