// NewsGraph benchmarks: `swift run -c release Benchmarks [--quick] [--only extraction|build|ingest|neighbors|render|pathological] [--corpus FOLDER] [--postgres URL]`.
// Reports medians (and p50/p99 for queries); never run as tests. `--only ingest` times the
// `newsgraph` binary itself on real articles (see `IngestBenchmark.swift`); `--only pathological`
// times extraction per MB on inputs built to be slow against real news (`PathologicalBenchmark.swift`).
import Dispatch
import Foundation
import NewsGraph
#if NEWSGRAPH_POSTGRES
import GraphStorePostgres
#endif

let quick = CommandLine.arguments.contains("--quick") || CommandLine.arguments.contains("--profile")
/// `--only extraction|build|neighbors|render` runs one section.
let only: String? = CommandLine.arguments.firstIndex(of: "--only").flatMap { index in
    index + 1 < CommandLine.arguments.count ? CommandLine.arguments[index + 1] : nil
}
func runs(_ section: String) -> Bool { only == nil || only == section }

/// Realistic synthetic wire copy: titled officials of real countries and bodies sanctioning,
/// meeting and criticizing each other, with filler sentences between.
struct ArticleGenerator {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    let countries = ["China", "Russia", "Iran", "North Korea", "Japan", "South Korea", "India", "Pakistan", "Nigeria",
                     "Niger", "Israel", "Jordan", "Saudi Arabia", "Belarus", "Ukraine", "Turkey", "Brazil", "Mexico"]
    let demonyms = ["Chinese", "Russian", "Iranian", "Japanese", "Indian", "Pakistani", "Nigerian", "Israeli", "Turkish", "Brazilian"]
    let given = ["Alan", "Maria", "Ahmed", "Olga", "Kenji", "Priya", "Tunde", "Lucia", "Omar", "Elena", "Wei", "Sergei"]
    let family = ["Novak", "Haddad", "Tanaka", "Okafor", "Silva", "Petrov", "Kaur", "Mensah", "Rossi", "Aziz", "Lindqvist"]
    let bodies = ["State Department", "Treasury Department", "Commerce Department", "European Union", "United Nations Security Council",
                  "Office of Foreign Assets Control", "Pentagon", "NATO", "ECOWAS", "International Monetary Fund"]
    let fillers = [
        "The announcement came after weeks of negotiations over trade and security arrangements in the region.",
        "Officials did not give further details about the timing of the measures or how they would be enforced.",
        "Analysts said the decision reflected growing frustration with the pace of diplomatic progress this year.",
        "Markets reacted calmly to the news, with most regional currencies little changed by the afternoon.",
    ]

    mutating func person() -> String { "\(pick(given)) \(pick(family))" }

