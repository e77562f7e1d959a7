import Foundation
import GRDB
import Testing
import GraphStore

@Suite("Opening store files")
struct StoreOpeningTests {
    @Test("A text file is refused as not a NewsGraph store, and left as it was", arguments: [
        "hello\n",
        String(repeating: "This is an article about trade talks, not a database.\n", count: 40),
    ])
    func textFile(contents: String) throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))

        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.kind == .notNewsGraph)
        #expect(error?.path == path)
        #expect(FileManager.default.contents(atPath: path) == Data(contents.utf8))
    }

    @Test("Another program's SQLite database is refused and left untouched")
    func foreignDatabase() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "CREATE TABLE t(x)")
                try db.execute(sql: "INSERT INTO t VALUES (42)")
            }
        }

        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.kind == .notNewsGraph)

        let queue = try DatabaseQueue(path: path)
        let tables = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables == ["t"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT x FROM t") } == 42)
    }

    @Test("A database stamped with another application id is refused")
    func foreignApplicationID() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA application_id = 1234") }
        }
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.kind == .notNewsGraph)
    }

    @Test("A store written by a newer schema version is refused")
    func newerSchema() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA application_id = \(0x4E47_5248)")
                try db.execute(sql: "PRAGMA user_version = 99")
            }
        }
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path) }
        #expect(error?.kind == .newerSchema)
    }

    @Test("Opening a missing store without create fails with an I/O error and creates nothing")
    func missingWithoutCreate() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        let error = #expect(throws: StoreError.self) { try GraphStore(path: path, create: false) }
        #expect(error?.kind == .io)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A new store is created, and reopening it keeps its contents")
    func createAndReopen() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        do {
            let store = try GraphStore(path: path)
            try store.add(Diplomacy.second, article: record("talks-2"))
        }
        #expect(FileManager.default.fileExists(atPath: path))
        let reopened = try GraphStore(path: path, create: false)
        let statistics = try reopened.statistics()
        #expect(statistics.articles == 1)
        #expect(statistics.entities == [.person: 2])
        #expect(statistics.evidence == 1)
    }
}
