import Foundation
import NewsGraph
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A store with Antony Blinken, Xi Jinping and China, and its folder.
private func builtStore() throws -> (TemporaryFolder, String) {
    let folder = try TemporaryFolder()
    let article = try folder.write("blinken-xi.txt", CLI.article)
    let store = folder.file("graph.sqlite")
    let build = try CLI.run(["build", article, "--store", store, "--quiet"], in: folder)
    try #require(build.status == 0, "\(build.summary)")
    return (folder, store)
}

@Suite("Small things a careless user runs into", .serialized)
struct SmallFailureTests {
    @Test("extract of a folder skips a subfolder named like an article, as build does")
    func folderNamedLikeAnArticle() throws {
        let folder = try TemporaryFolder()
        try folder.write("news/talks.txt", CLI.article)
        try folder.write("news/2024.txt/inside.txt", "Senator John Smith criticized Senator Mary Chen over the budget.\n")
        let run = try CLI.run(["extract", "news"], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stdout.contains("Antony Blinken") && run.stdout.contains("Mary Chen"), "\(run.summary)")
    }

    @Test("rename to another entity's exact name is refused, pointing to merge; nothing changes")
    func renameToAnotherEntitysName() throws {
        let (folder, store) = try builtStore()
        let before = try CLI.run(["entities", "--store", store], in: folder)
        for newName in ["Xi Jinping", "xi jinping", " Xi Jinping "] {
            let run = try CLI.run(["rename", "blinken", newName, "--store", store], in: folder)
            #expect(run.status == 1, "\(newName): \(run.summary)")
            #expect(run.stderrLines.count == 1 && run.stderr.contains("Xi Jinping") && run.stderr.contains("merge"), "\(run.summary)")
        }
        #expect(try CLI.run(["entities", "--store", store], in: folder).stdout == before.stdout)
        #expect(try CLI.run(["corrections", "--store", store], in: folder).stdout == "no corrections\n")
        // Its own name in other letters is no one else's.
        let own = try CLI.run(["rename", "xi jinping", "XI JINPING", "--store", store], in: folder)
        #expect(own.status == 0, "\(own.summary)")
    }

    @Test("A negative --depth, --max-length or --min-weight says what is allowed, not 'Missing value'")
    func negativeNumbers() throws {
        let (folder, store) = try builtStore()
        let runs = [
            (["neighbors", "blinken", "--depth", "-1", "--store", store], "--depth"),
            (["path", "blinken", "xi jinping", "--max-length", "-1", "--store", store], "--max-length"),
            (["export", "--min-weight", "-1", "--store", store], "--min-weight"),
        ]
        for (arguments, option) in runs {
            let run = try CLI.run(arguments, in: folder)
            #expect(run.status != 0, "\(arguments): \(run.summary)")
            #expect(!run.stderr.contains("Missing value"), "\(arguments): \(run.summary)")
            #expect(run.stderr.contains("\(option) must be"), "\(arguments): \(run.summary)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run.summary)")
        }
    }

    @Test("An unknown --relation or --type is one clear error line and exit 1, not an empty answer")
    func unknownRelationOrType() throws {
        let (folder, store) = try builtStore()
        let runs: [([String], String)] = [
            (["neighbors", "blinken", "--relation", "met-with", "--store", store], "met-with"),
            (["path", "blinken", "xi jinping", "--relation", "meets", "--store", store], "meets"),
            (["timeline", "blinken", "xi jinping", "--relation", "meets", "--store", store], "meets"),
            (["export", "--relation", "sanctions", "--store", store], "sanctions"),
            (["neighbors", "blinken", "--type", "persn", "--store", store], "persn"),
            (["entities", "--type", "people", "--store", store], "people"),
            (["export", "--type", "nation", "--store", store], "nation"),
        ]
        for (arguments, value) in runs {
            let run = try CLI.run(arguments, in: folder)
            #expect(run.status == 1, "\(arguments): \(run.summary)")
            #expect(run.stderrLines.count == 1, "\(arguments): \(run.summary)")
            #expect(run.stderr.hasPrefix("newsgraph: error: unknown") && run.stderr.contains("'\(value)'"), "\(arguments): \(run.summary)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run.summary)")
        }
        // A relation type the store holds, built in or not, is known.
        let known = try CLI.run(["neighbors", "blinken", "--relation", "met_with", "--relation", "sanctioned", "--store", store], in: folder)
        #expect(known.status == 0 && known.stdout.contains("Xi Jinping"), "\(known.summary)")
    }

