import Foundation
import GraphStore
import KnowledgeGraph
import Testing

@testable import GraphStorePostgres

/// `url` with `sslmode` (when given) and the other parameters added to its query.
func withParameters(_ url: String, sslmode: String?, _ more: [URLQueryItem] = []) -> String {
    var components = URLComponents(string: url)!
    var items = components.queryItems ?? []
    if let sslmode { items.append(URLQueryItem(name: "sslmode", value: sslmode)) }
    items += more
    components.queryItems = items.isEmpty ? nil : items
    return components.string!
}

/// Whether the test server offers TLS (`ssl = on` in its settings; `.ci/run` starts it so), and
/// the certificate it was signed with: NEWSGRAPH_TEST_POSTGRES_ROOTCERT, a PEM file, when set.
enum TLSServer {
    static let isOn: Bool = {
        guard let url = TestServer.url, let session = try? PostgresSession(PostgresLocation(url: url)) else { return false }
        return (try? session.value("SHOW ssl")) == "on"
    }()
    static let rootCertificates = ProcessInfo.processInfo.environment["NEWSGRAPH_TEST_POSTGRES_ROOTCERT"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Whether the connection `session` is on is encrypted, as the server sees it.
    static func isEncrypted(_ session: PostgresSession) throws -> Bool {
        try session.value("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()") == "true"
    }
}

/// A loopback listener that answers the first connection's first 8 bytes (a PostgreSQL client's
/// SSLRequest) with `answer`, a moment later sends `then`, and waits for the client to hang up: a
/// stand-in for a server that does not offer TLS (`N`), or for one whose TLS is broken (`S`, then
/// bytes that are no TLS record).
final class ScriptedServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let done = DispatchSemaphore(value: 0)

    init(answer: [UInt8], then more: [UInt8] = []) throws {
        guard let (listener, port) = loopbackListener() else { throw POSIXError(.EADDRNOTAVAIL) }
        self.listener = listener
        self.port = port
        let socket = listener
        let done = done
        Thread.detachNewThread {
            defer { done.signal() }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            var request = [UInt8](repeating: 0, count: 8)
            guard recv(client, &request, 8, Int32(MSG_WAITALL)) == 8 else { return }
            _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
            if !more.isEmpty {
                usleep(200_000)
                _ = more.withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) }
            }
            // Until the client closes the connection (or five seconds pass).
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var rest = [UInt8](repeating: 0, count: 512)
            while recv(client, &rest, rest.count, 0) > 0 {}
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        _ = done.wait(timeout: .now() + 6)
    }
}

@Suite("PostgreSQL URLs: sslmode and sslrootcert")
struct PostgresTLSSettingTests {
    @Test("sslmode takes libpq's values, prefer by default; PGSSLMODE stands in for it; another value is one clear error")
    func modes() throws {
        #expect(try PostgresLocation(url: "postgres://u@h/db", environment: [:]).tlsMode == .prefer)
        for mode in PostgresLocation.TLSMode.allCases {
            #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=\(mode.rawValue)", environment: [:]).tlsMode == mode)
        }
        #expect(try PostgresLocation(url: "postgres://u@h/db", environment: ["PGSSLMODE": "require"]).tlsMode == .require)
        #expect(
            try PostgresLocation(url: "postgres://u@h/db?sslmode=disable", environment: ["PGSSLMODE": "require"]).tlsMode == .disable)
        let error = #expect(throws: StoreError.self) { try PostgresLocation(url: "postgres://u@h/db?sslmode=always", environment: [:]) }
        #expect(error?.kind == .invalidRequest)
        #expect(error?.description.contains("sslmode 'always' is none of disable, allow, prefer, require, verify-ca, verify-full") == true)
        #expect(error?.description.contains("\n") == false)
        let location = try PostgresLocation(url: "postgres://u@h/db?sslmode=verify-full&sslrootcert=/etc/ca.pem", environment: [:])
        #expect(location.tlsRootCertificates == "/etc/ca.pem")
    }

    @Test("Root certificates that cannot be read are one clear error, before any connection")
    func unreadableRootCertificates() throws {
        let error = #expect(throws: StoreError.self) {
            // Port 1: nothing listens there, so only the certificate check can give this error.
            try PostgresStore.open(url: "postgres://u@127.0.0.1:1/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem", create: true)
        }
        #expect(error?.description.contains("cannot read the root certificates '/nonexistent/ca.pem' (sslrootcert)") == true)
        let garbage = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-not-a-certificate-\(UUID().uuidString).pem")
        try Data("not a certificate\n".utf8).write(to: garbage)
        defer { try? FileManager.default.removeItem(at: garbage) }
        let bad = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://u@127.0.0.1:1/db?sslmode=verify-ca&sslrootcert=\(garbage.path)", create: true)
        }
        #expect(bad?.description.contains("cannot set up TLS with the root certificates") == true, "\(String(describing: bad))")
    }

    @Test("require against a server that does not offer TLS is one clear error; prefer goes on in the clear")
    func requireWithoutTLS() throws {
        let server = try ScriptedServer(answer: Array("N".utf8))
        let error = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://u@127.0.0.1:\(server.port)/db?sslmode=require&connect_timeout=3", create: true)
        }
        #expect(error?.description.contains("does not offer TLS, which sslmode=require asks for") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
        // prefer takes the same answer as leave to go on unencrypted: the next thing it meets is
        // the end of the connection, not a TLS error.
        let clear = try ScriptedServer(answer: Array("N".utf8))
        let preferred = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://u@127.0.0.1:\(clear.port)/db?connect_timeout=3", create: true)
        }
        #expect(preferred?.description.contains("does not offer TLS") == false, "\(String(describing: preferred))")
    }

    @Test("A TLS handshake that fails is one clear error")
    func brokenHandshake() throws {
        let server = try ScriptedServer(answer: Array("S".utf8), then: Array("not a TLS record at all, only text\r\n\r\n".utf8))
        let error = #expect(throws: StoreError.self) {
            try PostgresStore.open(url: "postgres://u@127.0.0.1:\(server.port)/db?sslmode=require&connect_timeout=3", create: true)
        }
        #expect(
            error?.description.contains("the TLS handshake with 127.0.0.1:\(server.port) failed") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
    }
}