    mutating func article() -> String {
        var sentences: [String] = []
        for _ in 0..<(8 + next(8)) {
            switch next(6) {
            case 0: sentences.append("The \(pick(bodies)) imposed sanctions on \(pick(countries))'s \(pick(["Ministry of Defense", "Foreign Ministry", "central bank"])) on Tuesday.")
            case 1: sentences.append("\(pick(demonyms)) Foreign Minister \(person()) met with \(pick(demonyms)) President \(person()) in the capital.")
            case 2: sentences.append("\"This is a grave mistake,\" \(pick(demonyms)) Foreign Ministry spokesperson \(person()) said, condemning \(pick(countries)).")
            case 3: sentences.append("\(pick(countries)) strongly criticized the \(pick(bodies)) for what it called interference.")
            default: sentences.append(pick(fillers))
            }
        }
        return "Officials react to new measures\n\n" + sentences.joined(separator: " ") + "\n"
    }
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let extractor = try GraphExtractor()
var generator = ArticleGenerator(state: 42)
let articleCount = quick ? 400 : 2000
/// `--corpus FOLDER` measures extraction on real articles instead, repeated to about 2 MB.
let corpusFolder: String? = CommandLine.arguments.firstIndex(of: "--corpus").flatMap { index in
    index + 1 < CommandLine.arguments.count ? CommandLine.arguments[index + 1] : nil
}
let articles: [Article]
if let corpusFolder {
    let real = try Article.files(in: [corpusFolder]).map { try Article(contentsOf: $0) }
    let bytes = max(1, real.reduce(0) { $0 + $1.text.count })
    articles = (0..<max(1, (quick ? 500_000 : 2_000_000) / bytes)).flatMap { _ in real }
} else {
    articles = (0..<articleCount).map { index in Article(document: "synthetic-\(index)", text: generator.article()) }
}
let totalBytes = articles.reduce(0) { $0 + $1.text.count }
let megabytes = Double(totalBytes) / 1_048_576
print("corpus: \(articles.count) \(corpusFolder == nil ? "synthetic" : "real") articles, \(String(format: "%.2f", megabytes)) MB")

if CommandLine.arguments.contains("--profile") {
    // One pass over the corpus, for callgrind or perf.
    for article in articles { _ = extractor.graph(of: article) }
    exit(0)
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

let types: [RelationType] = [.sanctioned, .metWith, .criticized, .affiliatedWith]

if runs("extraction") {
    // 0. Loading the lexicons, cues, office holders and model: what every run of the command pays
    // before its first article (the extractor is freed after each timing, outside it).
    var loads: [Double] = []
    for _ in 0..<5 {
        var loaded: GraphExtractor?
        loads.append(try seconds { loaded = try GraphExtractor() })
        withExtendedLifetime(loaded) {}
    }
    print(String(format: "extractor load:       %7.0f ms  (median of 5)", median(loads) * 1000))

    // 1. Extraction, one core.
    var oneCore: [Double] = []
    for _ in 0..<5 {
        oneCore.append(seconds { for article in articles { _ = extractor.graph(of: article) } })
    }
    let oneCoreMedian = median(oneCore)
    if CommandLine.arguments.contains("--split") {
        var recognize: [Double] = []
        for _ in 0..<5 { recognize.append(seconds { for article in articles { _ = extractor.analyze(article) } }) }
        print(String(format: "recognition only:     %7.1f MB/s", megabytes / median(recognize)))
    }
    print(String(format: "extraction, 1 core:   %7.1f MB/s  %8.0f articles/s  (median of 5)", megabytes / oneCoreMedian,
                 Double(articles.count) / oneCoreMedian))

    // 2. Extraction, all cores.
    var allCores: [Double] = []
    for _ in 0..<5 {
        allCores.append(seconds {
            DispatchQueue.concurrentPerform(iterations: articles.count) { index in _ = extractor.graph(of: articles[index]) }
        })
    }
    let allCoresMedian = median(allCores)
    print(String(format: "extraction, %d cores:  %7.1f MB/s  %8.0f articles/s  (median of 5)", ProcessInfo.processInfo.activeProcessorCount,
                 megabytes / allCoresMedian, Double(articles.count) / allCoresMedian))
}

if runs("build") {
    // 3. Build into a store, in process: extraction on all cores, batches of 256 to the store.
    let buildCount = quick ? 1000 : 10_000
    var buildGenerator = ArticleGenerator(state: 7)
    let buildArticles = (0..<buildCount).map { Article(document: "build-\($0)", text: buildGenerator.article()) }
    let store = try GraphStore(path: directory.appendingPathComponent("build.sqlite").path)
    let runner = CorpusRunner(extractor: extractor)
    let buildTime = try seconds {
        for batch in stride(from: 0, to: buildArticles.count, by: 256) {
            let slice = Array(buildArticles[batch..<min(batch + 256, buildArticles.count)])
            try store.add(zip(slice, runner.graphs(of: slice)).map { ArticleGraph($0.1, article: $0.0.record) })
        }
    }
    print(String(format: "build (in process):   %7.0f articles/s  (%d synthetic articles in %.1f s)", Double(buildCount) / buildTime,
                 buildCount, buildTime))
}

if runs("ingest") {
    try IngestBenchmark(quick: quick, arguments: CommandLine.arguments, scratch: directory).run()
}

if runs("neighbors") {
    // 4. Neighbor queries on a large store.
    let entityCount = quick ? 10_000 : 100_000
    let edgeCount = quick ? 100_000 : 1_000_000
    var large = Graph()
    var random = ArticleGenerator(state: 99)
    // Each person a given name and a surname of their own, both different from everyone else's,
    // the surnames' first letters varying: people whose names are one word apart, or whose
    // surnames differ by a letter, are taken for one person by the store's identity rules
    // (GraphStore+Identity.swift), and people whose surnames share their first two letters are
    // compared with one another as they are stored.
    func letters(_ index: Int) -> String {
        var letters = ""
        var rest = index
        for _ in 0..<4 {
            letters.append(Character(Unicode.Scalar(UInt8(97 + rest % 26))))
            rest /= 26
        }
        return letters + (rest == 0 ? "" : String(repeating: "z", count: rest))
    }
    func personName(_ index: Int) -> String {
        let surname = letters(index)
        return "Given\(index) " + surname.prefix(1).uppercased() + surname.dropFirst()
    }
    for index in 0..<entityCount {
        large.add(Entity(id: "e\(index)", name: personName(index), type: .person, aliases: ["Alias\(index)"]))
    }
    for _ in 0..<edgeCount {
        let source = random.next(entityCount)
        var target = random.next(entityCount)
        if target == source { target = (target + 1) % entityCount }
        large.add(Relation(source: "e\(source)", type: random.pick(types), target: "e\(target)",
                           evidence: [Evidence(document: "bulk", sentence: "Synthetic sentence.", start: 0, end: 19)]))
    }
    let largeStore = try GraphStore(path: directory.appendingPathComponent("large.sqlite").path)
    let loadTime = try seconds {
        try largeStore.add(large, article: ArticleRecord(document: "bulk", path: "bulk", title: "bulk", date: nil, text: Array("bulk".utf8)))
    }
    print(String(format: "large store:          %d entities, %d edges loaded in %.1f s", large.entities.count, large.relations.count, loadTime))
    let stored = try largeStore.statistics()
    print("                      stored: \(stored.entities.values.reduce(0, +)) entities, \(stored.relations.values.reduce(0, +)) edges")
    var latencies: [Double] = []
    for _ in 0..<(quick ? 200 : 1000) {
        let name = personName(random.next(entityCount))
        latencies.append(try seconds { _ = try largeStore.neighbors(of: name) })
    }
    print(String(format: "neighbors query:      p50 %.3f ms  p99 %.3f ms  (%d queries, depth 1)", percentile(latencies, 0.5) * 1000,
                 percentile(latencies, 0.99) * 1000, latencies.count))
    #if NEWSGRAPH_POSTGRES
    // The same graph in a shared PostgreSQL store (`--postgres URL` of an empty database, which
    // this fills): the bulk write, opening a second store (its local copy loaded from the
    // server), and the same queries, each of which first asks the server whether anything changed.
    if let url = CommandLine.arguments.firstIndex(of: "--postgres").flatMap({ $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil }) {
        let shared = try PostgresStore.open(url: url, create: true)
        let writeTime = try seconds {
            try shared.add(large, article: ArticleRecord(document: "bulk", path: "bulk", title: "bulk", date: nil, text: Array("bulk".utf8)))
        }
        print(String(format: "postgres store:       %d entities, %d edges written in %.1f s", large.entities.count, large.relations.count, writeTime))
        var reader: GraphStore?
        let openTime = try seconds { reader = try PostgresStore.openForReading(url: url) }
        print(String(format: "postgres open:        local copy loaded in %.1f s", openTime))
        let copied = try reader!.statistics()
        print("                      stored: \(copied.entities.values.reduce(0, +)) entities, \(copied.relations.values.reduce(0, +)) edges")
        var sharedLatencies: [Double] = []
        for _ in 0..<(quick ? 200 : 1000) {
            let name = personName(random.next(entityCount))
            sharedLatencies.append(try seconds { _ = try reader!.neighbors(of: name) })
        }
        print(String(format: "postgres neighbors:   p50 %.3f ms  p99 %.3f ms  (%d queries, depth 1)", percentile(sharedLatencies, 0.5) * 1000,
                     percentile(sharedLatencies, 0.99) * 1000, sharedLatencies.count))
    }
    #endif
}

if runs("render") {
    // 5. Export and render.
    for nodes in [100, 1000, 5000] where !(quick && nodes == 5000) {
        var graph = Graph()
        var edges = ArticleGenerator(state: UInt64(nodes))
        for index in 0..<nodes { graph.add(Entity(id: "n\(index)", name: "Node \(index)", type: EntityType.allCases[index % 4])) }
        for _ in 0..<(nodes * 2) {
            let source = edges.next(nodes)
            let target = (source + 1 + edges.next(nodes - 1)) % nodes
            graph.add(Relation(source: "n\(source)", type: edges.pick(types), target: "n\(target)"))
        }
        let layout = GraphvizRenderer.Layout.automatic(nodes: graph.entities.count, edges: graph.relations.count)
        var dot = ""
        let dotTime = seconds { dot = DOTWriter().write(graph) }
        let svgTime = try seconds { _ = try GraphvizRenderer.render(dot: dot, layout: layout, format: .svg) }
        print(String(format: "render %4d nodes:     DOT %.3f s, SVG (%@) %.2f s", nodes, dotTime, layout.rawValue, svgTime))
    }
}

if runs("pathological") {
    try PathologicalBenchmark(quick: quick, arguments: CommandLine.arguments, extractor: extractor).run()
}
