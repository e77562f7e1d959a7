import Foundation
import GraphStore
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// One connection to the shared database, used from ordinary (blocking) threads: the store's API
/// is synchronous, as SQLite's is, so each statement waits for its answer on swift-nio's event
/// loop rather than in an async context. Every value goes out and comes back as text (columns are
/// cast `::text` in the statements), which keeps the copying between SQLite and PostgreSQL
/// generic over the tables.
final class PostgresSession: @unchecked Sendable {
    let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger

    /// Connects, or throws one clear line: server down or unreachable (after the location's
    /// connect timeout), wrong user or password, no such database.
    init(_ location: PostgresLocation) throws(StoreError) {
        self.location = location
        var logger = Logger(label: "newsgraph.postgres")
        logger.logLevel = .critical
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        } catch {
            throw PostgresSession.storeError(error, location: location, connecting: true)
        }
    }

    deinit {
        _ = try? connection.close().wait()
    }

    /// The rows of `sql`, each column as text (nil for NULL); `binds` are $1, $2… as text.
    func rows(_ sql: String, _ binds: [String?] = []) throws(StoreError) -> [[String?]] {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            if let bind { bindings.append(bind) } else { bindings.appendNull() }
        }
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
            return try result.rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
        } catch {
            throw PostgresSession.storeError(error, location: location, connecting: false)
        }
    }

    /// The first column of the first row.
    func value(_ sql: String, _ binds: [String?] = []) throws(StoreError) -> String? {
        try rows(sql, binds).first?.first ?? nil
    }

    func execute(_ sql: String, _ binds: [String?] = []) throws(StoreError) {
        _ = try rows(sql, binds)
    }

    /// A PostgreSQL or network error as the store's one-line error.
    static func storeError(_ error: any Error, location: PostgresLocation, connecting: Bool) -> StoreError {
        let name = location.displayName
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError {
            if error.code == .server, let info = error.serverInfo {
                let message = info[.message] ?? "error"
                switch info[.sqlState] ?? "" {
                case "28P01", "28000":
                    return StoreError(
                        kind: .io, path: name, detail: "the server refused the user or password (\(message)); check the URL or PGPASSWORD")
                case "3D000":
                    return StoreError(kind: .io, path: name, detail: "\(message); create it first (createdb) or choose another in the URL")
                case "40P01", "40001", "55P03":
                    return StoreError(kind: .locked, path: name, detail: message)
                default:
                    return StoreError(kind: .io, path: name, detail: message)
                }
            }
            switch error.code {
            case .connectionError:
                let cause = error.underlying.map { "\($0)" } ?? "no answer"
                return StoreError(
                    kind: .io, path: name,
                    detail: "cannot reach the PostgreSQL server at \(location.host):\(location.port) (\(cause)); is it running?")
            case .authMechanismRequiresPassword:
                return StoreError(kind: .io, path: name, detail: "the server asks for a password; put it in the URL or PGPASSWORD")
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return StoreError(kind: .io, path: name, detail: "the server closed the connection")
            default:
                return StoreError(kind: .io, path: name, detail: "\(error.code)")
            }
        }
        if connecting {
            return StoreError(
                kind: .io, path: name,
                detail: "cannot reach the PostgreSQL server at \(location.host):\(location.port) (\(error)); is it running?")
        }
        return StoreError(kind: .io, path: name, detail: "\(error)")
    }
}
