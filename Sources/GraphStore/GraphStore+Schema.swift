import GRDB
import KnowledgeGraph

/// The store's schema: its history as named GRDB migrations, one per schema version.
///
/// A store records its schema version in SQLite's `user_version` (which every NewsGraph release
/// reads, so an older one refuses a newer store) and, once this binary has upgraded or created
/// it, the names of its migrations in GRDB's `grdb_migrations` table. Stores written before the
/// migrator have only the version; each migration therefore skips itself when the store's
/// `user_version` already counts it, so the migrator recognises such a store and records the
/// migrations it has without running them again.
///
/// To change the schema, append a migration to `migrations`; never edit one that has shipped.
extension GraphStore {
    /// One step of the schema's history.
    package struct Migration: Sendable {
        /// The migration's name in `grdb_migrations`: the version it makes, then what it does.
        package let name: String
        let body: @Sendable (Database) throws -> Void
    }

    /// The schema's history, oldest first; migration `n - 1` makes schema version `n`.
    package static let migrations: [Migration] = [
        Migration(name: "v1-tables", body: createTables),
        Migration(name: "v2-weights-appearances-corrections", body: addWeightsAppearancesAndCorrections),
        Migration(name: "v3-evidence-dates", body: dateEvidence),
        Migration(name: "v4-appearances-by-name", body: indexAppearancesByName),
        Migration(name: "v5-sentences-once", body: keepSentencesOnce),
    ]

    /// The schema version this binary writes.
    package static var schemaVersion: Int { migrations.count }

    /// The migrator that brings a store of any earlier version (or a new, empty file) up to
    /// `schemaVersion`. Tests build a store of an old version with `migrate(_:upTo:)`.
    package static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for (offset, migration) in migrations.enumerated() {
            let version = offset + 1
            // Foreign keys stay on as each step runs, as they did when the steps were a ladder of
            // `user_version` checks: no step rebuilds a table another one refers to.
            migrator.registerMigration(migration.name, foreignKeyChecks: .immediate) { db in
                // Read in this step's write transaction: the store may have the step already,
                // from a release before the migrator, or from another process that opened the
                // same new store and ran the step since this one read the list of applied
                // names. That process recorded the name too; it is taken out for GRDB to record
                // again when this step commits, which would otherwise fail on the duplicate.
                guard try userVersion(db) < version else {
                    try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [migration.name])
                    return
                }
                try migration.body(db)
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
        return migrator
    }()

