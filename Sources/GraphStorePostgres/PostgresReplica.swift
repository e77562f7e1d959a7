import Foundation
import GRDB
import GraphStore
import Synchronization

/// The link between a shared PostgreSQL database and the local SQLite copy a process works on
/// (see `StoreReplica`).
///
/// **Concurrency.** Every write transaction of every process takes one PostgreSQL advisory lock
/// (`pg_advisory_xact_lock`, released when it commits or rolls back) before it reads anything.
/// Writers therefore take turns batch by batch, as SQLite writers do on one file: while one
/// stores a batch, the others extract their next ones. Under the lock, a writer first copies in
/// what the others committed since its last turn, so its copy is the shared database as it is,
/// and merging rules that look at the whole store (a surname decided by every person that has it)
/// decide as they would on one machine: an entity two builders meet at once is created by
/// whichever takes the lock first and found by the other. Upserts alone could not give that: two
/// builders could both decide "new person" for the same name. The tables' unique constraints
/// (article digest, entity slug, the ends of an edge) are the backstop, checked at commit.
///
/// **Atomicity.** A batch is one PostgreSQL transaction: a builder killed in the middle leaves
/// nothing of it (the server rolls the transaction back when the connection drops), and the next
/// build stores it, since its articles' digests are not in the database. The local transaction
/// commits only after the shared one has, and the local copy belongs to one process.
///
/// **What moves.** Temporary triggers on the local tables note the key of every row a
/// transaction inserts, updates or deletes. At commit those rows are read back and written to
/// PostgreSQL (multi-row upserts, one statement per table, values passed as one JSON array), the
/// rows that are gone are deleted, and `newsgraph_changes` records the keys under the new
/// generation. Bringing a copy up to date reads the keys of the generations it missed and copies
/// those rows alone.
final class PostgresReplica: StoreReplica, @unchecked Sendable {
    let session: PostgresSession
    /// The generation of the shared database the local copy holds.
    private let generation = Mutex<Int64>(0)
    /// The folder of the local copy, removed when the replica goes.
    private let folder: String

    var displayName: String { session.location.displayName }

