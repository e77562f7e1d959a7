import Foundation
import NewsGraph
import Testing

/// The built `newsgraph` binary, run as a user runs it.
enum CLI {
    /// The binary next to the test bundle, else in the package's build folders.
    static let binary: String? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["NEWSGRAPH_BINARY"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("newsgraph"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("newsgraph"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("newsgraph"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("newsgraph"))
        }
        // Tests/NewsGraphTests/CommandLineTests.swift -> the package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for buildFolder in [".build-tests", ".build"] {
            candidates.append(root.appendingPathComponent("\(buildFolder)/debug/newsgraph"))
        }
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Whether a signal ended the process; `status` is then the signal's number.
        var signaled = false

        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: true) }

        var summary: String {
            "\(signaled ? "signal" : "exit") \(status); stdout: \(stdout.prefix(2000).debugDescription); stderr: \(stderr.prefix(2000).debugDescription)"
        }
    }

    /// Runs the binary with `arguments` in `folder`, capturing both output streams through files.
    ///
    /// `standardOutput` and `standardError` replace the captured streams (their text is then
    /// empty in the result); `shell` is run by /bin/sh before the binary replaces it, to set a
    /// limit or a signal disposition (`ulimit -f 1`, `trap '' PIPE`).
    /// `launcher` runs the binary in its stead, with the binary and `arguments` after its own
    /// (`setpriv --reuid=…` to run it as another user).
    static func run(_ arguments: [String], in folder: TemporaryFolder, standardOutput: FileHandle? = nil,
                    standardError: FileHandle? = nil, shell: String? = nil, launcher: [String] = []) throws -> Run
    {
        let binary = try #require(CLI.binary, "no built newsgraph binary found; build with swift build --build-tests")
        let process = Process()
        if let program = launcher.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(launcher.dropFirst()) + [binary] + arguments
        } else if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell + "; exec \"$0\" \"$@\"", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder.url
        let id = UUID().uuidString
        let outPath = folder.file(".stdout-\(id)")
        let errPath = folder.file(".stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = standardOutput ?? out
        process.standardError = standardError ?? err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let stdout = String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr,
                   signaled: process.terminationReason == .uncaughtSignal)
    }

    static let article = """
        Blinken meets Xi in Beijing
        Secretary of State Antony Blinken met with Chinese President Xi Jinping in Beijing on Monday.
        Blinken said the talks were candid and constructive.

        """

    /// No stack trace, crash report or Swift runtime message in a user-facing error.
    static func looksLikeACrash(_ text: String) -> Bool {
        ["Fatal error", "Stack dump", "backtrace", "Backtrace", "Crash", "at /", "0x0000", "Thread 0"].contains { text.contains($0) }
    }
}

@Suite("The newsgraph command, end to end", .serialized)
struct CommandLineTests {
    @Test("extract --format json prints a graph with entities and relations")
    func extractJSON() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let run = try CLI.run(["extract", "--format", "json", article], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        let json = try #require(object as? [String: Any], "\(run.summary)")
        let entities = try #require(json["entities"] as? [[String: Any]], "\(run.summary)")
        let relations = try #require(json["relations"] as? [[String: Any]], "\(run.summary)")
        let names = entities.compactMap { $0["name"] as? String }
        #expect(names.contains("Antony Blinken"), "\(names)")
        #expect(names.contains("Xi Jinping"), "\(names)")
        #expect(relations.contains { ($0["type"] as? String) == "met_with" }, "\(run.summary)")
        let evidence = relations.flatMap { ($0["evidence"] as? [[String: Any]]) ?? [] }
        #expect(evidence.allSatisfy { ($0["document"] as? String) == "blinken-xi" }, "\(run.summary)")
        #expect(!run.stdout.contains("rationale"), "rationale leaked into JSON: \(run.summary)")
    }

    @Test("build, then neighbors blinken lists Xi Jinping with met_with")
    func buildThenNeighbors() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store], in: folder)
        #expect(build.status == 0, "\(build.summary)")
        #expect(FileManager.default.fileExists(atPath: store))
        let neighbors = try CLI.run(["neighbors", "blinken", "--store", store], in: folder)
        #expect(neighbors.status == 0, "\(neighbors.summary)")
        let xiLine = neighbors.stdout.split(separator: "\n").first { $0.contains("Xi Jinping") }
        #expect(xiLine?.contains("met_with") == true, "\(neighbors.summary)")
        #expect(neighbors.stdout.hasPrefix("Antony Blinken"), "\(neighbors.summary)")
    }

    @Test("neighbors of an unknown name exits non-zero with one 'newsgraph: error:' line")
    func unknownNeighbor() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        let run = try CLI.run(["neighbors", "nobody here", "--store", store], in: folder)
        #expect(run.status != 0, "\(run.summary)")
        #expect(run.stderrLines.count == 1, "\(run.summary)")
        #expect(run.stderr.hasPrefix("newsgraph: error:"), "\(run.summary)")
        #expect(run.stderr.contains("nobody here"), "\(run.summary)")
        #expect(run.stdout.isEmpty, "\(run.summary)")
    }

    @Test("extract on a missing file exits 1 with one stderr line and no stack trace")
    func extractMissingFile() throws {
        let folder = try TemporaryFolder()
        let missing = folder.file("missing-article.txt")
        let run = try CLI.run(["extract", missing], in: folder)
        #expect(run.status == 1, "\(run.summary)")
        #expect(run.stderrLines.count == 1, "\(run.summary)")
        #expect(run.stderr.hasPrefix("newsgraph: error:"), "\(run.summary)")
        #expect(run.stderr.contains(missing), "\(run.summary)")
        #expect(!CLI.looksLikeACrash(run.stderr), "\(run.summary)")
        #expect(run.stdout.isEmpty, "\(run.summary)")
    }

    @Test("build into a text file that is not a database fails with one line and leaves the file unchanged")
    func buildIntoTextFile() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let notes = "My notes about the talks.\nDo not overwrite this file.\n"
        let store = try folder.write("notes.txt", notes)
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let run = try CLI.run(["build", article, "--store", store], in: folder)
        #expect(run.status != 0, "\(run.summary)")
        #expect(run.stderrLines.count == 1, "\(run.summary)")
        #expect(run.stderr.hasPrefix("newsgraph: error:"), "\(run.summary)")
        #expect(run.stderr.contains(store), "\(run.summary)")
        #expect(!CLI.looksLikeACrash(run.stderr), "\(run.summary)")
        let after = try Data(contentsOf: URL(fileURLWithPath: store))
        #expect(after == before, "the text file was changed to: \(String(decoding: after, as: UTF8.self).debugDescription)")
    }

    @Test("export --output x.svg writes an SVG with the entity names")
    func exportSVG() throws {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        let svgPath = folder.file("x.svg")
        let run = try CLI.run(["export", "--store", store, "--output", svgPath], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        let svg = String(decoding: try Data(contentsOf: URL(fileURLWithPath: svgPath)), as: UTF8.self)
        #expect(svg.contains("<svg"), "\(svg.prefix(300))")
        #expect(svg.contains("Antony Blinken"), "\(svg.prefix(3000))")
        #expect(svg.contains("Xi Jinping"), "\(svg.prefix(3000))")
        #expect(svg.contains("</svg>"))
    }
}
