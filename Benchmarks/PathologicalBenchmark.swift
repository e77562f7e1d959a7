import Dispatch
import Foundation
import NewsGraph

#if canImport(Glibc)
import Glibc
#endif

/// Extraction time per MB on inputs built to be slow, against real news: `--only pathological`.
///
/// Each case is one article of the given size, extracted in process (`GraphExtractor.graph(of:)`,
/// recognition and relations), median of `--runs` (default 5; a case stops early once its runs
/// have taken `--budget` seconds, default 120). News is the real articles of `--news` (default
/// ../shared/corpus/dev/articles), each extracted on its own, repeated to about 2 MB. The ratio
/// is a case's seconds per MB over news's. Peak memory is the process's high-water mark (VmHWM),
/// reset before each case, so it includes the extractor's lexicons (about the news figure).
///
/// Options: `--megabytes N,M` (sizes of each case, default 1,4; with `--quick`, 1), `--cases
/// titles,names,sentence,clauses`, `--write FOLDER` (also write each input there as a .txt file).
struct PathologicalBenchmark {
    var quick: Bool
    var arguments: [String]
    var extractor: GraphExtractor

    func value(_ option: String) -> String? {
        arguments.firstIndex(of: option).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }

    /// The cases: each makes an article of about `bytes` bytes.
    static let cases: [(name: String, description: String, make: @Sendable (Int) -> String)] = [
        ("titles", "\"President \" repeated, one line", { bytes in String(repeating: "President ", count: max(1, bytes / 10)) + "\n" }),
        ("names", "distinct two-word names, one short sentence each", { bytes in
            var text = ""
            text.reserveCapacity(bytes + 64)
            var index = 0
            while text.utf8.count < bytes {
                text += "\(PathologicalBenchmark.name(index)) spoke to reporters on Tuesday. "
                index += 1
            }
            return text + "\n"
        }),
        ("sentence", "one sentence of titled names and cues, no period", { bytes in
            var text = ""
            text.reserveCapacity(bytes + 128)
            var index = 0
            while text.utf8.count < bytes {
                text += "Senator \(PathologicalBenchmark.name(index)) criticized Minister \(PathologicalBenchmark.name(index + 1)) and met with President \(PathologicalBenchmark.name(index + 2)), "
                index += 3
            }
            return text + "\n"
        }),
        ("clauses", "\"Senator A criticized Senator B, Senator C criticized Senator D, ...\", 200 clauses a sentence", { bytes in
            var text = ""
            text.reserveCapacity(bytes + 128)
            var clause = 0
            while text.utf8.count < bytes {
                text += "Senator \(PathologicalBenchmark.name(2 * clause)) criticized Senator \(PathologicalBenchmark.name(2 * clause + 1))"
                clause += 1
                text += clause % 200 == 0 ? ". " : ", "
            }
            return text + "\n"
        }),
    ]

    /// A distinct name for each index: two words of two syllables each (160,000 different names).
    static func name(_ index: Int) -> String {
        let syllables = ["ka", "lo", "mi", "ra", "ve", "nu", "to", "sa", "di", "ber", "gon", "lis", "tar", "vo", "che", "pan", "rek", "zu",
                         "mo", "fi"]
        var rest = index
        var parts: [String] = []
        for _ in 0..<4 {
            parts.append(syllables[rest % syllables.count])
            rest /= syllables.count
        }
        return (parts[0] + parts[1]).capitalized + " " + (parts[2] + parts[3]).capitalized + "son"
    }

    func run() throws {
        let sizes = (value("--megabytes") ?? (quick ? "1" : "1,4")).split(separator: ",").compactMap { Double($0) }
        let runs = value("--runs").flatMap(Int.init) ?? (quick ? 3 : 5)
        let budget = value("--budget").flatMap(Double.init) ?? 120
        let selected = value("--cases").map { $0.split(separator: ",").map(String.init) }
        let newsFolder = value("--news") ?? "../shared/corpus/dev/articles"

        // News: each real article on its own, as a build extracts them.
        let real = try Article.files(in: [newsFolder]).map { try Article(contentsOf: $0) }
        guard !real.isEmpty else {
            print("pathological: no articles in \(newsFolder); skipped")
            return
        }
        let realBytes = real.reduce(0) { $0 + $1.text.count }
        let news = (0..<max(1, 2_097_152 / realBytes)).flatMap { _ in real }
        let newsMB = Double(news.reduce(0) { $0 + $1.text.count }) / 1_048_576
        resetPeakMemory()
        let newsTimes = measure(runs: runs, budget: budget) { for article in news { _ = extractor.graph(of: article) } }
        let newsPeak = peakMemoryMiB()
        let newsPerMB = median(newsTimes) / newsMB
        print(String(format: "news: %d articles of %@ (%.2f MB): %.3f s per MB (%.1f MB/s), peak %@  (median of %d)", news.count,
                     newsFolder, newsMB, newsPerMB, 1 / newsPerMB, newsPeak, newsTimes.count))
        print("case       size     median      s/MB   x news   entities  edges   peak memory  runs (s)")
        for (name, _, make) in PathologicalBenchmark.cases where selected?.contains(name) ?? true {
            for megabytes in sizes {
                let text = make(Int(megabytes * 1_048_576))
                let article = Article(document: "\(name)-\(megabytes)mb", text: text)
                if let folder = value("--write") {
                    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("\(name)-\(megabytes)mb.txt"))
                }
                let size = Double(article.text.count) / 1_048_576
                var graph = Graph()
                resetPeakMemory()
                let times = measure(runs: runs, budget: budget) { graph = extractor.graph(of: article) }
                let peak = peakMemoryMiB()
                let perMB = median(times) / size
                let ratio = perMB / newsPerMB
                print((name.padding(toLength: 9, withPad: " ", startingAt: 0))
                    + String(format: " %5.2f MB %8.3f s %8.3f %7.1fx%@ %8d %6d   %@  %@", size, median(times), perMB, ratio,
                             ratio > 4 ? "!" : " ", graph.entities.count, graph.relations.count,
                             peak.padding(toLength: 11, withPad: " ", startingAt: 0),
                             times.map { String(format: "%.2f", $0) }.joined(separator: " ")))
            }
        }
        print("(x news: seconds per MB over news's; ! marks a case over 4x)")
        for (name, description, _) in PathologicalBenchmark.cases where selected?.contains(name) ?? true {
            print("  \(name): \(description)")
        }
    }

    /// Up to `runs` timings of `body`, fewer once they add up to `budget` seconds.
    func measure(runs: Int, budget: Double, _ body: () -> Void) -> [Double] {
        var times: [Double] = []
        while times.count < runs && times.reduce(0, +) < budget {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times
    }

    /// Resets the kernel's record of the process's peak resident memory (Linux 4.0 and later).
    func resetPeakMemory() {
        #if os(Linux)
        if let file = fopen("/proc/self/clear_refs", "w") {
            fputs("5", file)
            fclose(file)
        }
        #endif
    }

    /// The process's peak resident memory since the last reset, as text ("-" where unknown).
    func peakMemoryMiB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap({ Double($0) })
        else { return "-" }
        return String(format: "%.0f MiB", kib / 1024)
    }
}
