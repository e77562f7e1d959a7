import GRDB
import GRDBSQLite

/// A statement run through SQLite's C interface on the store's connection, inside the caller's
/// transaction. A build runs a handful of inserts and lookups hundreds of thousands of times;
/// through GRDB each costs about as much in argument boxing and bookkeeping as in SQLite itself.
/// Everything else goes through GRDB.
///
/// The SQLite statement is the one GRDB keeps prepared for the connection (its statement cache),
/// so it is prepared once for the connection's life rather than once a batch (preparing the
/// writer's statements again for each batch cost 20.7 M instructions over the three corpora's
/// three batches, the many-row inserts most), and GRDB finalizes it when it closes the connection.
/// Its SQL starts with a comment of its own, so no query run through GRDB shares it: GRDB may
/// run a cached statement again with the arguments it bound last, which `reset` clears.
final class RawStatement {
    /// GRDB's statement, kept alive for as long as this one.
    private let cached: Statement
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    private var index: Int32 = 0
    /// The bytes of the strings bound since the last reset, which SQLite reads where they are
    /// (`SQLITE_STATIC`) until the reset clears the bindings: told to copy them, SQLite allocated
    /// and freed a buffer for each of the 49,000 strings a build of the train articles binds
    /// here. A string that does not fit starts a larger block; the full one is kept, as its
    /// bytes are still bound, until the reset.
    private var block: UnsafeMutablePointer<UInt8>
    private var blockCapacity = 4096
    private var blockUsed = 0
    private var fullBlocks: [UnsafeMutablePointer<UInt8>] = []

    init(_ sql: String, in db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed", sql: sql) }
        cached = try db.cachedStatement(sql: RawStatement.marker + sql)
        statement = cached.sqliteStatement
        // An earlier batch may have used it: it starts with no row stepped and nothing bound.
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        self.connection = connection
        self.sql = sql
        block = .allocate(capacity: blockCapacity)
    }

    /// What the SQL of every raw statement starts with: GRDB's cache keys statements by their SQL.
    static let marker = "/* raw */ "

    deinit {
        block.deallocate()
        for full in fullBlocks { full.deallocate() }
    }

    @discardableResult
    func bind(_ value: Int64) -> RawStatement {
        index += 1
        sqlite3_bind_int64(statement, index, value)
        return self
    }

    @discardableResult
    func bind(_ value: Int) -> RawStatement { bind(Int64(value)) }

    @discardableResult
    func bind(_ value: String) -> RawStatement {
        index += 1
        var value = value
        value.withUTF8 { bytes in
            let start = kept(bytes)
            // SQLITE_STATIC (nil): the bytes stay where they are until the reset.
            _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
        }
        return self
    }

    /// A copy of `bytes` in the statement's block, kept until the next reset.
    private func kept(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if blockUsed + bytes.count > blockCapacity {
            fullBlocks.append(block)
            blockCapacity = max(blockCapacity * 2, bytes.count)
            block = .allocate(capacity: blockCapacity)
            blockUsed = 0
        }
        let start = block + blockUsed
        if let source = bytes.baseAddress { start.update(from: source, count: bytes.count) }
        blockUsed += bytes.count
        return start
    }

    @discardableResult
    func bind(_ value: String?) -> RawStatement {
        guard let value else {
            index += 1
            sqlite3_bind_null(statement, index)
            return self
        }
        return bind(value)
    }

    /// Runs a statement that returns no row; returns the number of rows it inserted, changed or
    /// deleted (none for an `INSERT OR IGNORE` that was ignored).
    @discardableResult
    func run() throws -> Int {
        defer { reset() }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw failure(code) }
        return Int(sqlite3_changes(connection))
    }

    /// Runs a query and returns the first column of its first row as an integer; nil without a row.
    func integer() throws -> Int64? {
        defer { reset() }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// Runs a query and returns the first column of every row as an integer.
    func integers() throws -> [Int64] {
        try rows { sqlite3_column_int64(statement, 0) }
    }

    /// Runs a query and returns its rows as an integer (the first column) and a string (the second).
    func integersAndStrings() throws -> [(Int64, String)] {
        try rows { (sqlite3_column_int64(statement, 0), text(at: 1)) }
    }

    /// Runs a query and returns its rows as an integer (the first column) and two strings (the
    /// second and third).
    func integersAndStringPairs() throws -> [(Int64, String, String)] {
        try rows { (sqlite3_column_int64(statement, 0), text(at: 1), text(at: 2)) }
    }

    /// Runs a query and returns the first column of every row as a string.
    func strings() throws -> [String] {
        try rows { text(at: 0) }
    }

    /// Runs a query and returns what `read` makes of each row, read while the row is current.
    private func rows<Row>(_ read: () -> Row) throws -> [Row] {
        defer { reset() }
        var rows: [Row] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append(read())
            case SQLITE_DONE: return rows
            case let code: throw failure(code)
            }
        }
    }

    /// Runs a query and returns the first column of its first row as a string; nil without a row.
    func string() throws -> String? {
        defer { reset() }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return text(at: 0)
        case SQLITE_DONE: return nil
        case let code: throw failure(code)
        }
    }

    /// Runs a query and returns its rows as two strings (the first and second columns).
    func stringPairs() throws -> [(String, String)] {
        defer { reset() }
        var rows: [(String, String)] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append((text(at: 0), text(at: 1)))
            case SQLITE_DONE: return rows
            case let code: throw failure(code)
            }
        }
    }

    /// The text of a column of the current row, by its length: a stored string may hold a NUL,
    /// where a C string would stop.
    private func text(at column: Int32) -> String {
        let count = Int(sqlite3_column_bytes(statement, column))
        return sqlite3_column_text(statement, column).map {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        } ?? ""
    }

    private func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        index = 0
        // No string is bound any more: the blocks are free again.
        blockUsed = 0
        for full in fullBlocks { full.deallocate() }
        fullBlocks.removeAll(keepingCapacity: true)
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
