import Foundation
import GraphStore
import KnowledgeGraph
import Testing

@Suite("SQLite's process-wide settings")
struct SQLiteSettingsTests {
    /// In a process of its own: SQLite takes its settings only before its first connection, and
    /// other tests of this process open connections of their own.
    @Test("A process whose first connection is a store's keeps no SQLite memory statistics, and its store works")
    func memoryStatisticsOff() async {
        await #expect(processExitsWith: .success) {
            let store = try TemporaryStore()
            let graph = Graph(
                entities: [
                    Entity(name: "Ama Boateng", type: .person, mentions: 1),
                    Entity(name: "Ghana", type: .country, mentions: 1),
                ],
                relations: [])
            _ = try store.store.add(graph, article: record("settings-1"))
            // With statistics kept, an open connection's memory counts above zero.
            guard !GraphStore.sqliteKeepsMemoryStatistics else { exit(1) }
            guard try store.store.graph().entities.count == 2 else { exit(2) }
        }
    }
}
