import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("newsgraph serve", .serialized)
struct ServeCommandTests {
    @Test("newsgraph serve starts the server beside it, prints the address, answers, and stops cleanly on Ctrl-C (SIGINT)")
    func startsAndStops() async throws {
        let folder = try TemporaryFolder()
        let store = folder.file("news.sqlite")
        try SmallNews.add(SmallNews.articles, to: store)
        let server = try Launched(try Binaries.path("newsgraph"), ["serve", "--store", store, "--port", "0"], in: folder)
        defer { if server.process.isRunning { server.process.terminate() } }

        let port = try await server.port()
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: "http://127.0.0.1:\(port)/api/stats")))
        let statistics = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(statistics["articles"] as? Int == 3)

        kill(server.process.processIdentifier, SIGINT)
        #expect(try await server.wait(seconds: 20), "still running 20 s after SIGINT")
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0, "stderr: \(server.complaints)")
    }

    @Test("Without newsgraph-server beside it, newsgraph serve says in one line how to build it")
    func serverNotBuilt() async throws {
        let folder = try TemporaryFolder()
        let alone = folder.file("newsgraph")
        try FileManager.default.copyItem(atPath: try Binaries.path("newsgraph"), toPath: alone)
        let run = try Launched(alone, ["serve", "--store", folder.file("none.sqlite")], in: folder)
        #expect(try await run.wait(seconds: 30))
        #expect(run.process.terminationStatus == 1)
        let lines = run.complaints.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("make server") == true)
        #expect(run.printed.isEmpty)
    }

    @Test("A missing store is one error line and exit status 1, before anything listens")
    func missingStore() async throws {
        let folder = try TemporaryFolder()
        let run = try Launched(try Binaries.path("newsgraph-server"), ["--store", folder.file("none.sqlite"), "--port", "0"], in: folder)
        #expect(try await run.wait(seconds: 30))
        #expect(run.process.terminationStatus == 1)
        #expect(run.complaints.split(separator: "\n").count == 1)
        #expect(run.complaints.contains("no store here"))
    }
}
