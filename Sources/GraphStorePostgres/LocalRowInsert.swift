import GRDB
import GRDBSQLite
import GraphStore
import NIOCore
import PostgresNIO

/// Inserts rows of one table, as PostgreSQL sent them, into the local SQLite copy through
/// SQLite's C interface: the cells' bytes are bound as they are (a `bigint` as an integer, text as
/// UTF-8), with no string made in between. Loading the local copy inserts every row of the shared
/// database this way (hundreds of thousands for a large graph).
///
/// It is used from swift-nio's event loop while the thread that owns the SQLite connection waits
/// for the query to end (`PostgresSession.forEachRow`), so never from two threads at once.
final class LocalRowInsert: @unchecked Sendable {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let table: PostgresSchema.Table
    /// An empty C string, for an empty text cell.
    private let empty = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    /// Per column, whether it holds integers.
    private let integers: [Bool]

    init(_ db: Database, _ table: PostgresSchema.Table) throws {
        guard let connection = db.sqliteConnection else {
            throw StoreError(kind: .io, path: "", detail: "the local copy is closed")
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, PostgresReplica.localInsert(table, upsert: false), -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw StoreError(
                kind: .io, path: "", detail: "cannot prepare the local copy's insert: \(String(cString: sqlite3_errmsg(connection)))")
        }
        self.statement = statement
        self.connection = connection
        self.table = table
        integers = table.columns.map { $0.type == "bigint" }
        empty.initialize(to: 0)
    }

    deinit {
        sqlite3_finalize(statement)
        empty.deallocate()
    }

    /// Inserts one row, whose cells are the table's columns in order.
    func insert(_ row: PostgresRow) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for cell in row {
            let index = Int32(cell.columnIndex + 1)
            guard cell.columnIndex < integers.count else { throw unexpected("more columns than \(integers.count)") }
            guard var bytes = cell.bytes else {
                sqlite3_bind_null(statement, index)
                continue
            }
            if integers[cell.columnIndex] {
                let value: Int64?
                switch cell.format {
                case .binary: value = bytes.readableBytes == 8 ? bytes.readInteger(as: Int64.self) : nil
                case .text: value = bytes.readString(length: bytes.readableBytes).flatMap { Int64($0) }
                }
                guard let value else { throw unexpected("'\(cell.columnName)' is not a 64-bit integer") }
                sqlite3_bind_int64(statement, index, value)
            } else {
                let code = bytes.withUnsafeReadableBytes { text in
                    // An empty buffer may have no address, and a null pointer would bind NULL.
                    sqlite3_bind_text(
                        statement, index, text.baseAddress?.assumingMemoryBound(to: CChar.self) ?? UnsafePointer(empty),
                        Int32(text.count), LocalRowInsert.transient)
                }
                guard code == SQLITE_OK else { throw sqliteError() }
            }
        }
        guard sqlite3_step(statement) == SQLITE_DONE else { throw sqliteError() }
    }

    /// SQLite's `SQLITE_TRANSIENT`: the bound bytes are copied, since the buffer is the network's.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func sqliteError() -> StoreError {
        StoreError(
            kind: .io, path: "", detail: "cannot copy a row of \(table.name) locally: \(String(cString: sqlite3_errmsg(connection)))")
    }

    private func unexpected(_ what: String) -> StoreError {
        StoreError(kind: .corrupt, path: "", detail: "a row of \(table.name) the local copy cannot take: \(what)")
    }
}