    static func userVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    }

    /// The store's schema version, after checking that the file is a NewsGraph store this binary
    /// can read: a new, empty file is version 0.
    static func checkedSchemaVersion(_ db: Database, path: String) throws -> Int {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        if applicationID == 0 && !tables.isEmpty {
            throw StoreError(kind: .notNewsGraph, path: path, detail: "it holds other tables")
        }
        if applicationID != 0 && applicationID != GraphStore.applicationID {
            throw StoreError(kind: .notNewsGraph, path: path, detail: "another program's database")
        }
        let version = try userVersion(db)
        if version > schemaVersion {
            throw StoreError(kind: .newerSchema, path: path, detail: "schema \(version)")
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrations.map(\.name))
            let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
            throw StoreError(kind: .newerSchema, path: path, detail: "migration \(unknown.joined(separator: ", "))")
        }
        return version
    }

    // MARK: - The migrations

    /// Version 1: articles, entities and their aliases, relations and their evidence.
    private static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE articles (
                    id INTEGER PRIMARY KEY,
                    document TEXT NOT NULL,
                    path TEXT NOT NULL,
                    digest TEXT NOT NULL UNIQUE,
                    title TEXT NOT NULL,
                    date TEXT,
                    added TEXT NOT NULL
                );
                CREATE TABLE entities (
                    id INTEGER PRIMARY KEY,
                    slug TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    type TEXT NOT NULL,
                    mentions INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE aliases (
                    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    folded TEXT NOT NULL,
                    PRIMARY KEY (entity, folded)
                );
                CREATE INDEX aliases_folded ON aliases(folded);
                CREATE TABLE relations (
                    id INTEGER PRIMARY KEY,
                    source INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    type TEXT NOT NULL,
                    target INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    UNIQUE (source, type, target)
                );
                CREATE INDEX relations_target ON relations(target);
                CREATE TABLE evidence (
                    relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
                    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    sentence TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    PRIMARY KEY (relation, article, start)
                );
                CREATE INDEX evidence_article ON evidence(article);
                """)
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
    }

    /// Version 2 keeps each edge's article count, each article's own names for the entities it
    /// was merged into (so a merge can be split again), and the user's corrections.
    private static func addWeightsAppearancesAndCorrections(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE relations ADD COLUMN weight INTEGER NOT NULL DEFAULT 0;
                UPDATE relations SET weight = (SELECT COUNT(DISTINCT article) FROM evidence WHERE relation = relations.id);
                ALTER TABLE aliases ADD COLUMN surname TEXT NOT NULL DEFAULT '';
                CREATE INDEX aliases_surname ON aliases(surname);
                CREATE TABLE appearances (
                    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    folded TEXT NOT NULL,
                    aliases TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    PRIMARY KEY (article, entity, folded)
                );
                CREATE INDEX appearances_entity ON appearances(entity);
                CREATE TABLE pins (
                    folded TEXT PRIMARY KEY,
                    entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
                );
                CREATE TABLE corrections (
                    id INTEGER PRIMARY KEY,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    made TEXT NOT NULL
                );
                """)
        let folded = Column("folded")
        for row in try Row.fetchAll(db, sql: "SELECT rowid, folded FROM aliases") {
            try db.execute(
                sql: "UPDATE aliases SET surname = ? WHERE rowid = ?",
                arguments: [NameFolding.surname(of: row[folded]), row[Column.rowID] as Int64])
        }
    }

    /// Version 3 dates each piece of evidence (its article's publication day, as the article
    /// gave it), keeps each article's address (news dumps give it), and finds articles by date,
    /// for queries over a span of time.
    private static func dateEvidence(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE evidence ADD COLUMN date TEXT;
                UPDATE evidence SET date = (SELECT date FROM articles WHERE articles.id = evidence.article);
                ALTER TABLE articles ADD COLUMN url TEXT;
                CREATE INDEX articles_date ON articles(date);
                """)
    }

    /// Version 4 finds an entity's appearances under one name without reading its others: each
    /// batch decides the surnames it names again by the articles that used them alone
    /// (`resolveSurname`), and a person named in thousands of articles is called by the surname
    /// alone in only some. The index on the entity alone is a prefix of the new one.
    private static func indexAppearancesByName(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE INDEX appearances_entity_name ON appearances(entity, folded);
                DROP INDEX appearances_entity;
                """)
    }

    /// Version 5 keeps each distinct sentence once, in `sentences`, and evidence points at it:
    /// before, each piece of evidence held its own copy, and a sentence stating many edges (a
    /// list of names and a cue) was stored once per edge. Sentences are found by a digest of their
    /// text (`SentenceDigest`), indexed; the text is compared too, so two sentences with one
    /// digest stay two. The evidence table is written anew, in its old row order.
    private static func keepSentencesOnce(_ db: Database) throws {
        db.add(function: SentenceDigest.sqlFunction)
        defer { db.remove(function: SentenceDigest.sqlFunction) }
        try db.execute(
            sql: """
                CREATE TABLE sentences (
                    id INTEGER PRIMARY KEY,
                    digest INTEGER NOT NULL,
                    text TEXT NOT NULL
                );
                INSERT INTO sentences (digest, text)
                    SELECT \(SentenceDigest.sqlName)(sentence), sentence FROM evidence GROUP BY sentence ORDER BY MIN(rowid);
                CREATE INDEX sentences_digest ON sentences(digest);
                CREATE TABLE evidence_v5 (
                    relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
                    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                    sentence INTEGER NOT NULL REFERENCES sentences(id),
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    date TEXT,
                    PRIMARY KEY (relation, article, start)
                );
                INSERT INTO evidence_v5 (relation, article, sentence, start, "end", date)
                    SELECT v.relation, v.article, s.id, v.start, v."end", v.date
                    FROM evidence v JOIN sentences s ON s.digest = \(SentenceDigest.sqlName)(v.sentence) AND s.text = v.sentence
                    ORDER BY v.rowid;
                DROP TABLE evidence;
                ALTER TABLE evidence_v5 RENAME TO evidence;
                CREATE INDEX evidence_article ON evidence(article);
                """)
    }
}