    @Test("An unknown name of 120,000 characters gets its answer at once, and is not echoed back whole")
    func hugeUnknownName() throws {
        let (folder, store) = try builtStore()
        // Under Linux's limit of 128 KiB for one argument.
        let name = String(repeating: "Blinkenx ", count: 13_000) + "Jinping"
        for arguments in [["neighbors", name], ["path", name, "blinken"], ["merge", name, "blinken"], ["entities", name]] {
            let started = Date()
            let run = try CLI.run(arguments + ["--store", store], in: folder)
            #expect(Date().timeIntervalSince(started) < 5, "\(arguments.first!) took \(Date().timeIntervalSince(started)) s")
            #expect(run.status == 1, "\(arguments.first!): exit \(run.status)")
            #expect(run.stderrLines.count == 1 && run.stderr.utf8.count < 400, "\(arguments.first!): \(run.stderr.prefix(500))")
            #expect(run.stderr.contains("Blinkenx Blinkenx"), "\(arguments.first!): \(run.stderr.prefix(500))")
        }
    }
}

/// A C function of the C library, looked up by name: Swift's Glibc module leaves out the
/// pseudo-terminal functions, which need _XOPEN_SOURCE.
private func libcFunction<Function>(_ name: String, as type: Function.Type) throws -> Function {
    let symbol = try #require(dlsym(dlopen(nil, RTLD_NOW), name), "no \(name) in the C library")
    return unsafeBitCast(symbol, to: type)
}

/// A pseudo-terminal: the controlling side, and the path of the terminal side.
private func openTerminal() throws -> (controller: Int32, terminal: String) {
    typealias Call = @convention(c) (Int32) -> Int32
    let openController = try libcFunction("posix_openpt", as: Call.self)
    let grant = try libcFunction("grantpt", as: Call.self)
    let unlock = try libcFunction("unlockpt", as: Call.self)
    let name = try libcFunction("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    let controller = openController(O_RDWR | O_NOCTTY)
    try #require(controller >= 0 && grant(controller) == 0 && unlock(controller) == 0)
    return (controller, String(cString: try #require(name(controller))))
}

/// Reads what the terminal side printed until `done` says so, or `seconds` pass.
private func readTerminal(_ controller: Int32, seconds: Double, until done: (String) -> Bool) -> String {
    var text: [UInt8] = []
    let deadline = Date().addingTimeInterval(seconds)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while Date() < deadline && !done(String(decoding: text, as: UTF8.self)) {
        var request = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 100) > 0 else { continue }
        let count = read(controller, &buffer, buffer.count)
        if count <= 0 { break }
        text += buffer.prefix(count)
    }
    return String(decoding: text, as: UTF8.self)
}

/// Starts `arguments` with a signal mask of its own (Foundation's `Process` passes on the
/// spawning thread's, which blocks SIGINT under the test runner) and SIGINT as usual; standard
/// input, output and error are the descriptors given.
private func spawn(_ arguments: [String], input: Int32, output: Int32, error: Int32) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &interrupt)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, input, 0)
    posix_spawn_file_actions_adddup2(&actions, output, 1)
    posix_spawn_file_actions_adddup2(&actions, error, 2)
    var argv = arguments.map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, environ)
    try #require(result == 0, "posix_spawn: \(String(cString: strerror(result)))")
    return pid
}

@Suite("Interrupting a build on a terminal", .serialized)
struct InterruptedBuildTests {
    @Test("SIGINT ends the progress line with a line break, and the build ends as interrupted")
    func interruptLeavesNewline() throws {
        let folder = try TemporaryFolder()
        let (controller, terminalPath) = try openTerminal()
        defer { close(controller) }
        let terminal = open(terminalPath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        let null = open("/dev/null", O_WRONLY | O_CLOEXEC)
        var input: [Int32] = [0, 0]
        try #require(terminal >= 0 && null >= 0 && pipe(&input) == 0)
        // The child gets these as 0, 1 and 2 only.
        for descriptor in input { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let pid = try spawn([try #require(CLI.binary), "build", "-", "--store", folder.file("graph.sqlite")],
                            input: input[0], output: null, error: terminal)
        close(terminal)
        close(null)
        close(input[0])
        var ended = false
        defer {
            close(input[1])
            if !ended {
                kill(pid, SIGKILL)
                waitpid(pid, nil, 0)
            }
        }
        // Over the 64 KB read to tell JSON Lines from text: batches are stored and shown, and the
        // build then waits for more input.
        let lines = (0..<1000).map { #"{"id": "a\#($0)", "text": "Senator John Smith criticized Senator Mary Chen in round \#($0)."}"# }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        try #require(bytes.withUnsafeBytes { write(input[1], $0.baseAddress, $0.count) } == bytes.count)
        let shown = readTerminal(controller, seconds: 60) { $0.contains("stored") }
        try #require(shown.contains("stored"), "no progress line: \(shown.debugDescription)")
        kill(pid, SIGINT)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        ended = true
        let output = shown + readTerminal(controller, seconds: 1) { _ in false }
        // Ended by the signal (not an exit status), as an interrupted program should be.
        #expect(status & 0x7F == SIGINT, "wait status \(status)")
        // The terminal shows a line break as "\r\n", one Character: compare bytes.
        #expect(output.utf8.last == UInt8(ascii: "\n"), "the terminal was left at \(output.suffix(80).debugDescription)")
    }
}
