import Foundation
import GraphStore
import Logging
import NIOCore
import NIOPosix
import NIOSSL
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
    /// connect timeout), wrong user or password, no such database, no TLS where the URL's
    /// `sslmode` asks for it, a certificate that does not pass the checks it asks for.
    init(_ location: PostgresLocation) throws(StoreError) {
        self.location = location
        var logger = Logger(label: "newsgraph.postgres")
        logger.logLevel = .critical
        self.logger = logger
        func connect(_ tls: PostgresConnection.Configuration.TLS) throws -> PostgresConnection {
            var configuration = PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls)
            configuration.options.connectTimeout = .seconds(Int64(location.connectTimeout))
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 1, logger: logger
            ).wait()
        }
        let context = try PostgresSession.tlsContext(location)
        do {
            switch (location.tlsMode, context) {
            case (.allow, let context?):
                // As libpq does: in the clear, and over TLS when the server's pg_hba.conf turns
                // a clear connection away (it answers 28000, "no encryption").
                do {
                    connection = try connect(.disable)
                } catch let error as PSQLError where error.serverInfo?[.sqlState] == "28000" {
                    connection = try connect(.require(context))
                }
            case (.prefer, let context?): connection = try connect(.prefer(context))
            case (.require, let context?), (.verifyCA, let context?), (.verifyFull, let context?):
                connection = try connect(.require(context))
            default: connection = try connect(.disable)
            }
        } catch {
            throw PostgresSession.storeError(error, location: location, connecting: true)
        }
    }

    /// The TLS settings of `location`'s `sslmode` and `sslrootcert` (nil for `disable`), or one
    /// clear line when the root certificates cannot be read.
    static func tlsContext(_ location: PostgresLocation) throws(StoreError) -> NIOSSLContext? {
        guard location.tlsMode != .disable else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        switch location.tlsMode {
        case .verifyFull: tls.certificateVerification = .fullVerification
        case .verifyCA: tls.certificateVerification = .noHostnameVerification
        // As libpq: the other modes check the chain when given root certificates, and nothing
        // otherwise.
        default: tls.certificateVerification = location.tlsRootCertificates == nil ? .none : .noHostnameVerification
        }
        if let path = location.tlsRootCertificates {
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw StoreError(
                    kind: .io, path: location.displayName, detail: "cannot read the root certificates '\(path)' (sslrootcert)")
            }
            tls.trustRoots = .file(path)
        }
        do {
            return try NIOSSLContext(configuration: tls)
        } catch {
            throw StoreError(
                kind: .io, path: location.displayName,
                detail: "cannot set up TLS with the root certificates '\(location.tlsRootCertificates ?? "of the system")' (\(error))")
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

    /// Runs `sql` and hands `body` each row as it arrives, on swift-nio's event loop while this
    /// thread waits (so never both at once): the rows of a large table are neither gathered
    /// first nor turned into strings. An error `body` throws ends the query and is rethrown.
    func forEachRow(_ sql: String, _ body: @escaping @Sendable (PostgresRow) throws -> Void) throws(StoreError) {
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger, body).wait()
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
            case .sslUnsupported:
                return StoreError(
                    kind: .io, path: name,
                    detail:
                        "the server at \(location.host):\(location.port) does not offer TLS, which sslmode=\(location.tlsMode.rawValue) asks for; turn ssl on in its postgresql.conf, or connect with sslmode=prefer or disable"
                )
            case .receivedUnencryptedDataAfterSSLRequest:
                return StoreError(
                    kind: .io, path: name,
                    detail:
                        "the server at \(location.host):\(location.port) agreed to TLS and then sent unencrypted data; is it a PostgreSQL server, and is anything between you and it?"
                )
            case .connectionError where error.underlying.map(PostgresSession.isTLSFailure) == true:
                return StoreError(
                    kind: .io, path: name,
                    detail:
                        "the TLS handshake with \(location.host):\(location.port) failed (\(tlsReason(error.underlying!))); with sslmode=\(location.tlsMode.rawValue), check the server's certificate against sslrootcert"
                )
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
        if connecting, PostgresSession.isTLSFailure(error) {
            return StoreError(
                kind: .io, path: name,
                detail:
                    "the TLS handshake with \(location.host):\(location.port) failed (\(tlsReason(error))); with sslmode=\(location.tlsMode.rawValue), check the server's certificate against sslrootcert"
            )
        }
        if connecting {
            return StoreError(
                kind: .io, path: name,
                detail: "cannot reach the PostgreSQL server at \(location.host):\(location.port) (\(error)); is it running?")
        }
        return StoreError(kind: .io, path: name, detail: "\(error)")
    }

    /// What went wrong in a TLS error, in words: BoringSSL's reasons ("certificate verify
    /// failed") without its error numbers and source paths, or the error as it describes itself.
    static func tlsReason(_ error: any Error) -> String {
        let text = "\(error)"
        let reasons = text.split(separator: "OPENSSL_internal:").dropFirst().map { part in
            part.prefix { $0.isLetter || $0.isNumber || $0 == "_" }.lowercased().replacingOccurrences(of: "_", with: " ")
        }
        return reasons.isEmpty ? text : reasons.joined(separator: ", ")
    }

    /// Whether `error` is the TLS layer's: a handshake that failed or a certificate refused.
    static func isTLSFailure(_ error: any Error) -> Bool {
        error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError
    }
}
