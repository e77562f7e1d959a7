import Foundation
import GraphStore

/// Where a shared store is: the parts of a `postgres://user:password@host:port/database` URL.
///
/// The password may also come from the `PGPASSWORD` environment variable, as for `psql`, so that
/// it need not appear on a command line. `?connect_timeout=SECONDS` bounds the wait for a server
/// that does not answer (5 seconds by default).
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var connectTimeout: Int

    /// Whether `text` names a PostgreSQL database rather than an SQLite file.
    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads a URL; throws one clear line when it is not a usable one.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(StoreError) {
        func invalid(_ why: String) -> StoreError {
            StoreError(
                kind: .invalidRequest, path: "",
                detail:
                    "'\(abbreviated(PostgresLocation.redacted(text)))' is not a usable PostgreSQL URL (\(why)); write postgres://user@host:port/database"
            )
        }
        guard PostgresLocation.isPostgresURL(text), let components = URLComponents(string: text) else { throw invalid("not a URL") }
        guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name after the host") }
        if let port = components.port, !(1...65535).contains(port) { throw invalid("port \(port)") }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        self.database = database.removingPercentEncoding ?? database
        connectTimeout = 5
        for item in components.queryItems ?? [] {
            switch item.name {
            case "connect_timeout":
                guard let seconds = item.value.flatMap(Int.init), seconds > 0 else {
                    throw invalid("connect_timeout must be a number of seconds")
                }
                connectTimeout = seconds
            case "sslmode" where item.value == "disable":
                break
            default:
                throw invalid("unknown parameter '\(item.name)'; only connect_timeout and sslmode=disable are understood")
            }
        }
    }

    /// The URL without its password, for messages.
    public var displayName: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `text` with any password in it replaced by stars.
    public static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
