import GRDB
import GRDBSQLite

/// A statement run through SQLite's C interface on the store's connection, inside the caller's
/// transaction. A build runs a handful of inserts and lookups hundreds of thousands of times;
/// through GRDB each costs about as much in argument boxing and bookkeeping as in SQLite itself.
/// Everything else goes through GRDB.
final class RawStatement {
    private let statement: OpaquePointer
    private let connection: OpaquePointer
    private let sql: String
    private var index: Int32 = 0

    /// SQLite copies the bytes of a bound string before `bind` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ sql: String, in db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed", sql: sql) }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.statement = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(statement) }

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
            // An empty string has no storage to point at; SQLite reads no byte of it anyway.
            let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!).assumingMemoryBound(to: CChar.self)
            _ = sqlite3_bind_text(statement, index, start, Int32(bytes.count), RawStatement.transient)
        }
        return self
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
        defer { reset() }
        var values: [Int64] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: values.append(sqlite3_column_int64(statement, 0))
            case SQLITE_DONE: return values
            case let code: throw failure(code)
            }
        }
    }

    /// Runs a query and returns its rows as an integer (the first column) and a string (the second).
    func integersAndStrings() throws -> [(Int64, String)] {
        defer { reset() }
        var rows: [(Int64, String)] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                // By its length: a stored string may hold a NUL, where a C string would stop.
                let count = Int(sqlite3_column_bytes(statement, 1))
                let text = sqlite3_column_text(statement, 1).map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
                } ?? ""
                rows.append((sqlite3_column_int64(statement, 0), text))
            case SQLITE_DONE: return rows
            case let code: throw failure(code)
            }
        }
    }

    /// Runs a query and returns its rows as an integer (the first column) and two strings (the
    /// second and third).
    func integersAndStringPairs() throws -> [(Int64, String, String)] {
        defer { reset() }
        var rows: [(Int64, String, String)] = []
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: rows.append((sqlite3_column_int64(statement, 0), text(at: 1), text(at: 2)))
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
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
