import Foundation
import NewsGraph
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A store with one article in it, and the article, for commands that print.
private struct Fixture {
    let folder: TemporaryFolder
    let article: String
    let store: String

    /// The store is built once (a debug build of the extractor takes seconds) and copied.
    private static let template: Result<(TemporaryFolder, String), any Error> = Result {
        let folder = try TemporaryFolder()
        let article = try folder.write("blinken-xi.txt", CLI.article)
        let store = folder.file("graph.sqlite")
        let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
        try #require(build.status == 0, "\(build.summary)")
        return (folder, store)
    }

    init() throws {
        let (templateFolder, templateStore) = try Fixture.template.get()
        folder = try TemporaryFolder()
        article = try folder.write("blinken-xi.txt", CLI.article)
        store = folder.file("graph.sqlite")
        try FileManager.default.copyItem(atPath: templateStore, toPath: store)
        _ = templateFolder
    }

    /// Every command that prints to standard output, as a user would run it.
    var printingCommands: [[String]] {
        [
            ["extract", article],
            ["extract", "--format", "text", article],
            ["extract", "--format", "dot", article],
            ["export", "--store", store],
            ["export", "--store", store, "--format", "json"],
            ["export", "--store", store, "--format", "svg"],
            ["neighbors", "blinken", "--store", store],
            ["neighbors", "blinken", "--store", store, "--format", "json"],
            ["path", "blinken", "xi jinping", "--store", store],
            ["path", "blinken", "xi jinping", "--store", store, "--format", "json"],
            ["timeline", "blinken", "xi jinping", "--store", store],
            ["entities", "--store", store],
            ["stats", "--store", store],
            ["corrections", "--store", store],
            ["--help"],
        ]
    }
}

/// A device number as glibc's `makedev` makes it (a macro Swift does not import).
private func deviceNumber(_ major: UInt64, _ minor: UInt64) -> dev_t {
    dev_t((major & 0xFFF) << 8 | (major & ~0xFFF) << 32 | (minor & 0xFF) | (minor & ~0xFF) << 12)
}

/// A pipe whose reading end is already closed: every write to it fails with EPIPE.
private func pipeWithoutReader() throws -> FileHandle {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    return pipe.fileHandleForWriting
}

@Suite("Output that cannot be written: a full disk, a closed pipe", .serialized)
struct OutputFailureTests {
    @Test("Every printing command to /dev/full exits 1 with one 'cannot write' line, never a crash or exit 0")
    func fullDisk() throws {
        let fixture = try Fixture()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for command in fixture.printingCommands {
            let run = try CLI.run(command, in: fixture.folder, standardOutput: full)
            #expect(!run.signaled && run.status == 1, "\(command): \(run.summary)")
            #expect(run.stderr == "newsgraph: error: cannot write standard output: No space left on device\n",
                    "\(command): \(run.summary)")
            #expect(!CLI.looksLikeACrash(run.stderr), "\(command): \(run.summary)")
        }
    }

    @Test("build's summary to /dev/full: exit 1 and one line; the articles are stored all the same")
    func buildSummaryToFullDisk() throws {
        let fixture = try Fixture()
        let other = try fixture.folder.write("other.txt", "Senator John Smith criticized Senator Mary Chen over the budget.\n")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try CLI.run(["build", other, "--store", fixture.store], in: fixture.folder, standardOutput: full)
        #expect(!run.signaled && run.status == 1, "\(run.summary)")
        #expect(run.stderrLines == ["newsgraph: error: cannot write standard output: No space left on device"], "\(run.summary)")
        let stats = try CLI.run(["stats", "--store", fixture.store], in: fixture.folder)
        #expect(stats.stdout.hasPrefix("articles   2\n"), "\(stats.summary)")
    }

    @Test("A closed pipe with SIGPIPE ignored: exit 1 and one 'Broken pipe' line")
    func closedPipeWithSIGPIPEIgnored() throws {
        let fixture = try Fixture()
        for command in fixture.printingCommands {
            let run = try CLI.run(command, in: fixture.folder, standardOutput: try pipeWithoutReader(), shell: "trap '' PIPE")
            #expect(!run.signaled && run.status == 1, "\(command): \(run.summary)")
            #expect(run.stderr == "newsgraph: error: cannot write standard output: Broken pipe\n", "\(command): \(run.summary)")
        }
    }

    @Test("A closed pipe with SIGPIPE as usual: the signal ends the command quietly")
    func closedPipe() throws {
        let fixture = try Fixture()
        for command in [["export", "--store", fixture.store], ["stats", "--store", fixture.store], ["extract", fixture.article]] {
            // The test process may ignore SIGPIPE (swift-nio, which the shared store's tests load,
            // ignores it), and a child inherits that: env gives the command the default, as a shell does.
            let run = try CLI.run(command, in: fixture.folder, standardOutput: try pipeWithoutReader(),
                                  launcher: ["/usr/bin/env", "--default-signal=PIPE"])
            #expect(run.signaled && run.status == SIGPIPE, "\(command): \(run.summary)")
            #expect(run.stderr.isEmpty, "\(command): \(run.summary)")
        }
    }

    @Test("An error when standard error itself cannot be written: exit 1, no crash")
    func errorToFullDisk() throws {
        let folder = try TemporaryFolder()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try CLI.run(["extract", folder.file("missing.txt")], in: folder, standardError: full)
        #expect(!run.signaled && run.status == 1, "\(run.summary)")
    }
}

