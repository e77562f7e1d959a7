import Foundation
import NewsGraph
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A small invented news graph: three articles, five entities, four edges, one of them naming a
/// company whose name is an HTML script tag.
enum SmallNews {
    static let hostileName = "<script>alert(1)</script> Ltd"
    static let hostileID = Entity.slug(for: hostileName)

    static let okafor = Entity(name: "Maren Okafor", type: .person, aliases: ["Okafor"], mentions: 4)
    static let brandt = Entity(name: "Tovi Brandt", type: .person, aliases: ["Brandt"], mentions: 3)
    static let ministry = Entity(name: "Velmoran Trade Ministry", type: .agency, mentions: 2)
    static let hostile = Entity(name: hostileName, type: .organization, mentions: 1)
    static let ostland = Entity(name: "Ostland", type: .country, mentions: 1)

    struct Article {
        var document: String
        var title: String
        var date: String?
        var sentence: String
        var entities: [Entity]
        var relations: [(Entity, RelationType, Entity)]
    }

    static let articles = [
        Article(
            document: "talks", title: "Okafor and Brandt meet in Lindau", date: "2024-03-04",
            sentence: "Maren Okafor met with Tovi Brandt in Lindau on Monday.", entities: [okafor, brandt],
            relations: [(okafor, .metWith, brandt)]),
        Article(
            document: "sanctions", title: "Ministry <b>sanctions</b> & fines", date: "2024-06-10",
            sentence: "The Velmoran Trade Ministry sanctioned <script>alert(1)</script> Ltd for shipping parts.",
            entities: [ministry, hostile], relations: [(ministry, .sanctioned, hostile)]),
        Article(
            document: "criticism", title: "Brandt criticizes the ministry", date: "2025-01-20",
            sentence: "Tovi Brandt criticized the Velmoran Trade Ministry over the sanctions.", entities: [brandt, ministry, ostland],
            relations: [(brandt, .criticized, ministry)]),
    ]

    /// One more article, for the test that builds while the server runs.
    static let lateArticle = Article(
        document: "late", title: "Okafor visits Ostland", date: "2025-02-02",
        sentence: "Maren Okafor criticized Ostland in a speech.", entities: [okafor, ostland],
        relations: [(okafor, .criticized, ostland)])

    /// Stores the articles' graphs, as `newsgraph build` would.
    static func add(_ articles: [Article], to path: String) throws {
        let store = try GraphStore(path: path)
        for article in articles {
            let relations = article.relations.map { source, type, target in
                Relation(
                    source: source.id, type: type, target: target.id,
                    evidence: [
                        Evidence(
                            document: article.document, sentence: article.sentence, start: 0, end: article.sentence.unicodeScalars.count,
                            date: article.date)
                    ])
            }
            let record = ArticleRecord(
                document: article.document, path: "\(article.document).txt", title: article.title, date: article.date,
                text: Array((article.title + "\n" + article.sentence).utf8))
            _ = try store.add(Graph(entities: article.entities, relations: relations), article: record)
        }
    }
}

/// A server on a free port over a store built from `SmallNews`, stopped when the test's body ends.
///
/// The server runs as its own process, the built `newsgraph-server`: swift-nio ignores SIGPIPE for
/// the whole process the first time it opens a socket, and every test target runs in one process,
/// so a server started in it would change how the command-line tests' child processes meet a
/// closed pipe.
struct TestServer {
    let port: Int
    let storePath: String

    static func with<T>(articles: [SmallNews.Article] = SmallNews.articles, _ body: (TestServer) async throws -> T) async throws -> T {
        let folder = try TemporaryFolder()
        let storePath = folder.file("news.sqlite")
        try SmallNews.add(articles, to: storePath)
        let server = try Launched(try Binaries.path("newsgraph-server"), ["--store", storePath, "--port", "0"], in: folder)
        defer {
            kill(server.process.processIdentifier, SIGINT)
            server.process.waitUntilExit()
        }
        let port = try await server.port()
        return try await body(TestServer(port: port, storePath: storePath))
    }

    struct Answer {
        var status: Int
        var contentType: String
        var headers: [String: String]
        var body: String

        /// The body as JSON.
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        }

        /// Whether the body is `{"error": "…"}` with a one-line message, and the message.
        func errorMessage() throws -> String {
            #expect(contentType.hasPrefix("application/json"))
            let object = try json()
            #expect(object.keys.sorted() == ["error"])
            let message = try #require(object["error"] as? String)
            #expect(!message.isEmpty && !message.contains("\n"))
            return message
        }
    }

    /// GETs `path` (with its query, already encoded) from the server.
    func get(_ path: String, method: String = "GET") async throws -> Answer {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Answer(
            status: http.statusCode, contentType: headers["content-type"] ?? "", headers: headers,
            body: String(decoding: data, as: UTF8.self))
    }
}

/// The built binaries: `newsgraph` and `newsgraph-server` side by side, as `swift build` and
/// `swift test` leave them.
enum Binaries {
    static let folder: URL? = {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        // Tests/GraphServerTests/ServeCommandTests.swift -> the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(".build/debug"))
        return candidates.first { folder in
            ["newsgraph", "newsgraph-server"].allSatisfy {
                FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent($0).path)
            }
        }
    }()

    static func path(_ name: String) throws -> String {
        try #require(folder, "no built newsgraph and newsgraph-server; swift build --build-tests builds them").appendingPathComponent(name)
            .path
    }
}

/// Runs a process with its output in files (pipes could fill while it waits).
struct Launched {
    let process = Process()
    let output: URL
    let errors: URL

    init(_ executable: String, _ arguments: [String], in folder: TemporaryFolder) throws {
        output = folder.url.appendingPathComponent("stdout-\(UUID().uuidString)")
        errors = folder.url.appendingPathComponent("stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var printed: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
    var complaints: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

    /// Waits for the process to end, up to `seconds`; false if it is still running.
    func wait(seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return !process.isRunning
    }
}

extension Launched {
    /// The port of the address a server prints once it listens.
    func port(waitingUpTo seconds: Double = 30) async throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline {
            if let address = printed.split(whereSeparator: \.isWhitespace).first(where: { $0.hasPrefix("http://127.0.0.1:") }),
                let port = Int(address.dropFirst("http://127.0.0.1:".count).prefix { $0.isNumber })
            {
                return port
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the server printed no address; stderr: \(complaints)")
        throw CancellationError()
    }
}
