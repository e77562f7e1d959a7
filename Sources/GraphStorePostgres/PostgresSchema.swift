import Foundation
import GraphStore

/// The shared database's schema: the tables of the SQLite store (schema 5), the same columns
/// under the same names, so that `psql`, Grafana or a notebook read the graph as the store's own
/// queries do; and two tables of its own: `newsgraph_meta` (the schema version and the
/// generation, which every committed write raises by one) and `newsgraph_changes` (which rows
/// each generation changed, so a builder brings its local copy up to date by reading only those).
///
/// To change the schema, append a migration to `migrations`; never edit one that has shipped.
enum PostgresSchema {
    /// A table of the store as both backends hold it: its columns (name and PostgreSQL type) and
    /// the columns of its primary key.
    struct Table: Sendable {
        let name: String
        let columns: [(name: String, type: String)]
        let key: [String]

        var quotedName: String { "\"\(name)\"" }
        func type(of column: String) -> String { columns.first { $0.name == column }!.type }
    }

    /// The store's tables, each after the tables it refers to: rows are written in this order and
    /// deleted in the reverse one.
    static let tables: [Table] = [
        Table(
            name: "articles",
            columns: [
                ("id", "bigint"), ("document", "text"), ("path", "text"), ("digest", "text"), ("title", "text"), ("date", "text"),
                ("added", "text"), ("url", "text"),
            ], key: ["id"]),
        Table(
            name: "entities", columns: [("id", "bigint"), ("slug", "text"), ("name", "text"), ("type", "text"), ("mentions", "bigint")],
            key: ["id"]),
        Table(name: "sentences", columns: [("id", "bigint"), ("digest", "bigint"), ("text", "text")], key: ["id"]),
        Table(
            name: "relations",
            columns: [("id", "bigint"), ("source", "bigint"), ("type", "text"), ("target", "bigint"), ("weight", "bigint")],
            key: ["id"]),
        Table(
            name: "aliases", columns: [("entity", "bigint"), ("alias", "text"), ("folded", "text"), ("surname", "text")],
            key: ["entity", "folded"]),
        Table(
            name: "evidence",
            columns: [
                ("relation", "bigint"), ("article", "bigint"), ("sentence", "bigint"), ("start", "bigint"), ("end", "bigint"),
                ("date", "text"),
            ],
            key: ["relation", "article", "start"]),
        Table(
            name: "appearances",
            columns: [
                ("entity", "bigint"), ("article", "bigint"), ("name", "text"), ("folded", "text"), ("aliases", "text"),
                ("mentions", "bigint"),
            ], key: ["article", "entity", "folded"]),
        Table(name: "pins", columns: [("folded", "text"), ("entity", "bigint")], key: ["folded"]),
        Table(name: "corrections", columns: [("id", "bigint"), ("action", "text"), ("detail", "text"), ("made", "text")], key: ["id"]),
    ]

