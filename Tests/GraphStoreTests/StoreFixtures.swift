import Foundation
import GraphStore
import KnowledgeGraph

/// A store in a fresh temporary file, removed with its WAL files when the test ends.
final class TemporaryStore {
    let path: String
    let store: GraphStore

    init() throws {
        path = TemporaryStore.makePath()
        store = try GraphStore(path: path)
    }

    static func makePath(extension ext: String = "sqlite") -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("newsgraph-test-\(UUID().uuidString).\(ext)").path
    }

    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    deinit { TemporaryStore.remove(path) }
}

/// The store's record of an article, with its text standing in for the file's bytes.
func record(_ document: String, text: String? = nil) -> ArticleRecord {
    ArticleRecord(document: document, path: "/articles/\(document).txt", title: "Title of \(document)",
                  date: "2024-06-20", text: Array((text ?? "Text of \(document).").utf8))
}

func evidence(_ document: String, _ sentence: String, at start: Int) -> Evidence {
    Evidence(document: document, sentence: sentence, start: start, end: start + sentence.unicodeScalars.count)
}

/// The people and bodies of a diplomatic story, split over two articles.
///
/// Article `talks-1`: Blinken met Xi and (in two sentences) Wang Yi; Blinken belongs to the State
/// Department; China criticized Blinken; Wang Yi belongs to China's foreign ministry.
/// Article `talks-2`: Blinken met Xi again.
enum Diplomacy {
    static let first = Graph(
        entities: [
            Entity(name: "Antony Blinken", type: .person, aliases: ["Blinken", "Secretary Blinken"], mentions: 4),
            Entity(name: "Xi Jinping", type: .person, aliases: ["Xi"], mentions: 2),
            Entity(name: "Wang Yi", type: .person, mentions: 2),
            Entity(name: "China", type: .country, aliases: ["Beijing"], mentions: 3),
            Entity(name: "U.S. Department of State", type: .agency, aliases: ["State Department"], mentions: 1),
            Entity(name: "Chinese Ministry of Foreign Affairs", type: .agency, aliases: ["Foreign Ministry"], mentions: 1),
        ],
        relations: [
            Relation(source: "xi-jinping", type: .metWith, target: "antony-blinken", evidence: [
                evidence("talks-1", "Blinken met Xi Jinping in Beijing.", at: 0),
            ]),
            Relation(source: "antony-blinken", type: .metWith, target: "wang-yi", evidence: [
                evidence("talks-1", "Blinken also met Wang Yi.", at: 40),
                evidence("talks-1", "Wang Yi and Blinken met for five hours.", at: 70),
            ]),
            Relation(source: "antony-blinken", type: .affiliatedWith, target: "us-department-of-state", evidence: [
                evidence("talks-1", "Blinken leads the State Department.", at: 120),
            ]),
            Relation(source: "china", type: .criticized, target: "antony-blinken", evidence: [
                evidence("talks-1", "Beijing criticized Blinken.", at: 160),
            ]),
            Relation(source: "wang-yi", type: .affiliatedWith, target: "chinese-ministry-of-foreign-affairs", evidence: [
                evidence("talks-1", "Wang Yi heads the Foreign Ministry.", at: 190),
            ]),
        ])

    static let second = Graph(
        entities: [
            Entity(name: "Antony Blinken", type: .person, aliases: ["Blinken"], mentions: 2),
            Entity(name: "Xi Jinping", type: .person, mentions: 1),
        ],
        relations: [
            Relation(source: "antony-blinken", type: .metWith, target: "xi-jinping", evidence: [
                evidence("talks-2", "Antony Blinken met Xi Jinping again.", at: 0),
            ]),
        ])

    /// A store holding both articles.
    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.add(first, article: record("talks-1"))
        try temporary.store.add(second, article: record("talks-2"))
        return temporary
    }
}
