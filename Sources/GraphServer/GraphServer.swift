import Foundation
import GraphStorePostgres
import Hummingbird
import Logging
import NewsGraph
import Synchronization

/// `newsgraph serve`: pages for exploring a store in a browser, and a JSON API for other tools.
///
/// The server only reads: it opens the store with ``GraphStore/init(readOnlyAt:upgrading:)``,
/// whose connection never starts a write transaction, and refuses a store of an older schema
/// rather than upgrade it. Each request reads in a transaction of its own,
/// and in WAL mode a reader sees every build that committed before it began, so a `newsgraph
/// build` into the same store while the server runs shows in the next request, with no restart.
///
/// Every answer comes from the library: the store's queries (entity, neighbors, path, entities,
/// statistics), `Graph(neighborhoodOf:neighbors:)` and `Graph(path:)` for the drawings and the
/// JSON, ``JSONWriter`` for the graph JSON, ``DOTWriter`` and ``GraphvizRenderer`` for the SVG.
public struct GraphServer: Sendable {
    private let opened: OpenedStore

    /// The store's file.
    public var storePath: String { opened.path }

    /// The store as it may be printed: a database URL without its password.
    public var storeName: String {
        PostgresLocation.isPostgresURL(opened.path) ? PostgresLocation.redacted(opened.path) : opened.path
    }

    /// A server over the store at `path`, opened for reading; throws the store's one-line error
    /// when it is missing or not a store.
    public init(storePath path: String) throws(StoreError) {
        opened = try OpenedStore(path: path)
    }

    /// The HTTP application bound to `host` and `port` (0: any free port). `onRunning` is called
    /// with the port actually bound once the server accepts connections.
    public func application(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "newsgraph"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: GraphServer.quietLogger)
    }

    /// Runs the server until SIGINT (Ctrl-C) or SIGTERM, then lets the requests in flight finish
    /// (Hummingbird's graceful shutdown, through swift-service-lifecycle). `onRunning` gets the
    /// bound port, to print the address.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    /// Warnings and errors only: a request per line would drown the address the user needs.
    static var quietLogger: Logger {
        var logger = Logger(label: "newsgraph-server")
        logger.logLevel = .warning
        return logger
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        // The outer middleware first: error answers get the security headers too.
        router.middlewares.add(SecurityHeaders())
        router.middlewares.add(ErrorAnswers())

        // Pages.
        router.get("/") { request, _ in try await self.page(request) { _ in try Pages(store: opened.current()).home() } }
        router.get("/search") { request, _ in try await self.page(request) { try Pages(store: opened.current()).search($0) } }
        router.get("/entity/:id") { request, context in
            let id = try GraphServer.entityID(context.parameters.get("id"))
            return try await self.page(request) { try Pages(store: opened.current()).entity(id: id, $0) }
        }
        router.get("/path") { request, _ in try await self.page(request) { try Pages(store: opened.current()).path($0) } }
        router.get("/assets/style.css") { _, _ in try Asset.response("style.css", contentType: "text/css; charset=utf-8") }
        router.get("/assets/newsgraph.js") { _, _ in try Asset.response("newsgraph.js", contentType: "text/javascript; charset=utf-8") }

        // The JSON API.
        router.get("/openapi.json") { _, _ in try Asset.response("openapi.json", contentType: "application/json") }
        router.get("/api/search") { request, _ in try await self.json(request) { try API(store: opened.current()).search($0) } }
        router.get("/api/stats") { request, _ in try await self.json(request) { _ in try API(store: opened.current()).statistics() } }
        router.get("/api/entities/:id") { request, context in
            let id = try GraphServer.entityID(context.parameters.get("id"))
            return try await self.json(request) { _ in try API(store: opened.current()).entity(id: id) }
        }
        router.get("/api/entities/:id/neighbors") { request, context in
            let id = try GraphServer.entityID(context.parameters.get("id"))
            return try await self.json(request) { try API(store: opened.current()).neighbors(id: id, $0) }
        }
        router.get("/api/path") { request, _ in try await self.json(request) { try API(store: opened.current()).path($0) } }
        return router
    }

    /// The `{id}` of a path, percent-decoded: ids of names outside ASCII hold letters that a URL
    /// carries encoded.
    static func entityID(_ raw: String?) throws(RequestError) -> String {
        guard let raw, let id = raw.removingPercentEncoding, !id.isEmpty else {
            throw .badRequest("the entity id is not valid percent-encoded UTF-8")
        }
        return id
    }

    /// An HTML page made by `body` from the query string.
    private func page(_ request: Request, _ body: @escaping @Sendable (QueryParameters) throws -> String) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let html = try await offloaded { try body(parameters) }
        return Answer.bytes(Array(html.utf8), contentType: "text/html; charset=utf-8")
    }

    /// A JSON answer made by `body` from the query string.
    private func json(_ request: Request, _ body: @escaping @Sendable (QueryParameters) throws -> [UInt8]) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query, refusingEmptyValues: true)
        return Answer.bytes(try await offloaded { try body(parameters) }, contentType: "application/json")
    }
}

