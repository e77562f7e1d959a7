import Foundation
import GRDB
import GraphStore
import KnowledgeGraph
import Testing

/// The writer binds strings without SQLite copying them: their bytes wait in the statement's own
/// blocks until it is reset. One article with more names than a many-row insert holds, long and
/// short, and a sentence longer than a block, must be stored byte for byte.
@Suite("Strings bound by the writer")
struct BoundStringTests {
    /// Names of lengths from a few bytes to several kilobytes, past ASCII in some.
    static func name(_ index: Int) -> String {
        let word = index.isMultiple(of: 3) ? "Zo\u{EB}-\u{5F20}" : "Word"
        return "Body \(index) " + Array(repeating: word + "\(index)", count: (index * 37) % 400 + 1).joined(separator: " ")
    }

    @Test("Many long names in one batch, and a sentence longer than a block, are stored as given")
    func longStrings() throws {
        let store = try TemporaryStore()
        let entities = (0..<90).map { index in
            Entity(
                name: BoundStringTests.name(index), type: .organization,
                aliases: ["Alias \(index) " + String(repeating: "a", count: index * 20)])
        }
        let sentence = String(repeating: "A long sentence of a long article, \u{E9}t\u{E9} compris. ", count: 300)
        let relation = Relation(
            source: entities[0].id, type: .criticized, target: entities[1].id,
            evidence: [evidence("long-1", sentence, at: 0)])
        _ = try store.store.add(Graph(entities: entities, relations: [relation]), article: record("long-1"))

        let stored = try store.store.graph()
        #expect(Set(stored.entities.map(\.name)) == Set(entities.map(\.name)))
        #expect(Set(stored.entities.flatMap(\.aliases)).isSuperset(of: entities.flatMap(\.aliases)))
        #expect(stored.relations.first?.evidence.first?.sentence == sentence)
        // The article's own names for its entities (many rows per insert).
        let queue = try DatabaseQueue(path: store.path)
        let names = try queue.read { db in try String.fetchAll(db, sql: "SELECT name FROM appearances") }
        #expect(Set(names) == Set(entities.map(\.name)))
    }
}
