import Foundation
import GRDB
import GraphStore
import KnowledgeGraph
import Testing

@Suite("Upgrading a version-1 store")
struct StoreUpgradeTests {
    /// A store as version 1 wrote it: no weights, no record of article names, no corrections.
    static func versionOneStore(at path: String) throws {
        let queue = try OldStore.migrated(path, to: 1)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO articles VALUES (1, 'a', '/a.txt', 'd1', 'A', NULL, '2026-01-01'), (2, 'b', '/b.txt', 'd2', 'B', NULL, '2026-01-02');
                INSERT INTO entities VALUES (1, 'ines-duarte', 'Ines Duarte', 'person', 3), (2, 'chile', 'Chile', 'country', 2);
                INSERT INTO aliases VALUES (1, 'Ines Duarte', 'ines duarte'), (1, 'Duarte', 'duarte'), (2, 'Chile', 'chile');
                INSERT INTO relations VALUES (1, 1, 'criticized', 2);
                INSERT INTO evidence VALUES (1, 1, 'Duarte criticized Chile.', 0, 24), (1, 2, 'Duarte criticized Chile again.', 0, 30),
                    (1, 2, 'She criticized Chile.', 40, 61);
                """)
        }
    }

    @Test("Opening a version-1 store upgrades it: weights are counted and later articles still merge")
    func upgrade() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionOneStore(at: path)
        let store = try GraphStore(path: path, create: false)
        let (_, neighbors) = try #require(try store.neighbors(of: "duarte"))
        #expect(neighbors.map(\.entity.name) == ["Chile"])
        #expect(neighbors.first?.weight == 2)

        let later = Graph(entities: [Entity(name: "Duarte", type: .person, mentions: 1)], relations: [])
        try store.add(later, article: record("c"))
        #expect(try store.entities(types: [.person]).count == 1)
        #expect(try store.sources(of: "Ines Duarte").map(\.name) == ["Duarte"])
    }
}

@Suite("Upgrading a version-2 store")
struct StoreVersionTwoUpgradeTests {
    /// A store as version 2 wrote it: evidence without dates, articles without addresses.
    static func versionTwoStore(at path: String) throws {
        try StoreUpgradeTests.versionOneStore(at: path)
        let queue = try OldStore.migrated(path, to: 2)
        try queue.write { db in
            try db.execute(sql: """
                UPDATE articles SET date = '2023-03-01' WHERE id = 1;
                UPDATE articles SET date = '2024-07-15' WHERE id = 2;
                """)
        }
    }

    @Test("Opening a version-2 store dates its evidence from its articles, and date queries work on it")
    func upgrade() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionTwoStore(at: path)
        let store = try GraphStore(path: path, create: false)
        let criticized = try #require(try store.graph().relations.first)
        #expect(criticized.evidence.map(\.date) == ["2023-03-01", "2024-07-15", "2024-07-15"])
        #expect(criticized.firstSeen == "2023-03-01")
        #expect(criticized.lastSeen == "2024-07-15")
        let query = NeighborQuery(dates: try DateRange(since: "2024", until: nil))
        let (_, neighbors) = try #require(try store.neighbors(of: "duarte", query: query))
        #expect(neighbors.first?.weight == 1)
        #expect(neighbors.first?.evidence?.date == "2024-07-15")

        // New articles keep their address, and the schema reads as current.
        try store.add(Graph(entities: [Entity(name: "Chile", type: .country)], relations: []),
                      article: ArticleRecord(document: "c", path: "/c.txt", title: "C", date: nil, url: "https://example.org/c",
                                             text: Array("C.".utf8)))
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try String.fetchOne(db, sql: "SELECT url FROM articles WHERE document = 'c'") } == "https://example.org/c")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 5)
    }
}

@Suite("Upgrading a version-3 store")
struct StoreVersionThreeUpgradeTests {
    /// A store as version 3 wrote it: appearances found by entity only.
    static func versionThreeStore(at path: String) throws {
        try StoreVersionTwoUpgradeTests.versionTwoStore(at: path)
        _ = try OldStore.migrated(path, to: 3)
    }

    @Test("Opening a version-3 store indexes appearances by entity and name, and a surname is still decided again")
    func upgrade() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionThreeStore(at: path)
        let store = try GraphStore(path: path, create: false)
        let queue = try DatabaseQueue(path: path)
        let indexes = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appearances' AND sql IS NOT NULL")
        }
        #expect(indexes == ["appearances_entity_name"])
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 5)

        // "Silva" alone, then a second Silva: the surname could be either, and stays its own node.
        try store.add(Graph(entities: [Entity(name: "Silva", type: .person, mentions: 1)], relations: []), article: record("c"))
        try store.add(Graph(entities: [Entity(name: "Ana Silva", type: .person, mentions: 1)], relations: []), article: record("d"))
        #expect(try store.sources(of: "Ana Silva").map(\.name) == ["Ana Silva", "Silva"])
        try store.add(Graph(entities: [Entity(name: "Rui Silva", type: .person, mentions: 1)], relations: []), article: record("e"))
        #expect(try store.sources(of: "Ana Silva").map(\.name) == ["Ana Silva"])
        #expect(try store.entities(types: [.person]).map(\.name).sorted() == ["Ana Silva", "Ines Duarte", "Rui Silva", "Silva"])
    }
}

@Suite("Upgrading a version-4 store")
struct StoreVersionFourUpgradeTests {
    /// A store as version 4 wrote it: each piece of evidence holds its sentence. Two edges of
    /// article 3 share one sentence ("Duarte and Rojas criticized Chile and Peru."), and article 4
    /// repeats article 1's sentence word for word.
    static func versionFourStore(at path: String) throws {
        try StoreVersionThreeUpgradeTests.versionThreeStore(at: path)
        let queue = try OldStore.migrated(path, to: 4)
        try queue.write { db in
            // What a version-4 build wrote.
            try db.execute(sql: """
                INSERT INTO articles (id, document, path, digest, title, date, added, url)
                    VALUES (3, 'c', '/c.txt', 'd3', 'C', '2025-01-02', '2026-01-03', NULL),
                           (4, 'd', '/d.txt', 'd4', 'D', NULL, '2026-01-04', 'https://example.org/d');
                INSERT INTO entities VALUES (3, 'peru', 'Peru', 'country', 1);
                INSERT INTO aliases VALUES (3, 'Peru', 'peru', '');
                INSERT INTO relations (id, source, type, target, weight) VALUES (2, 1, 'criticized', 3, 1);
                UPDATE relations SET weight = 4 WHERE id = 1;
                INSERT INTO evidence (relation, article, sentence, start, "end", date) VALUES
                    (1, 3, 'Duarte and Rojas criticized Chile and Peru.', 0, 43, '2025-01-02'),
                    (2, 3, 'Duarte and Rojas criticized Chile and Peru.', 0, 43, '2025-01-02'),
                    (1, 4, 'Duarte criticized Chile.', 10, 34, NULL);
                """)
        }
    }

    /// The graph the version-4 store above holds, as its evidence rows read.
    static let expected = Graph(
        entities: [
            Entity(name: "Ines Duarte", type: .person, aliases: ["Duarte"], mentions: 3),
            Entity(name: "Chile", type: .country, mentions: 2),
            Entity(name: "Peru", type: .country, mentions: 1),
        ],
        relations: [
            Relation(source: "ines-duarte", type: .criticized, target: "chile", evidence: [
                Evidence(document: "a", sentence: "Duarte criticized Chile.", start: 0, end: 24, date: "2023-03-01"),
                Evidence(document: "b", sentence: "Duarte criticized Chile again.", start: 0, end: 30, date: "2024-07-15"),
                Evidence(document: "b", sentence: "She criticized Chile.", start: 40, end: 61, date: "2024-07-15"),
                Evidence(document: "c", sentence: "Duarte and Rojas criticized Chile and Peru.", start: 0, end: 43, date: "2025-01-02"),
                Evidence(document: "d", sentence: "Duarte criticized Chile.", start: 10, end: 34, date: nil),
            ]),
            Relation(source: "ines-duarte", type: .criticized, target: "peru", evidence: [
                Evidence(document: "c", sentence: "Duarte and Rojas criticized Chile and Peru.", start: 0, end: 43, date: "2025-01-02"),
            ]),
        ])

    static func count(_ sql: String, at path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: sql) }
    }

    @Test("Opening a version-4 store keeps each sentence once and gives back the same graph")
    func upgrade() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionFourStore(at: path)
        let store = try GraphStore(path: path, create: false)
        let graph = try store.graph()
        #expect(graph.entities.map(\.id) == Self.expected.entities.map(\.id))
        #expect(graph.relations == Self.expected.relations, "\(graph.relations)")
        #expect(try Self.count("PRAGMA user_version", at: path) == 5)
        // Six pieces of evidence, four distinct sentences.
        #expect(try Self.count("SELECT COUNT(*) FROM evidence", at: path) == 6)
        #expect(try Self.count("SELECT COUNT(*) FROM sentences", at: path) == 4)
        #expect(try Self.count("PRAGMA foreign_key_check", at: path) == nil)
        // The old evidence table's pages are given back.
        #expect(try Self.count("PRAGMA freelist_count", at: path) == 0)

        // Queries read the sentences through their rows.
        let (_, neighbors) = try #require(try store.neighbors(of: "Ines Duarte"))
        #expect(neighbors.first { $0.entity.name == "Peru" }?.evidence?.sentence == "Duarte and Rojas criticized Chile and Peru.")
        let timeline = try #require(try store.timeline(between: "Duarte", and: "Peru"))
        #expect(timeline.entries.map(\.evidence.sentence) == ["Duarte and Rojas criticized Chile and Peru."])

        // A later article stating a stored sentence again adds evidence, not a sentence.
        try store.add(Graph(entities: [Entity(name: "Ines Duarte", type: .person), Entity(name: "Peru", type: .country)],
                            relations: [Relation(source: "ines-duarte", type: .criticized, target: "peru", evidence: [
                                evidence("e", "Duarte and Rojas criticized Chile and Peru.", at: 5),
                            ])]),
                      article: record("e"))
        #expect(try Self.count("SELECT COUNT(*) FROM sentences", at: path) == 4)
        #expect(try store.graph().relations.last?.evidence.map(\.document) == ["c", "e"])
    }

    @Test("A version-4 store read-only is upgraded once, then read the same")
    func readOnly() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionFourStore(at: path)
        let graph = try GraphStore(readOnlyAt: path).graph()
        #expect(graph.relations == Self.expected.relations)
    }

    @Test("Read-only without upgrading, a version-4 store is refused in one line and left as it was")
    func readOnlyWithoutUpgrade() throws {
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        try Self.versionFourStore(at: path)
        #expect {
            _ = try GraphStore(readOnlyAt: path, upgrading: false)
        } throws: { error in
            let description = (error as? StoreError)?.description ?? ""
            return description.contains("older NewsGraph (schema 4)") && !description.contains("\n")
        }
        #expect(try Self.count("PRAGMA user_version", at: path) == 4)
    }
}

@Suite("Each evidence sentence is stored once")
struct SentenceStorageTests {
    static func sentenceCount(_ path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sentences") }
    }

    @Test("A sentence stating many edges is one row, and every edge still reads it")
    func manyEdgesOneSentence() throws {
        let temporary = try TemporaryStore()
        let sentence = "Senator Ana Ruiz, Senator Bo Lin and Senator Cy Dae criticized Minister Ed Fox and Minister Flo Gu."
        let sources = ["Ana Ruiz", "Bo Lin", "Cy Dae"]
        let targets = ["Ed Fox", "Flo Gu"]
        let entities = (sources + targets).map { Entity(name: $0, type: .person) }
        var relations: [Relation] = []
        for source in sources {
            for target in targets {
                relations.append(Relation(source: Entity.slug(for: source), type: .criticized, target: Entity.slug(for: target),
                                          evidence: [evidence("many", sentence, at: 0)]))
            }
        }
        try temporary.store.add(Graph(entities: entities, relations: relations), article: record("many"))
        #expect(try Self.sentenceCount(temporary.path) == 1)
        let graph = try temporary.store.graph()
        #expect(graph.relations.count == 6)
        #expect(graph.relations.allSatisfy { $0.evidence.map(\.sentence) == [sentence] }, "\(graph.relations)")
    }

    @Test("Merging two entities drops the edge between them, and the sentence only that edge stated")
    func mergeDropsLoopSentence() throws {
        let temporary = try TemporaryStore()
        let graph = Graph(
            entities: [Entity(name: "Ana Ruiz", type: .person), Entity(name: "A. Ruiz", type: .person),
                       Entity(name: "Chile", type: .country)],
            relations: [
                Relation(source: "ana-ruiz", type: .metWith, target: "a-ruiz", evidence: [evidence("loop", "Ana Ruiz met A. Ruiz.", at: 0)]),
                Relation(source: "a-ruiz", type: .criticized, target: "chile", evidence: [
                    evidence("loop", "A. Ruiz criticized Chile.", at: 30),
                ]),
            ])
        try temporary.store.add(graph, article: record("loop"))
        #expect(try Self.sentenceCount(temporary.path) == 2)
        _ = try temporary.store.merge("A. Ruiz", into: "Ana Ruiz")
        let merged = try temporary.store.graph()
        #expect(merged.relations.map(\.type) == [.criticized], "\(merged.relations)")
        #expect(try Self.sentenceCount(temporary.path) == 1)
        let orphans = try DatabaseQueue(path: temporary.path).read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(orphans.isEmpty)
    }

    @Test("Sentences equal as text but not byte for byte stay two, each read back as written")
    func canonicallyEqualSentences() throws {
        let temporary = try TemporaryStore()
        let composed = "Jos\u{E9} Ruiz criticized Chile."
        let decomposed = "Jose\u{301} Ruiz criticized Chile."
        #expect(composed == decomposed)  // Swift's String equality: the store must not use it.
        let graph = Graph(
            entities: [Entity(name: "José Ruiz", type: .person), Entity(name: "Chile", type: .country)],
            relations: [Relation(source: "jose-ruiz", type: .criticized, target: "chile", evidence: [
                evidence("accents", composed, at: 0), evidence("accents", decomposed, at: 40),
            ])])
        try temporary.store.add(graph, article: record("accents"))
        #expect(try Self.sentenceCount(temporary.path) == 2)
        let stored = try temporary.store.graph().relations.first?.evidence.map { Array($0.sentence.unicodeScalars) }
        #expect(stored == [Array(composed.unicodeScalars), Array(decomposed.unicodeScalars)])
    }
}
