import Foundation
import GraphStore
import KnowledgeGraph
import Synchronization
import Testing

@testable import GraphStorePostgres

/// The server the suites run against: NEWSGRAPH_TEST_POSTGRES, a URL of a database the tests may
/// create databases from (postgres://postgres@127.0.0.1:5432/postgres). Unset, the suites are
/// skipped (`make test` leaves them out with one line); `.ci/run` starts a throwaway server and sets it.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["NEWSGRAPH_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var isConfigured: Bool { url != nil }

    /// A new, empty database on the test server, dropped when the value goes away.
    final class Database: @unchecked Sendable {
        let name: String
        let url: String
        private let admin: PostgresSession

        init() throws {
            let server = try PostgresLocation(url: TestServer.url!)
            admin = try PostgresSession(server)
            name = "newsgraph_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try admin.execute("CREATE DATABASE \(name)")
            var components = URLComponents(string: TestServer.url!)!
            components.path = "/" + name
            url = components.string!
        }

        /// A session on this database, for checks made beside the store.
        func session() throws -> PostgresSession { try PostgresSession(PostgresLocation(url: url)) }

        deinit {
            _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }
}

func evidence(_ document: String, _ sentence: String, at start: Int) -> Evidence {
    Evidence(
        document: document, sentence: sentence, start: start, end: start + sentence.unicodeScalars.count, date: "2025-03-0\(start % 9 + 1)")
}

func record(_ document: String) -> ArticleRecord {
    ArticleRecord(
        document: document, path: "/articles/\(document).txt", title: "Title of \(document)", date: "2025-03-01",
        text: Array("Text of \(document).".utf8))
}

/// Invented articles about invented people: who met whom, who belongs where, a surname alone.
enum Story {
    static let articles: [(ArticleRecord, Graph)] = [
        (
            record("harbour-1"),
            Graph(
                entities: [
                    Entity(name: "Maren Holtz", type: .person, aliases: ["Holtz"], mentions: 3),
                    Entity(name: "Teodor Ukwu", type: .person, mentions: 1),
                    Entity(name: "Valdoria", type: .country, mentions: 2),
                    Entity(name: "Valdorian Harbour Authority", type: .agency, mentions: 1),
                ],
                relations: [
                    Relation(
                        source: "maren-holtz", type: .metWith, target: "teodor-ukwu",
                        evidence: [evidence("harbour-1", "Holtz met Teodor Ukwu.", at: 0)]),
                    Relation(
                        source: "maren-holtz", type: .affiliatedWith, target: "valdorian-harbour-authority",
                        evidence: [evidence("harbour-1", "Holtz runs the Valdorian Harbour Authority.", at: 30)]),
                    Relation(
                        source: "valdorian-harbour-authority", type: .affiliatedWith, target: "valdoria",
                        evidence: [evidence("harbour-1", "The authority answers to Valdoria.", at: 80)]),
                ])
        ),
        (
            record("harbour-2"),
            Graph(
                entities: [
                    Entity(name: "Holtz", type: .person, mentions: 2),
                    Entity(name: "Pelmark", type: .country, mentions: 1),
                ],
                relations: [
                    Relation(
                        source: "pelmark", type: .criticized, target: "holtz",
                        evidence: [evidence("harbour-2", "Pelmark criticized Holtz.", at: 0)])
                ])
        ),
        (
            record("harbour-3"),
            Graph(
                entities: [
                    Entity(name: "Teodor Ukwu", type: .person, aliases: ["Ukwu"], mentions: 2),
                    Entity(name: "Pelmark", type: .country, mentions: 1),
                ],
                relations: [
                    Relation(
                        source: "pelmark", type: .sanctioned, target: "teodor-ukwu",
                        evidence: [evidence("harbour-3", "Pelmark sanctioned Ukwu.", at: 0)])
                ])
        ),
        (
            record("harbour-4"),
            Graph(
                entities: [
                    Entity(name: "Maren Holtz", type: .person, mentions: 1),
                    Entity(name: "Ilse Varga", type: .person, mentions: 1),
                ],
                relations: [
                    Relation(
                        source: "ilse-varga", type: .metWith, target: "maren-holtz",
                        evidence: [evidence("harbour-4", "Ilse Varga met Maren Holtz.", at: 0)])
                ])
        ),
    ]

