import Dispatch
import Foundation
import GRDB
import GraphStore
import Synchronization
import Testing

/// Stores as older releases wrote them, made by the store's own migrations.
enum OldStore {
    /// Brings the store at `path` (a new file, or one of an earlier version) to schema `version`
    /// with the first `version` migrations, then forgets their names: releases before the
    /// migrator kept only `user_version`, and such a store must still be recognised.
    static func migrated(_ path: String, to version: Int) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path)
        if version > 0 {
            try GraphStore.migrator.migrate(queue, upTo: GraphStore.migrations[version - 1].name)
        }
        try queue.write { db in try db.execute(sql: "DROP TABLE IF EXISTS grdb_migrations") }
        return queue
    }

    /// The store's schema as SQLite keeps it: every table's and index's statement, by name.
    static func schema(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
                    WHERE tbl_name != 'grdb_migrations' ORDER BY name
                    """)
        }
    }

    static func appliedMigrations(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in try GraphStore.migrator.appliedMigrations(db) }
    }

    static func userVersion(_ path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
    }
}

@Suite("Schema migrations")
struct StoreMigrationTests {
    @Test("Migration n makes schema version n, and the names are distinct")
    func namesAndVersions() throws {
        let names = GraphStore.migrations.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(GraphStore.schemaVersion == names.count)
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        let queue = try DatabaseQueue(path: path)
        for (offset, name) in names.enumerated() {
            try GraphStore.migrator.migrate(queue, upTo: name)
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == offset + 1, "\(name)")
        }
    }

    @Test("A new store records every migration by name", arguments: [false, true])
    func newStore(readOnlyAfterwards: Bool) throws {
        let temporary = try TemporaryStore()
        #expect(try OldStore.appliedMigrations(temporary.path) == GraphStore.migrations.map(\.name))
        #expect(try OldStore.userVersion(temporary.path) == GraphStore.schemaVersion)
        if readOnlyAfterwards {
            #expect(try GraphStore(readOnlyAt: temporary.path).statistics().articles == 0)
        }
    }

    @Test(
        "A store an older release wrote (user_version only) opens, records the migrations it had, and ends with a new store's schema",
        arguments: 1...5)
    func olderRelease(version: Int) throws {
        let fresh = try TemporaryStore()
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        _ = try OldStore.migrated(path, to: version)
        #expect(try OldStore.appliedMigrations(path).isEmpty)
        #expect(try OldStore.userVersion(path) == version)

        _ = try GraphStore(path: path, create: false)
        #expect(try OldStore.appliedMigrations(path) == GraphStore.migrations.map(\.name))
        #expect(try OldStore.userVersion(path) == GraphStore.schemaVersion)
        #expect(try OldStore.schema(path) == OldStore.schema(fresh.path))
    }

    @Test("A store a migrator left part way (names recorded) is brought up to date", arguments: 1...4)
    func partlyMigrated(version: Int) throws {
        let fresh = try TemporaryStore()
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try GraphStore.migrator.migrate(try DatabaseQueue(path: path), upTo: GraphStore.migrations[version - 1].name)
        _ = try GraphStore(path: path, create: false)
        #expect(try OldStore.appliedMigrations(path) == GraphStore.migrations.map(\.name))
        #expect(try OldStore.schema(path) == OldStore.schema(fresh.path))
    }

    @Test("Stores opened on one new file at once all open, and the schema is made once", arguments: 1...20)
    func concurrentCreation(round: Int) throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            do {
                _ = try GraphStore(path: path)
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        #expect(try OldStore.appliedMigrations(path) == GraphStore.migrations.map(\.name))
        #expect(try OldStore.userVersion(path) == GraphStore.schemaVersion)
    }

    @Test(
        "A store with a migration this release does not know is refused, in one line, and left as it was",
        arguments: [false, true])
    func unknownMigration(readOnly: Bool) throws {
        let temporary = try TemporaryStore()
        let queue = try DatabaseQueue(path: temporary.path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v6-from-the-future')") }
        let error = #expect(throws: StoreError.self) {
            if readOnly { _ = try GraphStore(readOnlyAt: temporary.path) } else { _ = try GraphStore(path: temporary.path) }
        }
        #expect(error?.kind == .newerSchema)
        #expect(error.map { "\($0)".contains("v6-from-the-future") } == true)
        #expect(error.map { !"\($0)".contains("\n") } == true)
        #expect(try OldStore.appliedMigrations(temporary.path) == GraphStore.migrations.map(\.name))
    }

    @Test("A store of a newer schema version is refused read-only too, in one line")
    func newerVersionReadOnly() throws {
        let temporary = try TemporaryStore()
        try DatabaseQueue(path: temporary.path).writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 6") }
        let error = #expect(throws: StoreError.self) { _ = try GraphStore(readOnlyAt: temporary.path) }
        #expect(error?.kind == .newerSchema)
        #expect(error.map { "\($0)" } == "\(temporary.path) was written by a newer NewsGraph (schema 6); upgrade newsgraph")
    }
}
