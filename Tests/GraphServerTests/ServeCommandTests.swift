import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The built binaries: `newsgraph` and `newsgraph-server` side by side, as `swift build` and
/// `swift test` leave them.
private enum Binaries {
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
private struct Launched {
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

@Suite("newsgraph serve", .serialized)
struct ServeCommandTests {
    @Test("newsgraph serve starts the server beside it, prints the address, answers, and stops cleanly on Ctrl-C (SIGINT)")
    func startsAndStops() async throws {
        let folder = try TemporaryFolder()
        let store = folder.file("news.sqlite")
        try SmallNews.add(SmallNews.articles, to: store)
        let server = try Launched(try Binaries.path("newsgraph"), ["serve", "--store", store, "--port", "0"], in: folder)
        defer { if server.process.isRunning { server.process.terminate() } }

        var address: String?
        let deadline = Date().addingTimeInterval(30)
        while address == nil && server.process.isRunning && Date() < deadline {
            address = server.printed.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init)
            try await Task.sleep(for: .milliseconds(50))
        }
        let url = try #require(address, "no address printed; stderr: \(server.complaints)")
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: url + "api/stats")))
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