    static func batch(_ slice: ArraySlice<(ArticleRecord, Graph)>) -> [ArticleGraph] {
        slice.map { ArticleGraph($0.1, article: $0.0) }
    }
}

/// A graph in an order that does not depend on row ids: what two stores built in different
/// orders must agree on.
func canonical(_ graph: Graph) -> String {
    let entities = graph.entities.map { "\($0.id)|\($0.name)|\($0.type.rawValue)|\($0.aliases.sorted())|\($0.mentions)" }.sorted()
    let relations = graph.relations.map { relation in
        "\(relation.source) \(relation.type.rawValue) \(relation.target) "
            + relation.evidence.map { "\($0.document)@\($0.start):\($0.sentence)" }.sorted().joined(separator: ";")
    }.sorted()
    return (entities + relations).joined(separator: "\n")
}

@Suite(
    "PostgreSQL store: the same graph as SQLite", .serialized, .enabled(if: TestServer.isConfigured, "NEWSGRAPH_TEST_POSTGRES is not set"))
struct PostgresStoreTests {
    @Test("Articles added to PostgreSQL give the graph, statistics and neighbors the SQLite store gives")
    func sameGraphAsSQLite() throws {
        let database = try TestServer.Database()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-pg-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = try GraphStore(path: folder)
        let shared = try PostgresStore.open(url: database.url, create: true)
        for (article, graph) in Story.articles {
            #expect(try local.add(graph, article: article) == .added)
            #expect(try shared.add(graph, article: article) == .added)
        }
        #expect(try shared.graph() == local.graph())
        #expect(try shared.statistics() == local.statistics())
        let (_, neighbors) = try #require(try shared.neighbors(of: "Holtz", query: NeighborQuery(depth: 2)))
        let (_, expected) = try #require(try local.neighbors(of: "Holtz", query: NeighborQuery(depth: 2)))
        #expect(neighbors == expected)
        #expect(!neighbors.isEmpty)
        // A store opened afresh reads the same rows from the server.
        let reopened = try PostgresStore.openForReading(url: database.url)
        #expect(try reopened.graph() == local.graph())
    }

    @Test("Re-adding an article changes nothing")
    func readdingChangesNothing() throws {
        let database = try TestServer.Database()
        let shared = try PostgresStore.open(url: database.url, create: true)
        try shared.add(Story.batch(Story.articles[...]))
        let before = try shared.graph()
        let again = try PostgresStore.open(url: database.url, create: false)
        #expect(try again.add(Story.batch(Story.articles[...])).allSatisfy { $0 == .unchanged })
        #expect(try again.graph() == before)
        let generation = try database.session().value("SELECT value FROM newsgraph_meta WHERE key = 'generation'")
        #expect(generation == "1")
    }

