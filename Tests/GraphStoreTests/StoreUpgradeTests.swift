import Foundation
import GRDB
import GraphStore
import KnowledgeGraph
import Testing

@Suite("Upgrading a version-1 store")
struct StoreUpgradeTests {
    /// A store as version 1 wrote it: no weights, no record of article names, no corrections.
    static func versionOneStore(at path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE articles (id INTEGER PRIMARY KEY, document TEXT NOT NULL, path TEXT NOT NULL,
                    digest TEXT NOT NULL UNIQUE, title TEXT NOT NULL, date TEXT, added TEXT NOT NULL);
                CREATE TABLE entities (id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                    type TEXT NOT NULL, mentions INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE aliases (entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL, folded TEXT NOT NULL, PRIMARY KEY (entity, folded));
                CREATE INDEX aliases_folded ON aliases(folded);
                CREATE TABLE relations (id INTEGER PRIMARY KEY, source INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    type TEXT NOT NULL, target INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE, UNIQUE (source, type, target));
                CREATE INDEX relations_target ON relations(target);
                CREATE TABLE evidence (relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
                    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, sentence TEXT NOT NULL,
                    start INTEGER NOT NULL, "end" INTEGER NOT NULL, PRIMARY KEY (relation, article, start));
                INSERT INTO articles VALUES (1, 'a', '/a.txt', 'd1', 'A', NULL, '2026-01-01'), (2, 'b', '/b.txt', 'd2', 'B', NULL, '2026-01-02');
                INSERT INTO entities VALUES (1, 'ines-duarte', 'Ines Duarte', 'person', 3), (2, 'chile', 'Chile', 'country', 2);
                INSERT INTO aliases VALUES (1, 'Ines Duarte', 'ines duarte'), (1, 'Duarte', 'duarte'), (2, 'Chile', 'chile');
                INSERT INTO relations VALUES (1, 1, 'criticized', 2);
                INSERT INTO evidence VALUES (1, 1, 'Duarte criticized Chile.', 0, 24), (1, 2, 'Duarte criticized Chile again.', 0, 30),
                    (1, 2, 'She criticized Chile.', 40, 61);
                PRAGMA application_id = 1313296968;
                PRAGMA user_version = 1;
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
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // Version 2's own upgrade, as it ran then.
            try db.execute(sql: """
                ALTER TABLE relations ADD COLUMN weight INTEGER NOT NULL DEFAULT 0;
                UPDATE relations SET weight = (SELECT COUNT(DISTINCT article) FROM evidence WHERE relation = relations.id);
                ALTER TABLE aliases ADD COLUMN surname TEXT NOT NULL DEFAULT '';
                CREATE INDEX aliases_surname ON aliases(surname);
                UPDATE aliases SET surname = 'duarte' WHERE folded = 'ines duarte';
                CREATE TABLE appearances (entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, name TEXT NOT NULL, folded TEXT NOT NULL,
                    aliases TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (article, entity, folded));
                CREATE INDEX appearances_entity ON appearances(entity);
                CREATE TABLE pins (folded TEXT PRIMARY KEY, entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE);
                CREATE TABLE corrections (id INTEGER PRIMARY KEY, action TEXT NOT NULL, detail TEXT NOT NULL, made TEXT NOT NULL);
                UPDATE articles SET date = '2023-03-01' WHERE id = 1;
                UPDATE articles SET date = '2024-07-15' WHERE id = 2;
                PRAGMA user_version = 2;
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
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 4)
    }
}

@Suite("Upgrading a version-3 store")
struct StoreVersionThreeUpgradeTests {
    /// A store as version 3 wrote it: appearances found by entity only.
    static func versionThreeStore(at path: String) throws {
        try StoreVersionTwoUpgradeTests.versionTwoStore(at: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // Version 3's own upgrade, as it ran then.
            try db.execute(sql: """
                ALTER TABLE evidence ADD COLUMN date TEXT;
                UPDATE evidence SET date = (SELECT date FROM articles WHERE articles.id = evidence.article);
                ALTER TABLE articles ADD COLUMN url TEXT;
                CREATE INDEX articles_date ON articles(date);
                PRAGMA user_version = 3;
                """)
        }
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
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 4)

        // "Silva" alone, then a second Silva: the surname could be either, and stays its own node.
        try store.add(Graph(entities: [Entity(name: "Silva", type: .person, mentions: 1)], relations: []), article: record("c"))
        try store.add(Graph(entities: [Entity(name: "Ana Silva", type: .person, mentions: 1)], relations: []), article: record("d"))
        #expect(try store.sources(of: "Ana Silva").map(\.name) == ["Ana Silva", "Silva"])
        try store.add(Graph(entities: [Entity(name: "Rui Silva", type: .person, mentions: 1)], relations: []), article: record("e"))
        #expect(try store.sources(of: "Ana Silva").map(\.name) == ["Ana Silva"])
        #expect(try store.entities(types: [.person]).map(\.name).sorted() == ["Ana Silva", "Ines Duarte", "Rui Silva", "Silva"])
    }
}
