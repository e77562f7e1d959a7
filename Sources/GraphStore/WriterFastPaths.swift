/// The writer's orderings done in Swift, each beside the SQL it stands for, for the differential
/// tests (Tests/GraphStoreTests/WriterFastPathTests.swift): what the lookups sort and deduplicate
/// themselves must come out as SQLite's `DISTINCT` and `ORDER BY` gave it, or merging would pick
/// other entities.
package enum WriterFastPaths {
    /// `BatchCache.entityIDs`'s ordering of a lookup's ids; `SELECT DISTINCT id ... ORDER BY id`.
    package static func distinctAscending(_ ids: [Int64]) -> [Int64] { BatchCache.distinctAscending(ids) }

    /// `BatchCache.personAliases(surname:)`'s ordering of its rows; `ORDER BY entity, folded`.
    package static func byEntityAndName(_ rows: [(Int64, String)]) -> [(Int64, String)] { BatchCache.byEntityAndName(rows) }

    /// The SQL whose `DISTINCT` and `ORDER BY` the orderings above replace, over a table
    /// `rows(id, folded)`.
    package static let distinctAscendingSQL = "SELECT DISTINCT id FROM rows ORDER BY id"
    package static let byEntityAndNameSQL = "SELECT id, folded FROM rows ORDER BY id, folded"
}