    @Test("Two writers taking turns build the graph one writer builds")
    func twoWritersTakingTurns() throws {
        let database = try TestServer.Database()
        let first = try PostgresStore.open(url: database.url, create: true)
        let second = try PostgresStore.open(url: database.url, create: true)
        for (index, (article, graph)) in Story.articles.enumerated() {
            try (index.isMultiple(of: 2) ? first : second).add(graph, article: article)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-pg-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = try GraphStore(path: folder)
        try local.add(Story.batch(Story.articles[...]))
        #expect(try first.graph() == local.graph())
        #expect(try second.graph() == local.graph())
        // "Maren Holtz" was met by both writers: one entity.
        #expect(try second.entities(matching: "maren holtz").count == 1)
    }

    @Test("Two writers at once, each with half the articles, store each article once: the graph of one writer in their order")
    func concurrentHalves() throws {
        let database = try TestServer.Database()
        let stores = [try PostgresStore.open(url: database.url, create: true), try PostgresStore.open(url: database.url, create: true)]
        let halves = [Story.articles[0..<2], Story.articles[2..<4]]
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                for item in halves[index] { try stores[index].add(item.1, article: item.0) }
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 }.isEmpty)
        // The graph depends on the order articles come in (on either backend), so the one to
        // compare with is one writer's, given the articles in the order they were committed.
        let order = try database.session().rows("SELECT document FROM articles ORDER BY id").compactMap { $0[0] }
        #expect(order.sorted() == Story.articles.map(\.0.document).sorted())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-pg-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = try GraphStore(path: folder)
        for document in order {
            let (article, graph) = Story.articles.first { $0.0.document == document }!
            try local.add(graph, article: article)
        }
        let reader = try PostgresStore.openForReading(url: database.url)
        #expect(canonical(try reader.graph()) == canonical(try local.graph()))
        #expect(try reader.entities(matching: "maren holtz").count == 1)
    }

    @Test("A batch that fails half way leaves nothing in the database, and the next one stores it")
    func failedBatchLeavesNothing() throws {
        let database = try TestServer.Database()
        let shared = try PostgresStore.open(url: database.url, create: true)
        try shared.add(Story.articles[0].1, article: Story.articles[0].0)
        // A constraint the batch's third article breaks: the failure comes after the local
        // transaction has merged the whole batch and while its rows are being sent.
        let session = try database.session()
        try session.execute("ALTER TABLE articles ADD CONSTRAINT no_harbour_3 CHECK (document <> 'harbour-3')")
        #expect(throws: StoreError.self) { try shared.add(Story.batch(Story.articles[1...])) }
        #expect(try session.value("SELECT count(*)::text FROM articles") == "1")
        #expect(try shared.statistics().articles == 1)
        try session.execute("ALTER TABLE articles DROP CONSTRAINT no_harbour_3")
        #expect(try shared.add(Story.batch(Story.articles[1...])) == [.added, .added, .added])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-pg-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = try GraphStore(path: folder)
        try local.add(Story.articles[0].1, article: Story.articles[0].0)
        try local.add(Story.batch(Story.articles[1...]))
        #expect(try PostgresStore.openForReading(url: database.url).graph() == local.graph())
    }

    @Test("A copy that missed more changes than the database keeps is copied again whole")
    func prunedChanges() throws {
        let database = try TestServer.Database()
        let first = try PostgresStore.open(url: database.url, create: true)
        try first.add(Story.articles[0].1, article: Story.articles[0].0)
        let second = try PostgresStore.open(url: database.url, create: false)
        try second.add(Story.batch(Story.articles[1...]))
        // As the writers do after `keptGenerations` writes: the record of changes is gone.
        let session = try database.session()
        try session.execute("DELETE FROM newsgraph_changes")
        try session.execute("INSERT INTO newsgraph_meta (key, value) VALUES ('pruned', '2') ON CONFLICT (key) DO UPDATE SET value = '2'")
        #expect(try first.graph() == second.graph())
        #expect(try first.statistics().articles == 4)
    }

    @Test("Corrections made through one store show in another, and are listed")
    func correctionsAreShared() throws {
        let database = try TestServer.Database()
        let first = try PostgresStore.open(url: database.url, create: true)
        try first.add(Story.batch(Story.articles[...]))
        let second = try PostgresStore.open(url: database.url, create: false)
        let renamed = try first.rename("Teodor Ukwu", to: "Teodor K. Ukwu")
        #expect(renamed.name == "Teodor K. Ukwu")
        #expect(try second.entity(named: "Teodor K. Ukwu")?.id == renamed.id)
        try second.merge("Ilse Varga", into: "Maren Holtz")
        #expect(try first.entity(named: "Ilse Varga")?.name == "Maren Holtz")
        #expect(try first.corrections().map(\.action) == ["rename", "merge"])
        #expect(throws: StoreError.self) { try PostgresStore.openForReading(url: database.url).rename("Maren Holtz", to: "M. Holtz") }
    }
}