    /// The schema's history, oldest first; migration `n - 1` makes schema version `n`.
    ///
    /// Every constraint the writers could meet in the middle of a transaction (unique names,
    /// references) is checked at commit (`DEFERRABLE INITIALLY DEFERRED`): a transaction writes
    /// the rows a batch changed table by table, and a row may for a moment refer to one written
    /// later in it. Primary keys stay immediate, since the upserts (`ON CONFLICT`) need them.
    static let migrations: [String] = [
        """
        CREATE TABLE newsgraph_meta (key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE newsgraph_changes (generation bigint NOT NULL, tbl text NOT NULL, keys json NOT NULL);
        CREATE INDEX newsgraph_changes_generation ON newsgraph_changes (generation);
        CREATE TABLE articles (
            id bigint PRIMARY KEY, document text NOT NULL, path text NOT NULL,
            digest text NOT NULL CONSTRAINT articles_digest UNIQUE DEFERRABLE INITIALLY DEFERRED,
            title text NOT NULL, date text, added text NOT NULL, url text);
        CREATE INDEX articles_date ON articles (date);
        CREATE TABLE entities (
            id bigint PRIMARY KEY, slug text NOT NULL CONSTRAINT entities_slug UNIQUE DEFERRABLE INITIALLY DEFERRED,
            name text NOT NULL, type text NOT NULL, mentions bigint NOT NULL DEFAULT 0);
        CREATE TABLE sentences (id bigint PRIMARY KEY, digest bigint NOT NULL, text text NOT NULL);
        CREATE INDEX sentences_digest ON sentences (digest);
        CREATE TABLE relations (
            id bigint PRIMARY KEY,
            source bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            type text NOT NULL,
            target bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            weight bigint NOT NULL DEFAULT 0,
            CONSTRAINT relations_ends UNIQUE (source, type, target) DEFERRABLE INITIALLY DEFERRED);
        CREATE INDEX relations_target ON relations (target);
        CREATE TABLE aliases (
            entity bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            alias text NOT NULL, folded text NOT NULL, surname text NOT NULL DEFAULT '',
            PRIMARY KEY (entity, folded));
        CREATE INDEX aliases_folded ON aliases (folded);
        CREATE INDEX aliases_surname ON aliases (surname);
        CREATE TABLE evidence (
            relation bigint NOT NULL REFERENCES relations (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            article bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            sentence bigint NOT NULL REFERENCES sentences (id) DEFERRABLE INITIALLY DEFERRED,
            start bigint NOT NULL, "end" bigint NOT NULL, date text,
            PRIMARY KEY (relation, article, start));
        CREATE INDEX evidence_article ON evidence (article);
        CREATE TABLE appearances (
            entity bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            article bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
            name text NOT NULL, folded text NOT NULL, aliases text NOT NULL, mentions bigint NOT NULL,
            PRIMARY KEY (article, entity, folded));
        CREATE INDEX appearances_entity_name ON appearances (entity, folded);
        CREATE TABLE pins (
            folded text PRIMARY KEY,
            entity bigint NOT NULL REFERENCES entities (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
        CREATE TABLE corrections (id bigint PRIMARY KEY, action text NOT NULL, detail text NOT NULL, made text NOT NULL);
        INSERT INTO newsgraph_meta (key, value) VALUES ('schema', '1'), ('generation', '0');
        """
    ]

    /// The schema version this binary writes.
    static var version: Int { migrations.count }

    /// The advisory lock every writer holds for the length of its transaction (see
    /// `PostgresReplica`), and that opening takes while it creates or upgrades the schema: "NGRH".
    static let writerLock = "1313297480"

    /// Checks that the database is a NewsGraph store this binary can use and brings its schema up
    /// to date, creating it in an empty database when `create`; one transaction, under the
    /// writers' lock, so that two processes opening a new database at once create it once.
    static func prepare(_ session: PostgresSession, create: Bool) throws(StoreError) {
        let name = session.location.displayName
        try session.execute("BEGIN")
        do throws(StoreError) {
            try session.execute("SELECT pg_advisory_xact_lock(\(writerLock))")
            let version: Int
            if try session.value("SELECT to_regclass('newsgraph_meta')::text") == nil {
                let tables = try session.value("SELECT count(*)::text FROM pg_tables WHERE schemaname = current_schema()")
                if tables != "0" {
                    throw StoreError(kind: .notNewsGraph, path: name, detail: "the database holds other tables")
                }
                guard create else {
                    throw StoreError(kind: .io, path: name, detail: "no store here; run `newsgraph build` into it first")
                }
                version = 0
            } else {
                guard let stored = try session.value("SELECT value FROM newsgraph_meta WHERE key = 'schema'").flatMap(Int.init) else {
                    throw StoreError(kind: .notNewsGraph, path: name, detail: "its newsgraph_meta table has no schema version")
                }
                if stored > PostgresSchema.version {
                    throw StoreError(
                        kind: .newerSchema, path: name, detail: "schema \(stored); this newsgraph knows up to \(PostgresSchema.version)")
                }
                version = stored
            }
            for (offset, migration) in migrations.enumerated() where offset >= version {
                // One statement at a time: the extended query protocol takes no more.
                for statement in migration.components(separatedBy: ";\n") where !statement.allSatisfy(\.isWhitespace) {
                    try session.execute(statement.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: [";"]))
                }
                try session.execute("UPDATE newsgraph_meta SET value = $1 WHERE key = 'schema'", [String(offset + 1)])
            }
            try session.execute("COMMIT")
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
    }
}
