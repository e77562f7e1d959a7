import Foundation
import GraphStore

/// Where a shared store is: the parts of a `postgres://user:password@host:port/database` URL.
///
/// The password may also come from the `PGPASSWORD` environment variable, as for `psql`, so that
/// it need not appear on a command line. `?connect_timeout=SECONDS` bounds the wait for a server
/// that does not answer (5 seconds by default). `?sslmode=MODE` and `?sslrootcert=FILE` choose
/// encryption as libpq's parameters of those names do (`TLSMode`); `PGSSLMODE` and
/// `PGSSLROOTCERT` stand in for them, as for `psql`.
public struct PostgresLocation: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var connectTimeout: Int
    /// Whether the connection is encrypted, and what of the server's certificate is checked.
    package var tlsMode: TLSMode
    /// The certificates (PEM) a server's certificate must chain to in the verifying modes; nil
    /// for the system's trusted roots.
    package var tlsRootCertificates: String?

    /// libpq's `sslmode` values, with its default, `prefer`: a server that offers TLS is spoken
    /// to over TLS, one that does not in the clear. As in libpq, `prefer` and `require` encrypt
    /// without checking who holds the certificate (they stop a listener on the wire, not a
    /// server that impersonates another); `verify-ca` checks that the certificate chains to a
    /// trusted root, `verify-full` also that it names the host of the URL. `require` given a
    /// `sslrootcert` checks the chain, as libpq's does when it finds a root certificate.
    package enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never TLS.
        case disable
        /// In the clear first; over TLS when the server turns a clear connection away.
        case allow
        /// Over TLS when the server offers it, else in the clear.
        case prefer
        /// Over TLS or not at all; the certificate is not checked.
        case require
        /// Over TLS, the certificate chaining to a trusted root.
        case verifyCA = "verify-ca"
        /// Over TLS, the certificate chaining to a trusted root and naming the host.
        case verifyFull = "verify-full"
    }

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
        var mode = environment["PGSSLMODE"].flatMap { $0.isEmpty ? nil : $0 }
        tlsRootCertificates = environment["PGSSLROOTCERT"].flatMap { $0.isEmpty ? nil : $0 }
        for item in components.queryItems ?? [] {
            switch item.name {
            case "connect_timeout":
                guard let seconds = item.value.flatMap(Int.init), seconds > 0 else {
                    throw invalid("connect_timeout must be a number of seconds")
                }
                connectTimeout = seconds
            case "sslmode":
                mode = item.value ?? ""
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else { throw invalid("sslrootcert must name a file of certificates") }
                tlsRootCertificates = path
            default:
                throw invalid("unknown parameter '\(item.name)'; connect_timeout, sslmode and sslrootcert are understood")
            }
        }
        if let mode {
            guard let known = TLSMode(rawValue: mode) else {
                throw invalid(
                    "sslmode '\(mode)' is none of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tlsMode = known
        } else {
            tlsMode = .prefer
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