    init(session: PostgresSession, folder: String) {
        self.session = session
        self.folder = folder
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: - Loading and refreshing the local copy

    /// Fills the new local copy with the whole shared database, in one consistent snapshot, and
    /// installs the triggers that note what later transactions change.
    func load(into db: Database) throws {
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let current = try currentGeneration()
            try copyAll(into: db)
            try session.execute("COMMIT")
            generation.withLock { $0 = current }
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS replica_changes (tbl TEXT NOT NULL, key TEXT NOT NULL)")
        for table in PostgresSchema.tables {
            func key(_ row: String) -> String { "json_array(" + table.key.map { "\(row).\"\($0)\"" }.joined(separator: ", ") + ")" }
            let note = "INSERT INTO replica_changes (tbl, key) VALUES ('\(table.name)', "
            try db.execute(
                sql: """
                    CREATE TEMP TRIGGER IF NOT EXISTS replica_\(table.name)_insert AFTER INSERT ON main.\(table.quotedName)
                    BEGIN \(note)\(key("NEW"))); END;
                    CREATE TEMP TRIGGER IF NOT EXISTS replica_\(table.name)_update AFTER UPDATE ON main.\(table.quotedName)
                    BEGIN \(note)\(key("OLD"))); \(note)\(key("NEW"))); END;
                    CREATE TEMP TRIGGER IF NOT EXISTS replica_\(table.name)_delete AFTER DELETE ON main.\(table.quotedName)
                    BEGIN \(note)\(key("OLD"))); END;
                    """)
        }
    }

    /// Copies every row of the shared database into the empty local tables, inside the caller's
    /// PostgreSQL transaction: each table in one query whose rows go into SQLite as they arrive,
    /// as the server sends them (numbers as 8 bytes, text as UTF-8), through one prepared
    /// statement (`LocalRowInsert`).
    private func copyAll(into db: Database) throws {
        for table in PostgresSchema.tables {
            let insert = try LocalRowInsert(db, table)
            try session.forEachRow("SELECT \(table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")) FROM \(table.quotedName)") {
                row in try insert.insert(row)
            }
        }
    }

    func refresh(_ db: Database) throws -> Bool {
        // One round trip when nothing changed, as for most queries.
        guard try currentGeneration() != generation.withLock({ $0 }) else { return false }
        try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        do {
            let changed = try pull(into: db)
            try session.execute("COMMIT")
            return changed
        } catch {
            _ = try? session.execute("ROLLBACK")
            throw error
        }
    }

    private func currentGeneration() throws -> Int64 {
        guard let value = try session.value("SELECT value FROM newsgraph_meta WHERE key = 'generation'").flatMap(Int64.init) else {
            throw StoreError(kind: .notNewsGraph, path: displayName, detail: "its newsgraph_meta table has no generation")
        }
        return value
    }

    /// Copies in the rows other writers changed since the local copy's generation, inside the
    /// caller's PostgreSQL transaction; returns whether there were any.
    private func pull(into db: Database) throws -> Bool {
        let current = try currentGeneration()
        let known = generation.withLock { $0 }
        guard current != known else { return false }
        // A copy older than the oldest change still recorded is copied again whole.
        let pruned = try session.value("SELECT value FROM newsgraph_meta WHERE key = 'pruned'").flatMap(Int64.init) ?? 0
        if known < pruned {
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for table in PostgresSchema.tables.reversed() { try db.execute(sql: "DELETE FROM \(table.quotedName)") }
            try copyAll(into: db)
            try db.execute(sql: "DELETE FROM temp.replica_changes")
            generation.withLock { $0 = current }
            return true
        }
        var keys: [String: Set<String>] = [:]
        for row in try session.rows(
            "SELECT tbl, keys::text FROM newsgraph_changes WHERE generation > $1::bigint AND generation <= $2::bigint ORDER BY generation",
            [String(known), String(current)])
        {
            guard let table = row[0], let list = row[1] else { continue }
            for key in try PostgresReplica.keyList(list) { keys[table, default: []].insert(key) }
        }
        // References are checked when the local transaction commits: rows arrive table by table.
        try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
        var present: [String: [[String?]]] = [:]
        for table in PostgresSchema.tables {
            guard let changed = keys[table.name], !changed.isEmpty else { continue }
            present[table.name] = try session.rows(
                """
                SELECT \(table.columns.map { "t.\"\($0.name)\"::text" }.joined(separator: ", "))
                FROM \(table.quotedName) t JOIN json_array_elements($1::json) k ON \(PostgresReplica.keyMatch(table, "t", "k"))
                """, ["[" + changed.sorted().joined(separator: ",") + "]"])
        }
        // Rows gone from the shared database go here too, children first.
        for table in PostgresSchema.tables.reversed() {
            guard let changed = keys[table.name] else { continue }
            let keyIndexes = table.key.map { column in table.columns.firstIndex { $0.name == column }! }
            let kept = Set((present[table.name] ?? []).map { row in PostgresReplica.keyText(keyIndexes.map { row[$0] }, table) })
            let delete = try db.makeStatement(sql: "DELETE FROM \(table.quotedName) WHERE \(PostgresReplica.localKeyMatch(table))")
            for key in changed where !kept.contains(key) {
                try delete.execute(arguments: StatementArguments(try PostgresReplica.keyValues(key)))
            }
        }
        for table in PostgresSchema.tables {
            guard let rows = present[table.name], !rows.isEmpty else { continue }
            let upsert = try db.makeStatement(sql: PostgresReplica.localInsert(table, upsert: true))
            for row in rows { try upsert.execute(arguments: StatementArguments(row)) }
        }
        try db.execute(sql: "DELETE FROM temp.replica_changes")
        generation.withLock { $0 = current }
        return true
    }

    // MARK: - Writing

    func write<T>(_ db: Database, _ body: (_ changedElsewhere: Bool) throws -> T) throws -> T {
        try session.execute("BEGIN")
        do {
            // Writers take turns (see the type's comment); a stale copy is brought up to date first.
            try session.execute("SELECT pg_advisory_xact_lock(\(PostgresSchema.writerLock))")
            let changed = try pull(into: db)
            try db.execute(sql: "DELETE FROM temp.replica_changes")
            let result = try body(changed)
            let newGeneration = try push(from: db)
            try session.execute("COMMIT")
            if let newGeneration { generation.withLock { $0 = newGeneration } }
            try db.execute(sql: "DELETE FROM temp.replica_changes")
            return result
        } catch {
            _ = try? session.execute("ROLLBACK")
            // The local transaction rolls back as this error leaves it; the copy stays as the
            // shared database was.
            throw error
        }
    }

    /// Writes the rows the local transaction changed to the shared database and records their
    /// keys under a new generation; nil when nothing changed.
    private func push(from db: Database) throws -> Int64? {
        var keys: [String: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT tbl, key FROM temp.replica_changes") {
            keys[row["tbl"], default: []].insert(row["key"])
        }
        guard !keys.isEmpty else { return nil }
        var upserts: [String: [[String?]]] = [:]
        var deletions: [String: [String]] = [:]
        for table in PostgresSchema.tables {
            guard let changed = keys[table.name] else { continue }
            let select = try db.makeStatement(
                sql:
                    "SELECT \(table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")) FROM \(table.quotedName) WHERE \(PostgresReplica.localKeyMatch(table))"
            )
            for key in changed.sorted() {
                if let row = try Row.fetchOne(select, arguments: StatementArguments(try PostgresReplica.keyValues(key))) {
                    upserts[table.name, default: []].append(row.databaseValues.map(PostgresReplica.text))
                } else {
                    deletions[table.name, default: []].append(key)
                }
            }
        }
        for table in PostgresSchema.tables.reversed() {
            guard let gone = deletions[table.name], !gone.isEmpty else { continue }
            try session.execute(
                "DELETE FROM \(table.quotedName) t USING json_array_elements($1::json) k WHERE \(PostgresReplica.keyMatch(table, "t", "k"))",
                ["[" + gone.joined(separator: ",") + "]"])
        }
        for table in PostgresSchema.tables {
            guard let rows = upserts[table.name], !rows.isEmpty else { continue }
            let values = table.columns.enumerated().map { index, column in "(r->>\(index))::\(column.type)" }
            let others = table.columns.map(\.name).filter { !table.key.contains($0) }
            let conflict =
                others.isEmpty
                ? "DO NOTHING" : "DO UPDATE SET " + others.map { "\"\($0)\" = EXCLUDED.\"\($0)\"" }.joined(separator: ", ")
            // Many rows per statement: a batch's rows of a table travel as one JSON array.
            for start in stride(from: 0, to: rows.count, by: 5000) {
                let chunk = rows[start..<min(start + 5000, rows.count)]
                try session.execute(
                    """
                    INSERT INTO \(table.quotedName) (\(table.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")))
                    SELECT \(values.joined(separator: ", ")) FROM json_array_elements($1::json) r
                    ON CONFLICT (\(table.key.map { "\"\($0)\"" }.joined(separator: ", "))) \(conflict)
                    """, [try PostgresReplica.json(Array(chunk))])
            }
        }
        guard
            let next = try session.value(
                "UPDATE newsgraph_meta SET value = (value::bigint + 1)::text WHERE key = 'generation' RETURNING value"
            )
            .flatMap(Int64.init)
        else {
            throw StoreError(kind: .notNewsGraph, path: displayName, detail: "its newsgraph_meta table has no generation")
        }
        // The record of changes is kept for `PostgresReplica.keptGenerations` writes: a copy that
        // missed more is copied again whole.
        if next % 100 == 0 && next > PostgresReplica.keptGenerations {
            let horizon = String(next - PostgresReplica.keptGenerations)
            try session.execute("DELETE FROM newsgraph_changes WHERE generation <= $1::bigint", [horizon])
            try session.execute(
                "INSERT INTO newsgraph_meta (key, value) VALUES ('pruned', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                [horizon])
        }
        for (table, changed) in keys.sorted(by: { $0.key < $1.key }) {
            try session.execute(
                "INSERT INTO newsgraph_changes (generation, tbl, keys) VALUES ($1::bigint, $2, $3::json)",
                [String(next), table, "[" + changed.sorted().joined(separator: ",") + "]"])
        }
        return next
    }

    /// How many writes' changes the shared database keeps (`newsgraph_changes`).
    static let keptGenerations: Int64 = 1000

    // MARK: - SQL and JSON helpers

    /// `INSERT` of a whole row into the local table, replacing the row of the same key when
    /// `upsert` (an update in place: a replaced parent row would take its children with it).
    static func localInsert(_ table: PostgresSchema.Table, upsert: Bool) -> String {
        let names = table.columns.map { "\"\($0.name)\"" }
        var sql =
            "INSERT INTO \(table.quotedName) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))"
        if upsert {
            let others = table.columns.map(\.name).filter { !table.key.contains($0) }
            sql += " ON CONFLICT (\(table.key.map { "\"\($0)\"" }.joined(separator: ", "))) "
            sql +=
                others.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + others.map { "\"\($0)\" = excluded.\"\($0)\"" }.joined(separator: ", ")
        }
        return sql
    }

    /// `k1 = ? AND k2 = ?` over the table's key.
    static func localKeyMatch(_ table: PostgresSchema.Table) -> String {
        table.key.map { "\"\($0)\" = ?" }.joined(separator: " AND ")
    }

    /// Matches a row `row` of the table to a key `key` given as a JSON array (PostgreSQL).
    static func keyMatch(_ table: PostgresSchema.Table, _ row: String, _ key: String) -> String {
        table.key.enumerated().map { index, column in "\(row).\"\(column)\" = (\(key)->>\(index))::\(table.type(of: column))" }
            .joined(separator: " AND ")
    }

    /// A key as the local triggers write it (SQLite's `json_array`): numbers bare, text quoted.
    static func keyText(_ values: [String?], _ table: PostgresSchema.Table) -> String {
        let parts = zip(values, table.key).map { value, column -> String in
            guard let value else { return "null" }
            if table.type(of: column) == "bigint" { return value }
            let data = try! JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed, .withoutEscapingSlashes])
            return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
        }
        return "[" + parts.joined(separator: ",") + "]"
    }

    /// The values of a key written as a JSON array.
    static func keyValues(_ key: String) throws -> [(any DatabaseValueConvertible)?] {
        guard let values = try JSONSerialization.jsonObject(with: Data(key.utf8)) as? [Any] else {
            throw StoreError(kind: .corrupt, path: "", detail: "a change key that is not a list: \(key)")
        }
        return values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case let text as String: return text
            case let number as Int: return Int64(number)
            case let number as Int64: return number
            case let number as NSNumber: return number.int64Value
            default: return nil
            }
        }
    }

    /// The keys of a JSON array of keys, each as compact JSON text.
    static func keyList(_ list: String) throws -> [String] {
        guard let keys = try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [Any] else { return [] }
        return try keys.map { key in
            String(decoding: try JSONSerialization.data(withJSONObject: key, options: [.withoutEscapingSlashes]), as: UTF8.self)
        }
    }

    static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): text
        case .blob(let data): String(decoding: data, as: UTF8.self)
        }
    }

    /// Rows of text as a JSON array of arrays.
    static func json(_ rows: [[String?]]) throws -> String {
        let object = rows.map { row in row.map { $0.map { $0 as Any } ?? NSNull() } }
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]), as: UTF8.self)
    }
}
