import Foundation
import NewsGraph
import Testing

#if canImport(Glibc)
import Glibc
#endif

private let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

/// Runs commands as a user who cannot write the folder: `nobody` when the tests run as root
/// (root writes anywhere), else the user running the tests, with the folder made read-only.
private var canRunAsReader: Bool { getuid() != 0 || setpriv != nil }

private func readerLauncher() -> [String] {
    guard getuid() == 0, let setpriv else { return [] }
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
}

/// python3 with its sqlite3 module, which can hold a store's write lock from another process.
private let python: String? = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import sqlite3"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? "/usr/bin/env" : nil
}()

@Suite("Read-only commands on stores they cannot or should not write", .serialized)
struct ReadOnlyStoreCommandTests {
    /// The read-only commands, each with a text its output must hold.
    private func readingCommands(_ store: String) -> [(arguments: [String], expected: String)] {
        [
            (["stats", "--store", store], "articles   1"),
            (["export", "--store", store, "--format", "json"], "Antony Blinken"),
            (["neighbors", "blinken", "--store", store], "Xi Jinping"),
            (["path", "blinken", "xi jinping", "--store", store], "met_with"),
            (["entities", "--store", store], "Antony Blinken"),
            (["corrections", "--store", store], "corrections"),
            (["timeline", "blinken", "xi jinping", "--store", store], "Xi Jinping"),
        ]
    }

    private func builtStore() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        return (folder, store)
    }

    @Test("Every read-only command works on a store in a folder its user cannot write", .enabled(if: canRunAsReader))
    func readOnlyFolder() throws {
        let (folder, store) = try builtStore()
        try #require(chmod(folder.path, 0o555) == 0)
        defer { chmod(folder.path, 0o755) }
        for (arguments, expected) in readingCommands(store) {
            let run = try CLI.run(arguments, in: folder, launcher: readerLauncher())
            #expect(run.status == 0, "\(arguments): \(run.summary)")
            #expect(run.stdout.contains(expected), "\(arguments): \(run.summary)")
        }
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("graph.sqlite") }
        #expect(beside == ["graph.sqlite"])
    }

    @Test("A store whose writer is still at work is read, write-ahead log included, from a folder its user cannot write",
          .enabled(if: canRunAsReader))
    func readOnlyFolderWithLiveWriter() throws {
        let (folder, store) = try builtStore()
        let writer = try GraphStore(path: store, create: false)
        try writer.rename("Xi Jinping", to: "President Xi Jinping")
        try #require(FileManager.default.fileExists(atPath: store + "-wal"))
        try #require(chmod(folder.path, 0o555) == 0)
        defer { chmod(folder.path, 0o755) }
        try withExtendedLifetime(writer) {
            let run = try CLI.run(["entities", "--store", store], in: folder, launcher: readerLauncher())
            #expect(run.status == 0, "\(run.summary)")
            #expect(run.stdout.contains("President Xi Jinping"), "\(run.summary)")
            let corrections = try CLI.run(["corrections", "--store", store], in: folder, launcher: readerLauncher())
            #expect(corrections.status == 0 && corrections.stdout.contains("rename"), "\(corrections.summary)")
        }
    }

    @Test("Read-only commands do not wait while another process holds the store's write lock", .enabled(if: python != nil))
    func noWaitBehindWriter() throws {
        let (folder, store) = try builtStore()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: try #require(python))
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None)
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO corrections (action, detail, made) VALUES ('rename', 'uncommitted', 'now')")
            print("locked", flush=True)
            sys.stdin.read()
            """, store]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        let said = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        try #require(said.hasPrefix("locked"), "the holder said \(said.debugDescription)")
        for (arguments, expected) in readingCommands(store) {
            let started = Date()
            let run = try CLI.run(arguments, in: folder)
            #expect(Date().timeIntervalSince(started) < 10, "\(arguments) waited for the writer")
            #expect(run.status == 0, "\(arguments): \(run.summary)")
            #expect(run.stdout.contains(expected), "\(arguments): \(run.summary)")
            #expect(!run.stdout.contains("uncommitted"), "\(arguments): \(run.summary)")
        }
    }
}