@Suite(
    "PostgreSQL store over TLS", .serialized, .enabled(if: TestServer.isConfigured, "NEWSGRAPH_TEST_POSTGRES is not set"))
struct PostgresTLSTests {
    @Test("require, prefer (the default) and verify-ca encrypt the connection to a server with TLS on; disable and allow do not")
    func encryptedOrNot() throws {
        guard TLSServer.isOn else {
            print("(the test server has ssl off: the TLS checks against it are skipped)")
            return
        }
        var modes: [(String?, Bool)] = [("require", true), (nil, true), ("prefer", true), ("disable", false), ("allow", false)]
        var extra: [URLQueryItem] = []
        if let root = TLSServer.rootCertificates {
            modes.append(("verify-ca", true))
            extra.append(URLQueryItem(name: "sslrootcert", value: root))
        }
        for (mode, encrypted) in modes {
            let session = try PostgresSession(PostgresLocation(url: withParameters(TestServer.url!, sslmode: mode, extra)))
            #expect(try TLSServer.isEncrypted(session) == encrypted, "sslmode=\(mode ?? "(none)")")
        }
    }

    @Test("A store built over sslmode=require reads back the same over sslmode=disable")
    func storeOverTLS() throws {
        guard TLSServer.isOn else {
            print("(the test server has ssl off: the TLS checks against it are skipped)")
            return
        }
        let database = try TestServer.Database()
        let shared = try PostgresStore.open(url: withParameters(database.url, sslmode: "require"), create: true)
        try shared.add(Story.batch(Story.articles[...]))
        let reader = try PostgresStore.openForReading(url: withParameters(database.url, sslmode: "disable"))
        #expect(try reader.graph() == shared.graph())
        #expect(try reader.statistics().articles == Story.articles.count)
    }

    @Test("verify-full accepts the server's certificate given the root it was signed with, and refuses it without")
    func verifyFull() throws {
        guard TLSServer.isOn, let root = TLSServer.rootCertificates else {
            print("(no NEWSGRAPH_TEST_POSTGRES_ROOTCERT for a server with ssl on: the certificate checks are skipped)")
            return
        }
        let trusted = withParameters(TestServer.url!, sslmode: "verify-full", [URLQueryItem(name: "sslrootcert", value: root)])
        #expect(try TLSServer.isEncrypted(PostgresSession(PostgresLocation(url: trusted))))
        // The system's roots did not sign the test server's certificate.
        let error = #expect(throws: StoreError.self) {
            try PostgresSession(PostgresLocation(url: withParameters(TestServer.url!, sslmode: "verify-full"), environment: [:]))
        }
        #expect(error?.description.contains("the TLS handshake with") == true, "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
    }
}