/// The store the requests read, opened again when its file is replaced: `make demo` and scripts
/// delete a store and build a new one in its place, which the open connection would never see
/// (it keeps reading the deleted file). A build into the same file needs nothing of this: each
/// request reads in a transaction of its own, which sees every build committed before it.
final class OpenedStore: Sendable {
    let path: String
    private let state: Mutex<(store: GraphStore, file: FileIdentity?)>

    /// Which file a path names: a new file at the same path has another identity.
    struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64

        init?(_ path: String) {
            var information = stat()
            guard stat(path, &information) == 0 else { return nil }
            device = UInt64(information.st_dev)
            inode = UInt64(information.st_ino)
        }
    }

    init(path: String) throws(StoreError) {
        self.path = path
        if PostgresLocation.isPostgresURL(path) {
            // A shared store: each read asks the server for what changed since the last one.
            state = Mutex((try PostgresStore.openForReading(url: path), nil))
            return
        }
        let file = FileIdentity(path)
        let store = try GraphStore(readOnlyAt: path, upgrading: false)
        state = Mutex((store, file))
    }

    /// The store at the path now. While a new file is missing or not yet a store (a build that
    /// has just started), the one opened before answers.
    func current() -> GraphStore {
        state.withLock { state in
            if let file = FileIdentity(path), file != state.file, let reopened = try? GraphStore(readOnlyAt: path, upgrading: false) {
                state = (reopened, file)
            }
            return state.store
        }
    }
}

/// Runs blocking work (SQLite reads, Graphviz layouts) on a Dispatch thread, so a slow drawing
/// does not hold one of the few threads that run every request's async code.
func offloaded<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}

/// Building responses.
enum Answer {
    static func bytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        Response(
            status: status, headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"error": "…"}` and a newline.
    static func jsonError(_ error: RequestError) -> Response {
        let body = (try? JSONEncoder.api.encode(["error": error.message])).map(Array.init) ?? Array(#"{"error":"error"}"#.utf8)
        return bytes(body + [0x0A], status: .init(code: error.status), contentType: "application/json")
    }
}

/// The files under Resources/: the stylesheet, the script and the OpenAPI document, read once.
enum Asset {
    private static let cache: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for name in ["style.css", "newsgraph.js", "openapi.json"] {
            if let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources"),
                let data = try? Data(contentsOf: url)
            {
                files[name] = Array(data)
            }
        }
        return files
    }()

    static func contents(_ name: String) -> [UInt8]? { cache[name] }

    static func response(_ name: String, contentType: String) throws(RequestError) -> Response {
        guard let bytes = cache[name] else { throw RequestError(status: 500, "\(name) is missing from the server's resources") }
        return Answer.bytes(bytes, contentType: contentType)
    }
}

/// Every failure as an answer the client can read: the API's in JSON (`{"error": "…"}`, one
/// line), the pages' as a page. Unknown paths get the same 404 treatment.
struct ErrorAnswers<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Everything here is read with GET; any other method is refused before routing, which
        // would call it a 404.
        guard request.method == .get else {
            var response = answer(RequestError(status: 405, "\(request.method) is not allowed; only GET is"), to: request)
            response.headers[.allow] = "GET"
            return response
        }
        do {
            return try await next(request, context)
        } catch let error as RequestError {
            return answer(error, to: request)
        } catch let error as HTTPError {
            let message =
                switch error.status {
                case .notFound: "nothing at \(abbreviated(request.uri.path))"
                default: error.body ?? error.status.reasonPhrase
                }
            return answer(RequestError(status: error.status.code, message), to: request)
        } catch let error as StoreError {
            // Not the request's fault: the store went missing, or another program holds it.
            return answer(RequestError(status: error.kind == .locked ? 503 : 500, error.description), to: request)
        } catch {
            return answer(RequestError(status: 500, "\(error)"), to: request)
        }
    }

    private func answer(_ error: RequestError, to request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/openapi.json" { return Answer.jsonError(error) }
        return Answer.bytes(Array(Pages.errorPage(error).utf8), status: .init(code: error.status), contentType: "text/html; charset=utf-8")
    }
}

/// Headers that keep a page's content in its place: scripts only from this server (so even text
/// that escaped escaping could not run), no framing, no type sniffing.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = SecurityHeaders.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        return response
    }
}

extension JSONEncoder {
    /// The API's small answers: keys sorted, slashes as they are, like the graph JSON.
    static var api: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
