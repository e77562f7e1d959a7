import Foundation
import GRDB
import GraphStore
import KnowledgeGraph
import Testing

@Suite("Stores opened for reading only", .serialized)
struct StoreReadOnlyTests {
    @Test("Queries answer at once while another connection holds the store's write lock, without its uncommitted rows")
    func noWaitBehindWriter() throws {
        let temporary = try Diplomacy.store()
        let writer = try DatabaseQueue(path: temporary.path)
        let locked = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? writer.write { db in
                try db.execute(sql: "INSERT INTO corrections (action, detail, made) VALUES ('rename', 'uncommitted', 'now')")
                locked.signal()
                _ = release.wait(timeout: .now() + 60)
            }
            done.signal()
        }
        locked.wait()
        defer {
            release.signal()
            done.wait()
        }
        let started = Date()
        let store = try GraphStore(readOnlyAt: temporary.path)
        let statistics = try store.statistics()
        let corrections = try store.corrections()
        let graph = try store.graph()
        #expect(Date().timeIntervalSince(started) < 5, "the query waited for the writer")
        #expect(statistics.articles == 2)
        #expect(corrections.isEmpty)
        #expect(graph.entities.count == 6)
    }

    @Test("A write through a read-only store is refused and changes nothing")
    func writesRefused() throws {
        let temporary = try Diplomacy.store()
        let before = try Data(contentsOf: URL(fileURLWithPath: temporary.path))
        let store = try GraphStore(readOnlyAt: temporary.path)
        #expect(store.isReadOnly)
        let error = #expect(throws: StoreError.self) { try store.rename("Wang Yi", to: "Wang") }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.description.contains("read-only") == true)
        #expect(#expect(throws: StoreError.self) { try store.add(Diplomacy.second, article: record("talks-3")) }?.kind == .invalidRequest)
        #expect(try Data(contentsOf: URL(fileURLWithPath: temporary.path)) == before)
    }

    @Test("Reading leaves no write-ahead log files beside the store")
    func tidy() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        do {
            let writer = try GraphStore(path: path)
            try writer.add(Diplomacy.first, article: record("talks-1"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try #require(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(name) } == [name])
        do {
            let store = try GraphStore(readOnlyAt: path)
            _ = try store.graph()
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(name) }
        #expect(beside == [name])
    }

    @Test("An empty file is not a store, and stays empty")
    func emptyFile() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let error = #expect(throws: StoreError.self) { try GraphStore(readOnlyAt: path) }
        #expect(error?.kind == .notNewsGraph)
        #expect(error?.description.contains("empty") == true)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) == 0)
    }

    @Test("A missing store is an error, and no file is made")
    func missingStore() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        #expect(throws: StoreError.self) { try GraphStore(readOnlyAt: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("A store of an older schema is upgraded once, then read")
    func olderSchema() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try StoreVersionTwoUpgradeTests.versionTwoStore(at: path)
        let store = try GraphStore(readOnlyAt: path)
        let (_, neighbors) = try #require(try store.neighbors(of: "duarte"))
        #expect(neighbors.map(\.entity.name) == ["Chile"])
    }
}