@Suite("--output replaces only what it should, and only whole", .serialized)
struct OutputFileTests {
    /// Runs `body` while this process keeps the store open: its write-ahead log index (the -shm
    /// file) is then full-sized already, so a command under a small file size limit can read it.
    private func withStoreHeldOpen<T>(_ store: String, _ body: () throws -> T) throws -> T {
        let holder = try GraphStore(path: store, create: false)
        _ = try holder.statistics()
        return try withExtendedLifetime(holder) { try body() }
    }

    private func status(_ path: String) -> stat? {
        var result = stat()
        return lstat(path, &result) == 0 ? result : nil
    }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Names in the folder besides the ones given: left-over temporary files.
    private func strays(in folder: String, besides expected: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { !expected.contains($0) && !$0.hasPrefix(".std") }
    }

    @Test("A symbolic link is followed: the link stays and its target gets the export")
    func symbolicLink() throws {
        let fixture = try Fixture()
        let folder = fixture.folder
        try FileManager.default.createDirectory(atPath: folder.file("real"), withIntermediateDirectories: true)
        let target = try folder.write("real/graph.json", "old\n")
        try FileManager.default.createSymbolicLink(atPath: folder.file("link.json"), withDestinationPath: "real/graph.json")
        let run = try CLI.run(["export", "--store", fixture.store, "--output", "link.json"], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("link.json")) == "real/graph.json")
        #expect(contents(target)?.contains("Antony Blinken") == true, "\(contents(target) ?? "nil")")
        #expect(try strays(in: folder.file("real"), besides: ["graph.json"]).isEmpty)
    }

    @Test("A link to a file not yet there creates the file it names")
    func danglingLink() throws {
        let fixture = try Fixture()
        try FileManager.default.createSymbolicLink(atPath: fixture.folder.file("link.dot"), withDestinationPath: "made.dot")
        let run = try CLI.run(["export", "--store", fixture.store, "--output", "link.dot"], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(status(fixture.folder.file("link.dot")).map { $0.st_mode & S_IFMT == S_IFLNK } == true)
        #expect(contents(fixture.folder.file("made.dot"))?.hasPrefix("digraph") == true)
    }

    @Test("A named pipe is written through, not replaced")
    func namedPipe() throws {
        let fixture = try Fixture()
        let fifo = fixture.folder.file("graph.fifo")
        try #require(mkfifo(fifo, 0o644) == 0)
        // Opened for reading first, without blocking, so the export's open finds a reader.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        try #require(reader >= 0)
        defer { close(reader) }
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "dot", "--output", fifo], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(status(fifo).map { $0.st_mode & S_IFMT == S_IFIFO } == true, "the pipe was replaced")
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = read(reader, &buffer, buffer.count)
        #expect(count > 0 && String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("digraph"))
    }

    @Test("A character device made with mknod is written through and stays a device", .enabled(if: getuid() == 0))
    func characterDevice() throws {
        let fixture = try Fixture()
        let node = fixture.folder.file("null-copy")
        // 1,3 is the null device: what is written is discarded.
        try #require(mknod(node, S_IFCHR | 0o666, deviceNumber(1, 3)) == 0)
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "json", "--output", node], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(status(node).map { $0.st_mode & S_IFMT == S_IFCHR && $0.st_rdev == deviceNumber(1, 3) } == true, "the device was replaced")
    }

    @Test("A block device is refused with one line and left alone", .enabled(if: getuid() == 0))
    func blockDevice() throws {
        let fixture = try Fixture()
        let node = fixture.folder.file("disk.json")
        // A major number reserved for local use: no driver behind it.
        try #require(mknod(node, S_IFBLK | 0o600, deviceNumber(240, 0)) == 0)
        let run = try CLI.run(["export", "--store", fixture.store, "--output", node], in: fixture.folder)
        #expect(run.status == 1, "\(run.summary)")
        #expect(run.stderrLines.count == 1 && run.stderr.hasPrefix("newsgraph: error: cannot write \(node): "), "\(run.summary)")
        #expect(status(node).map { $0.st_mode & S_IFMT == S_IFBLK } == true, "the device was replaced")
    }

    @Test("--output naming a folder is refused with one line")
    func folderAsFile() throws {
        let fixture = try Fixture()
        try FileManager.default.createDirectory(atPath: fixture.folder.file("out.json"), withIntermediateDirectories: true)
        let run = try CLI.run(["export", "--store", fixture.store, "--output", "out.json"], in: fixture.folder)
        #expect(run.status == 1, "\(run.summary)")
        #expect(run.stderr == "newsgraph: error: cannot write out.json: it is a folder\n", "\(run.summary)")
    }

    @Test("An export cut short by a file size limit leaves the old file whole and no temporary file")
    func failedExportKeepsOldFile() throws {
        let fixture = try Fixture()
        let old = String(repeating: "the previous export\n", count: 10)
        let output = try fixture.folder.write("graph.json", old)
        // 1 block of 512 or 1,024 bytes: the JSON export is larger.
        let run = try withStoreHeldOpen(fixture.store) {
            try CLI.run(["export", "--store", fixture.store, "--output", output], in: fixture.folder, shell: "ulimit -f 1; trap '' XFSZ")
        }
        #expect(!run.signaled && run.status == 1, "\(run.summary)")
        #expect(run.stderr == "newsgraph: error: cannot write \(output): File too large\n", "\(run.summary)")
        #expect(contents(output) == old)
        #expect(try strays(in: fixture.folder.path, besides: ["graph.json", "graph.sqlite", "blinken-xi.txt"]).isEmpty)
    }

    @Test("A replaced file keeps its permissions")
    func permissionsKept() throws {
        let fixture = try Fixture()
        let output = try fixture.folder.write("graph.dot", "old\n")
        try #require(chmod(output, 0o640) == 0)
        let run = try CLI.run(["export", "--store", fixture.store, "--output", output], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(status(output).map { $0.st_mode & 0o777 } == 0o640)
        #expect(contents(output)?.hasPrefix("digraph") == true)
    }

    @Test("A Neo4j CSV export into a new folder writes both files")
    func csvIntoNewFolder() throws {
        let fixture = try Fixture()
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "csv", "--output", "neo4j/import"], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(contents(fixture.folder.file("neo4j/import/nodes.csv"))?.hasPrefix("id:ID,") == true)
        #expect(contents(fixture.folder.file("neo4j/import/relationships.csv"))?.hasPrefix(":START_ID,") == true)
        #expect(try strays(in: fixture.folder.file("neo4j"), besides: ["import"]).isEmpty)
    }

    @Test("A Neo4j CSV export that cannot write one file changes neither")
    func csvAllOrNothing() throws {
        let fixture = try Fixture()
        let nodes = try fixture.folder.write("neo4j/nodes.csv", "old nodes\n")
        // relationships.csv cannot be written: a folder holds its name.
        try FileManager.default.createDirectory(atPath: fixture.folder.file("neo4j/relationships.csv"), withIntermediateDirectories: true)
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "csv", "--output", "neo4j"], in: fixture.folder)
        #expect(run.status == 1, "\(run.summary)")
        #expect(run.stderrLines.count == 1 && run.stderr.contains("relationships.csv"), "\(run.summary)")
        #expect(contents(nodes) == "old nodes\n")
        #expect(try strays(in: fixture.folder.file("neo4j"), besides: ["nodes.csv", "relationships.csv"]).isEmpty)
    }

    @Test("A Neo4j CSV export cut short by a file size limit leaves both old files")
    func csvCutShort() throws {
        let fixture = try Fixture()
        let nodes = try fixture.folder.write("neo4j/nodes.csv", "old nodes\n")
        let relationships = try fixture.folder.write("neo4j/relationships.csv", "old relationships\n")
        // One edge whose sentence is long: relationships.csv is over the limit, nodes.csv is not.
        let reasons = (0..<150).map { "reason \($0)" }.joined(separator: ", ")
        let text = "Senator John Smith criticized Senator Mary Chen over the budget for \(reasons).\n"
        let more = try fixture.folder.write("more.txt", text)
        try #require(try CLI.run(["build", more, "--store", fixture.store, "--quiet"], in: fixture.folder).status == 0)
        let run = try withStoreHeldOpen(fixture.store) {
            try CLI.run(["export", "--store", fixture.store, "--format", "csv", "--output", "neo4j"], in: fixture.folder,
                        shell: "ulimit -f 2; trap '' XFSZ")
        }
        #expect(!run.signaled && run.status == 1, "\(run.summary)")
        #expect(run.stderrLines.count == 1 && run.stderr.contains("relationships.csv"), "\(run.summary)")
        #expect(contents(nodes) == "old nodes\n")
        #expect(contents(relationships) == "old relationships\n")
        #expect(try strays(in: fixture.folder.file("neo4j"), besides: ["nodes.csv", "relationships.csv"]).isEmpty)
    }

    @Test("--output /dev/stdout writes to standard output")
    func standardOutputPath() throws {
        let fixture = try Fixture()
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "dot", "--output", "/dev/stdout"], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.hasPrefix("digraph"), "\(run.summary)")
    }

    @Test("--output /dev/null leaves the system's null device in place")
    func nullDevice() throws {
        let fixture = try Fixture()
        let before = try #require(status("/dev/null"))
        let run = try CLI.run(["export", "--store", fixture.store, "--format", "json", "--output", "/dev/null"], in: fixture.folder)
        #expect(run.status == 0, "\(run.summary)")
        let after = try #require(status("/dev/null"))
        #expect(after.st_mode & S_IFMT == S_IFCHR && after.st_ino == before.st_ino && after.st_rdev == before.st_rdev)
    }
}
