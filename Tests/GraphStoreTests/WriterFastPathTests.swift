import Foundation
import GRDB
import GraphStore
import TestSupport
import Testing

/// The writer's lookups sort and deduplicate their rows in Swift; these compare that with what
/// SQLite's `DISTINCT` and `ORDER BY` give for the same rows.
@Suite("The writer's orderings against SQLite's")
struct WriterFastPathTests {
    /// Folded names that sort differently by bytes and by `String` (combining accents, letters
    /// past ASCII, a canonically equal pair), with plain ones.
    static let names = [
        "blinken", "blinken j", "e\u{301}mile", "\u{E9}mile", "emile", "fmile", "zoe", "\u{F8}ystein", "ostein",
        "\u{5F20}\u{4F1F}", "a", "ab", "", "\u{1F600}x", "x\u{1F600}",
    ]

    /// Rows in a table of their own, read back through `sql`.
    func sqlite(_ rows: [(Int64, String)], _ sql: String) throws -> [Row] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try db.execute(sql: "CREATE TABLE rows (id INTEGER NOT NULL, folded TEXT NOT NULL)")
            for (id, folded) in rows { try db.execute(sql: "INSERT INTO rows VALUES (?, ?)", arguments: [id, folded]) }
            return try Row.fetchAll(db, sql: sql)
        }
    }

    @Test("A lookup's ids, sorted and each kept once, are SQLite's DISTINCT ... ORDER BY", arguments: 0..<20)
    func distinctAscending(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        let ids = (0..<Int.random(in: 0...12, using: &generator)).map { _ in Int64.random(in: -3...9, using: &generator) }
        let expected = try sqlite(ids.map { ($0, "") }, WriterFastPaths.distinctAscendingSQL).map { $0[0] as Int64 }
        #expect(WriterFastPaths.distinctAscending(ids) == expected)
    }

    @Test("A surname's rows, sorted by entity then name bytes, are SQLite's ORDER BY entity, folded", arguments: 0..<20)
    func byEntityAndName(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        // Distinct (entity, name) pairs, as the aliases table's primary key makes them.
        var pairs: [(Int64, String)] = []
        for _ in 0..<Int.random(in: 0...16, using: &generator) {
            let pair = (Int64.random(in: 1...4, using: &generator), WriterFastPathTests.names.randomElement(using: &generator)!)
            if !pairs.contains(where: { $0.0 == pair.0 && Array($0.1.utf8) == Array(pair.1.utf8) }) { pairs.append(pair) }
        }
        let expected = try sqlite(pairs, WriterFastPaths.byEntityAndNameSQL).map { ($0[0] as Int64, $0[1] as String) }
        let sorted = WriterFastPaths.byEntityAndName(pairs)
        #expect(sorted.map(\.0) == expected.map(\.0))
        // By bytes: String's == holds canonically equal names equal.
        #expect(sorted.map { Array($0.1.utf8) } == expected.map { Array($0.1.utf8) })
    }
}
