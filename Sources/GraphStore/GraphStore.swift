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

    static let applicationID: Int32 = 0x4E47_5248  // "NGRH"
    static let schemaVersion = 5

    /// Opens (or creates) the store at `path`.
    public init(path: String, create: Bool = true) throws(StoreError) {
        self.path = path
        isReadOnly = false
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create {
            throw StoreError(kind: .io, path: path, detail: "no store here; run `newsgraph build` first")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // A statement that may have to be undone half way (a many-row insert, a foreign key)
            // keeps a journal of what it changed; in a temporary file that journal cost a
            // build 60,000 writes. Each lasts one statement: memory holds it.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
        try migrate(isNew: !exists)
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
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(kind: .io, path: path, detail: "no store here; run `newsgraph build` first")
        }
        var queue = try GraphStore.readingQueue(path)
        let version = try GraphStore.checkedSchemaVersion(queue, path: path)
        if version < GraphStore.schemaVersion {
            do {
                _ = try GraphStore(path: path, create: false)
            } catch {
                throw StoreError(kind: error.kind, path: path,
                                 detail: "it was written by an older NewsGraph (schema \(version)) and cannot be upgraded: \(error.detail)")
            }
            queue = try GraphStore.readingQueue(path)
        }
        database = queue
    }

    /// A connection for reading the store at `path`.
    private static func readingQueue(_ path: String) throws(StoreError) -> DatabaseQueue {
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
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if applicationID == 0 {
                    throw StoreError(kind: .notNewsGraph, path: path, detail: tables.isEmpty ? "it is empty" : "it holds other tables")
                }
                if applicationID != GraphStore.applicationID {
                    throw StoreError(kind: .notNewsGraph, path: path, detail: "another program's database")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > GraphStore.schemaVersion {
                    throw StoreError(kind: .newerSchema, path: path, detail: "schema \(version)")
                }
                return version
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

    private func migrate(isNew: Bool) throws(StoreError) {
        do {
            let upgradedSentences = try database.write { db -> Bool in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                if applicationID == 0 && !tables.isEmpty {
                    throw StoreError(kind: .notNewsGraph, path: path, detail: "it holds other tables")
                }
                if applicationID != 0 && applicationID != GraphStore.applicationID {
                    throw StoreError(kind: .notNewsGraph, path: path, detail: "another program's database")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > GraphStore.schemaVersion {
                    throw StoreError(kind: .newerSchema, path: path, detail: "schema \(version)")
                }
                if version == 0 { try GraphStore.createSchema(db) }
                if version <= 1 { try GraphStore.migrateFromVersion1(db) }
                if version <= 2 { try GraphStore.migrateFromVersion2(db) }
                if version <= 3 { try GraphStore.migrateFromVersion3(db) }
                if version <= 4 { try GraphStore.migrateFromVersion4(db) }
                if version < GraphStore.schemaVersion { try db.execute(sql: "PRAGMA user_version = \(GraphStore.schemaVersion)") }
                return version >= 1 && version <= 4
            }
            try database.writeWithoutTransaction { db in
                // Version 5's upgrade leaves the old evidence table's pages free: a store holding
                // many copies of its sentences would keep its size until rewritten.
                if upgradedSentences { try db.execute(sql: "VACUUM") }
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        } catch {
            throw GraphStore.storeError(error, path: path)
        }
    }

    /// The tables of version 1; the migrations below bring them up to date.
    private static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                document TEXT NOT NULL,
                path TEXT NOT NULL,
                digest TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                date TEXT,
                added TEXT NOT NULL
            );
            CREATE TABLE entities (
                id INTEGER PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                type TEXT NOT NULL,
                mentions INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE aliases (
                entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                alias TEXT NOT NULL,
                folded TEXT NOT NULL,
                PRIMARY KEY (entity, folded)
            );
            CREATE INDEX aliases_folded ON aliases(folded);
            CREATE TABLE relations (
                id INTEGER PRIMARY KEY,
                source INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                target INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                UNIQUE (source, type, target)
            );
            CREATE INDEX relations_target ON relations(target);
            CREATE TABLE evidence (
                relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
                article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                sentence TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                PRIMARY KEY (relation, article, start)
            );
            CREATE INDEX evidence_article ON evidence(article);
            """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }

    /// Version 2 keeps each edge's article count, each article's own names for the entities it
    /// was merged into (so a merge can be split again), and the user's corrections.
    private static func migrateFromVersion1(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE relations ADD COLUMN weight INTEGER NOT NULL DEFAULT 0;
            UPDATE relations SET weight = (SELECT COUNT(DISTINCT article) FROM evidence WHERE relation = relations.id);
            ALTER TABLE aliases ADD COLUMN surname TEXT NOT NULL DEFAULT '';
            CREATE INDEX aliases_surname ON aliases(surname);
            CREATE TABLE appearances (
                entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                folded TEXT NOT NULL,
                aliases TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                PRIMARY KEY (article, entity, folded)
            );
            CREATE INDEX appearances_entity ON appearances(entity);
            CREATE TABLE pins (
                folded TEXT PRIMARY KEY,
                entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
            );
            CREATE TABLE corrections (
                id INTEGER PRIMARY KEY,
                action TEXT NOT NULL,
                detail TEXT NOT NULL,
                made TEXT NOT NULL
            );
            """)
        for row in try Row.fetchAll(db, sql: "SELECT rowid, folded FROM aliases") {
            try db.execute(sql: "UPDATE aliases SET surname = ? WHERE rowid = ?",
                           arguments: [NameFolding.surname(of: row["folded"]), row["rowid"] as Int64])
        }
    }

    /// Version 3 dates each piece of evidence (its article's publication day, as the article
    /// gave it), keeps each article's address (news dumps give it), and finds articles by date,
    /// for queries over a span of time.
    private static func migrateFromVersion2(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE evidence ADD COLUMN date TEXT;
            UPDATE evidence SET date = (SELECT date FROM articles WHERE articles.id = evidence.article);
            ALTER TABLE articles ADD COLUMN url TEXT;
            CREATE INDEX articles_date ON articles(date);
            """)
    }

    /// Version 4 finds an entity's appearances under one name without reading its others: each
    /// batch decides the surnames it names again by the articles that used them alone
    /// (`resolveSurname`), and a person named in thousands of articles is called by the surname
    /// alone in only some. The index on the entity alone is a prefix of the new one.
    private static func migrateFromVersion3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX appearances_entity_name ON appearances(entity, folded);
            DROP INDEX appearances_entity;
            """)
    }

    /// Version 5 keeps each distinct sentence once, in `sentences`, and evidence points at it:
    /// before, each piece of evidence held its own copy, and a sentence stating many edges (a
    /// list of names and a cue) was stored once per edge. Sentences are found by a digest of their
    /// text (`SentenceDigest`), indexed; the text is compared too, so two sentences with one
    /// digest stay two. The evidence table is written anew, in its old row order.
    private static func migrateFromVersion4(_ db: Database) throws {
        db.add(function: SentenceDigest.sqlFunction)
        defer { db.remove(function: SentenceDigest.sqlFunction) }
        try db.execute(sql: """
            CREATE TABLE sentences (
                id INTEGER PRIMARY KEY,
                digest INTEGER NOT NULL,
                text TEXT NOT NULL
            );
            INSERT INTO sentences (digest, text)
                SELECT \(SentenceDigest.sqlName)(sentence), sentence FROM evidence GROUP BY sentence ORDER BY MIN(rowid);
            CREATE INDEX sentences_digest ON sentences(digest);
            CREATE TABLE evidence_v5 (
                relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
                article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                sentence INTEGER NOT NULL REFERENCES sentences(id),
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                date TEXT,
                PRIMARY KEY (relation, article, start)
            );
            INSERT INTO evidence_v5 (relation, article, sentence, start, "end", date)
                SELECT v.relation, v.article, s.id, v.start, v."end", v.date
                FROM evidence v JOIN sentences s ON s.digest = \(SentenceDigest.sqlName)(v.sentence) AND s.text = v.sentence
                ORDER BY v.rowid;
            DROP TABLE evidence;
            ALTER TABLE evidence_v5 RENAME TO evidence;
            CREATE INDEX evidence_article ON evidence(article);
            """)
    }

    /// Reads inside one transaction; errors become `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
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
                var current = remembered.flatMap { $0.dataVersion == version && !$0.isFull ? $0 : nil }
                    ?? StoreMemory(dataVersion: version)
                let result = try body(db, &current)
                return (result, current)
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
            return try database.write(body)
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