@Suite("PostgreSQL store: what cannot be opened", .serialized, .enabled(if: TestServer.isConfigured, "NEWSGRAPH_TEST_POSTGRES is not set"))
struct PostgresOpeningTests {
    @Test("A URL that is not one is one clear error")
    func badURL() {
        for url in ["postgres://", "postgres://host-only", "postgres://user@host:99999/db", "postgres://h/db?colour=blue"] {
            #expect(throws: StoreError.self) { try PostgresStore.open(url: url, create: true) }
        }
    }

    @Test("A server that is not there fails within the connect timeout")
    func serverDown() throws {
        let started = Date()
        // A loopback port nothing listens on.
        let error = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://postgres@127.0.0.1:1/newsgraph?connect_timeout=2", create: true)
        }
        #expect(error?.description.contains("cannot reach the PostgreSQL server") == true)
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("A server that takes the connection and never answers fails at the connect timeout, not a hang")
    func silentServer() throws {
        // A listening socket nobody accepts from: the system completes the connection, and the
        // client's greeting goes unanswered.
        let (listener, port) = try #require(loopbackListener())
        defer { close(listener) }
        let started = Date()
        let error = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://postgres@127.0.0.1:\(port)/newsgraph?connect_timeout=1", create: true)
        }
        #expect(error?.description.contains("cannot reach the PostgreSQL server") == true)
        #expect(Date().timeIntervalSince(started) < 5)
    }

    @Test("A database that holds other tables is not taken for a store")
    func otherTables() throws {
        let database = try TestServer.Database()
        try database.session().execute("CREATE TABLE invoices (id int)")
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(url: database.url, create: true) }
        #expect(error?.kind == .notNewsGraph)
    }

    @Test("An empty database is not a store to read, and a newer schema is refused")
    func emptyAndNewer() throws {
        let database = try TestServer.Database()
        #expect(throws: StoreError.self) { try PostgresStore.openForReading(url: database.url) }
        _ = try PostgresStore.open(url: database.url, create: true)
        try database.session().execute("UPDATE newsgraph_meta SET value = '99' WHERE key = 'schema'")
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(url: database.url, create: true) }
        #expect(error?.kind == .newerSchema)
    }

    @Test("A wrong password is one clear error (where the server asks for one)")
    func wrongPassword() throws {
        var components = URLComponents(string: TestServer.url!)!
        guard components.password != nil else {
            print("(the test server takes no password: the wrong-password check is skipped)")
            return
        }
        components.password = "not-the-password"
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(url: components.string!, create: true) }
        #expect(error?.description.contains("refused the user or password") == true)
        #expect(error?.description.contains("not-the-password") == false)
    }

    @Test("A database that does not exist says so")
    func missingDatabase() throws {
        var components = URLComponents(string: TestServer.url!)!
        components.path = "/newsgraph_no_such_database"
        let error = #expect(throws: StoreError.self) { try PostgresStore.open(url: components.string!, create: true) }
        #expect(error?.description.contains("does not exist") == true)
    }
}

@Suite("PostgreSQL URLs as they are printed")
struct PostgresURLDisplayTests {
    @Test("A password never reaches a printed URL; a URL without one is left as it is")
    func passwordIsRedacted() {
        let shown = PostgresLocation.redacted("postgres://analyst:s3cret@db.example:5432/news")
        #expect(!shown.contains("s3cret"), "\(shown)")
        #expect(shown == "postgres://analyst:***@db.example:5432/news", "\(shown)")
        #expect(PostgresLocation.redacted("postgres://analyst@db.example/news") == "postgres://analyst@db.example/news")
    }
}
