import Foundation
import NewsGraph
import Testing

/// Folders of small, distinct articles that all state the same few edges.
enum Corpus {
    static func article(_ number: Int) -> String {
        """
        Round \(number) of talks in Geneva
        Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Geneva for round \(number) of the talks.
        The Treasury Department sanctioned the Iranian firm Kavir Trading Company, officials said after round \(number).
        China's Foreign Ministry criticized the United States after the meeting, the ministry said in a statement numbered \(number).

        """
    }

    static func write(_ count: Int, startingAt first: Int = 0, into folder: TemporaryFolder, subfolder: String) throws {
        for number in first..<(first + count) {
            try folder.write("\(subfolder)/round-\(number).txt", article(number))
        }
    }

    /// Each document's evidence in a store: what "the whole article" means for the kill test.
    static func evidenceByDocument(_ path: String) throws -> [String: Set<String>] {
        let graph = try GraphStore(path: path, create: false).graph()
        var result: [String: Set<String>] = [:]
        for relation in graph.relations {
            for evidence in relation.evidence {
                result[evidence.document, default: []].insert("\(relation.source) \(relation.type) \(relation.target) @\(evidence.start)")
            }
        }
        return result
    }
}

/// Starts the built binary without waiting for it.
func launch(_ arguments: [String], in folder: TemporaryFolder) throws -> Process {
    let binary = try #require(CLI.binary, "no built newsgraph binary found; build with swift build --build-tests")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    process.currentDirectoryURL = folder.url
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite("The store holds up: kill -9, concurrent builds", .serialized)
struct StoreDurabilityTests {
    @Test("A build killed with SIGKILL leaves only whole articles, and the next build adds the rest")
    func killedBuild() throws {
        let folder = try TemporaryFolder()
        let count = 400
        try Corpus.write(count, into: folder, subfolder: "articles")
        let killedStore = folder.file("killed.sqlite")
        let build = try launch(["build", "articles", "--store", killedStore, "--quiet"], in: folder)

        // Wait until some articles are in, then kill the build in the middle of its work.
        var stored = 0
        let deadline = Date().addingTimeInterval(120)
        while build.isRunning && Date() < deadline {
            if FileManager.default.fileExists(atPath: killedStore),
                let store = try? GraphStore(path: killedStore, create: false),
                let statistics = try? store.statistics()
            {
                stored = statistics.articles
                if stored >= 20 { break }
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let wasRunning = build.isRunning
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        try #require(wasRunning, "the build finished before it could be killed; make the corpus larger")
        #expect(build.terminationReason == .uncaughtSignal)

        // A complete build of the same articles, for comparison.
        let completeStore = folder.file("complete.sqlite")
        let complete = try CLI.run(["build", "articles", "--store", completeStore, "--quiet"], in: folder)
        try #require(complete.status == 0, "\(complete.summary)")
        let expected = try Corpus.evidenceByDocument(completeStore)
        #expect(expected.count == count)

        // The killed store opens, and every article in it is there with all of its evidence.
        let afterKill = try GraphStore(path: killedStore, create: false).statistics()
        #expect(afterKill.articles >= stored)
        #expect(afterKill.articles < count)
        for (document, evidence) in try Corpus.evidenceByDocument(killedStore) {
            #expect(evidence == expected[document], "article \(document) is partial")
        }

        // The next build picks up the rest and ends with the same graph as the complete build.
        let resumed = try CLI.run(["build", "articles", "--store", killedStore], in: folder)
        #expect(resumed.status == 0, "\(resumed.summary)")
        #expect(resumed.stdout.contains("already there"), "\(resumed.summary)")
        #expect(try Corpus.evidenceByDocument(killedStore) == expected)
        let final = try GraphStore(path: killedStore, create: false).statistics()
        let reference = try GraphStore(path: completeStore, create: false).statistics()
        #expect(final == reference)
    }

    @Test("Two builds into one store at once both succeed and lose nothing")
    func concurrentBuilds() throws {
        let folder = try TemporaryFolder()
        try Corpus.write(150, into: folder, subfolder: "first")
        try Corpus.write(150, startingAt: 1000, into: folder, subfolder: "second")
        let store = folder.file("shared.sqlite")
        let one = try launch(["build", "first", "--store", store, "--quiet"], in: folder)
        let two = try launch(["build", "second", "--store", store, "--quiet"], in: folder)
        one.waitUntilExit()
        two.waitUntilExit()
        #expect(one.terminationStatus == 0)
        #expect(two.terminationStatus == 0)
        let statistics = try GraphStore(path: store, create: false).statistics()
        #expect(statistics.articles == 300)
        let evidence = try Corpus.evidenceByDocument(store)
        #expect(evidence.count == 300)
        // Same entities whichever build stored them first: one Blinken, one Treasury.
        let people = try GraphStore(path: store, create: false).entities(types: [.person]).map(\.name)
        #expect(people.filter { $0.contains("Blinken") } == ["Antony Blinken"])
    }

    @Test("Killed with SIGKILL at ten random moments: only whole batches are lost, and the next build gives the clean build's graph")
    func killedAtRandomMoments() throws {
        let folder = try TemporaryFolder()
        let count = 300
        try Corpus.write(count, into: folder, subfolder: "articles")
        let order = try Article.files(in: [folder.file("articles")]).map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }

        let cleanStore = folder.file("clean.sqlite")
        let started = Date()
        let clean = try CLI.run(["build", "articles", "--store", cleanStore, "--quiet"], in: folder)
        try #require(clean.status == 0, "\(clean.summary)")
        let duration = Date().timeIntervalSince(started)
        let expected = try GraphStore(path: cleanStore, create: false).graph()
        let expectedEvidence = try Corpus.evidenceByDocument(cleanStore)

        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var random = SeededRandom(seed: seed)
        for round in 0..<10 {
            let store = folder.file("killed-\(round).sqlite")
            let build = try launch(["build", "articles", "--store", store, "--quiet"], in: folder)
            // Anywhere from before the store exists to near the end of the build.
            Thread.sleep(forTimeInterval: duration * Double.random(in: 0...0.9, using: &random))
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let context = "round \(round), seed \(seed)"

            if FileManager.default.fileExists(atPath: store), let killed = try? GraphStore(path: store, create: false) {
                // What was stored is a run of whole articles from the start of the input: whole batches.
                let stored = try Corpus.evidenceByDocument(store)
                let articles = try killed.statistics().articles
                #expect(Set(stored.keys) == Set(order.prefix(articles)), "\(context): not a run from the start of the input")
                for (document, evidence) in stored {
                    #expect(evidence == expectedEvidence[document], "\(context): article \(document) is partial")
                }
            }
            let resumed = try CLI.run(["build", "articles", "--store", store, "--quiet"], in: folder)
            #expect(resumed.status == 0, "\(context): \(resumed.summary)")
            #expect(try GraphStore(path: store, create: false).graph() == expected, "\(context): the resumed graph differs")
        }
    }

    @Test("Two builds of the same articles into one store at once both succeed and store each article once")
    func concurrentBuildsOfTheSameArticles() throws {
        let folder = try TemporaryFolder()
        try Corpus.write(150, into: folder, subfolder: "articles")
        let store = folder.file("shared.sqlite")
        let one = try launch(["build", "articles", "--store", store, "--quiet"], in: folder)
        let two = try launch(["build", "articles", "--store", store, "--quiet"], in: folder)
        one.waitUntilExit()
        two.waitUntilExit()
        #expect(one.terminationStatus == 0)
        #expect(two.terminationStatus == 0)
        let reference = folder.file("reference.sqlite")
        try #require(try CLI.run(["build", "articles", "--store", reference, "--quiet"], in: folder).status == 0)
        #expect(try GraphStore(path: store, create: false).statistics() == GraphStore(path: reference, create: false).statistics())
        #expect(try Corpus.evidenceByDocument(store) == Corpus.evidenceByDocument(reference))
    }
}

/// A small deterministic generator (SplitMix64), so that a failing round can be replayed from its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
