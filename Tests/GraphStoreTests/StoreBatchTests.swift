import Foundation
import GRDB
import GraphStore
import KnowledgeGraph
import Testing

/// Articles that name the same few entities in different ways, in an order that exercises the
/// store's merging: a full name, then a surname, an acronym, a second person of the surname.
enum Wire {
    static func article(_ number: Int) -> (Graph, ArticleRecord) {
        let people = ["Ines Duarte", "Duarte", "Tomas Duarte", "Ana Lima", "Lima"]
        let person = people[number % people.count]
        let country = ["Chile", "Peru", "Chile"][number % 3]
        let body = number % 2 == 0 ? "Office of Trade Controls" : "OTC"
        let graph = Graph(
            entities: [
                Entity(name: person, type: .person, mentions: 1 + number % 3),
                Entity(name: country, type: .country, mentions: 1),
                Entity(name: body, type: .agency, aliases: number % 4 == 0 ? ["OTC"] : [], mentions: 1),
            ],
            relations: [
                Relation(source: Entity.slug(for: person), type: .affiliatedWith, target: Entity.slug(for: country), evidence: [
                    evidence("wire-\(number)", "\(person) of \(country) spoke.", at: 0),
                ]),
                Relation(source: Entity.slug(for: body), type: .sanctioned, target: Entity.slug(for: country), evidence: [
                    evidence("wire-\(number)", "The \(body) sanctioned \(country).", at: 30),
                ]),
            ])
        return (graph, record("wire-\(number)", text: "Text of wire story \(number)."))
    }
}

@Suite("Adding articles in batches")
struct StoreBatchTests {
    @Test("A batch gives the same store as adding its articles one by one")
    func batchEqualsOneByOne() throws {
        let single = try TemporaryStore()
        for number in 0..<40 {
            let (graph, article) = Wire.article(number)
            try single.store.add(graph, article: article)
        }
        let batched = try TemporaryStore()
        let items = (0..<40).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        #expect(try batched.store.add(Array(items[0..<7])) == Array(repeating: .added, count: 7))
        try batched.store.add(Array(items[7..<40]))
        let (batchedGraph, singleGraph) = (try batched.store.graph(), try single.store.graph())
        // The same entities and edges with the same evidence. Their order is the order of their
        // rows, and one by one the surname "Duarte" is decided again after every article: a
        // "Duarte of Peru" moves to Tomas Duarte when he alone is of Peru, and back when Ines
        // Duarte is too, which gives its edge a new row. A batch decides once, at its end, and its
        // articles' countries count only then: "Duarte" alone gets its own node at the batch's end.
        #expect(batchedGraph.entities.sorted { $0.id < $1.id } == singleGraph.entities.sorted { $0.id < $1.id })
        #expect(Set(batchedGraph.relations) == Set(singleGraph.relations))
        #expect(batchedGraph.relations.count == singleGraph.relations.count)
        #expect(try batched.store.statistics() == single.store.statistics())
        #expect(try batched.store.entities() == single.store.entities())
    }

    @Test("The same text twice in one batch is added once; the second is unchanged")
    func duplicateInBatch() throws {
        let temporary = try TemporaryStore()
        let (graph, article) = Wire.article(1)
        let results = try temporary.store.add([ArticleGraph(graph, article: article), ArticleGraph(graph, article: article)])
        #expect(results == [.added, .unchanged])
        #expect(try temporary.store.statistics().articles == 1)
        #expect(try temporary.store.entity(named: "Duarte")?.mentions == 2)
    }

    @Test("A correction between batches is seen by the next batch, as a fresh store would see it")
    func correctionBetweenBatches() throws {
        // The same articles and correction, through one store object and through fresh ones.
        let kept = try TemporaryStore()
        let fresh = try TemporaryStore()
        let first = (0..<10).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        let second = (10..<20).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        try kept.store.add(first)
        try GraphStore(path: fresh.path).add(first)
        // Ines Duarte is renamed "I. Duarte" (not "Duarte": that is another entity's name): a later
        // article's fuller "Ines Duarte" takes the name back, which a writer still remembering the
        // old name would not see.
        try kept.store.rename("Ines Duarte", to: "I. Duarte")
        try GraphStore(path: fresh.path).rename("Ines Duarte", to: "I. Duarte")
        try kept.store.add(second)
        try GraphStore(path: fresh.path).add(second)
        #expect(try kept.store.graph() == GraphStore(path: fresh.path).graph())
    }

    @Test("A change committed by another connection between batches is seen by the next batch")
    func otherConnectionBetweenBatches() throws {
        let temporary = try TemporaryStore()
        let writer = temporary.store
        let reference = try TemporaryStore()
        let first = (0..<10).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        let second = (10..<20).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        try writer.add(first)
        try GraphStore(path: reference.path).add(first)
        // Another process renames Ines Duarte between the writer's batches (see the test above).
        try GraphStore(path: temporary.path, create: false).rename("Ines Duarte", to: "I. Duarte")
        try GraphStore(path: reference.path).rename("Ines Duarte", to: "I. Duarte")
        try writer.add(second)
        try GraphStore(path: reference.path).add(second)
        #expect(try writer.graph() == GraphStore(path: reference.path).graph())
        let checked = try DatabaseQueue(path: temporary.path)
        let orphans = try checked.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(orphans.isEmpty)
    }

    @Test("A batch that fails part way leaves the store as it was, and the next batch is stored as by a fresh store")
    func failedBatchChangesNothing() throws {
        let temporary = try TemporaryStore()
        try temporary.store.add([Wire.article(0)].map { ArticleGraph($0.0, article: $0.1) })
        let before = try temporary.store.graph()
        // A trigger makes the store refuse one sentence, in the middle of the next batch.
        let saboteur = try DatabaseQueue(path: temporary.path)
        try saboteur.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON evidence
                WHEN (SELECT text FROM sentences WHERE id = NEW.sentence) = 'The OTC sanctioned Peru.'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        let batch = (1..<30).map { Wire.article($0) }.map { ArticleGraph($0.0, article: $0.1) }
        #expect(throws: StoreError.self) { try temporary.store.add(batch) }
        #expect(try temporary.store.graph() == before)
        #expect(try temporary.store.statistics().articles == 1)

        // Without the trigger, the same batch gives what adding it to a fresh copy of the store gives.
        try saboteur.write { db in try db.execute(sql: "DROP TRIGGER refuse") }
        try temporary.store.add(batch)
        let reference = try TemporaryStore()
        try reference.store.add([Wire.article(0)].map { ArticleGraph($0.0, article: $0.1) })
        try reference.store.add(batch)
        #expect(try temporary.store.graph() == reference.store.graph())
    }
}

@Suite("Name folding")
struct NameFoldingTests {
    @Test("Case, dots, apostrophes and a leading 'the' fold away; other marks separate words", arguments: [
        ("U.S.", "us"), ("The United States", "united states"), ("Xi’s", "xis"), ("O'Brien", "obrien"),
        ("  Kim   Jong-un ", "kim jong un"), ("Erdoğan", "erdogan"), ("THE", "the"), ("Theresa May", "theresa may"),
        ("Ministry of Foreign Affairs (MFA)", "ministry of foreign affairs mfa"), ("Zürich–Genève", "zurich geneve"), ("", ""),
    ])
    func folding(name: String, folded: String) {
        #expect(NameFolding.fold(name) == folded)
    }
}
