import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `newsgraph build` and `newsgraph extract` end to end, as a user runs them: the release binary
/// beside this one, on real articles (../shared/corpus/*/articles) made distinct by a varied last
/// line and copied up to about 8 MB. Each command is one process, timed from start to exit, with
/// its peak resident memory from the kernel (`wait4`'s `ru_maxrss`).
///
/// Options: `--articles-root FOLDER` (default ../shared/corpus), `--megabytes N` (default 8),
/// `--runs N` (default 5). With `--quick`, 2 MB and 3 runs.
struct IngestBenchmark {
    var quick: Bool
    var arguments: [String]
    var scratch: URL

    func value(_ option: String) -> String? {
        arguments.firstIndex(of: option).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
    }

    func run() throws {
        let binary = URL(fileURLWithPath: arguments[0]).deletingLastPathComponent().appendingPathComponent("newsgraph").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("ingest: no newsgraph binary beside the benchmarks (swift build -c release --product newsgraph first); skipped")
            return
        }
        let root = value("--articles-root") ?? "../shared/corpus"
        let megabytes = value("--megabytes").flatMap(Double.init) ?? (quick ? 2 : 8)
        let runs = value("--runs").flatMap(Int.init) ?? (quick ? 3 : 5)
        let sources = try articleFiles(under: root)
        guard !sources.isEmpty else {
            print("ingest: no articles under \(root)/*/articles; skipped")
            return
        }
        let corpus = scratch.appendingPathComponent("ingest-corpus")
        let (files, bytes) = try writeCorpus(from: sources, into: corpus, bytes: Int(megabytes * 1_048_576))
        let size = Double(bytes) / 1_048_576
        print(String(format: "ingest corpus: %d distinct real articles, %.2f MB (%d originals from %@, copies with a varied last line)",
                     files, size, sources.count, root))

        let store = scratch.appendingPathComponent("ingest.sqlite").path
        let taskset = ["/usr/bin/taskset", "/bin/taskset"].first { FileManager.default.isExecutableFile(atPath: $0) }
        var cases: [(String, [String], Bool)] = [("build, all cores", [binary, "build", corpus.path, "--store", store, "--quiet"], true)]
        if let taskset {
            cases.append(("build, 1 core", [taskset, "-c", "0", binary, "build", corpus.path, "--store", store, "--quiet"], true))
            cases.append(("extract --format json, 1 core", [taskset, "-c", "0", binary, "extract", "--format", "json", corpus.path], false))
        }
        cases.append(("extract --format json, all cores", [binary, "extract", "--format", "json", corpus.path], false))
        // Alternate the cases run by run, so that a busy stretch of a shared machine weighs on all.
        var times: [[Double]] = Array(repeating: [], count: cases.count)
        var peaks: [[Int]] = Array(repeating: [], count: cases.count)
        var cpu: [[Double]] = Array(repeating: [], count: cases.count)
        for _ in 0..<runs {
            for (index, (name, command, isBuild)) in cases.enumerated() {
                if isBuild { removeStore(store) }
                let result = try measure(command)
                guard result.status == 0 else {
                    print("ingest: \(name) failed with status \(result.status); skipped")
                    continue
                }
                times[index].append(result.seconds)
                peaks[index].append(result.peakKiB)
                cpu[index].append(result.cpuSeconds)
            }
        }
        for (index, (name, _, _)) in cases.enumerated() where !times[index].isEmpty {
            let time = median(times[index])
            let label = (name + ":").padding(toLength: 34, withPad: " ", startingAt: 0)
            print(label + String(format: "%6.1f MB/s  %6.0f articles/s  %.2f s  CPU %.2f s  peak %.0f MiB  (median of %d; runs %@ s)",
                                 size / time, Double(files) / time, time, median(cpu[index]), Double(peaks[index].max() ?? 0) / 1024,
                                 times[index].count, times[index].map { String(format: "%.2f", $0) }.joined(separator: " ")))
        }
        removeStore(store)
    }

    /// The .txt articles in each `ROOT/*/articles` folder.
    func articleFiles(under root: String) throws -> [String] {
        guard let sets = try? FileManager.default.contentsOfDirectory(atPath: root) else { return [] }
        var files: [String] = []
        for set in sets.sorted() {
            let folder = (root as NSString).appendingPathComponent("\(set)/articles")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            files += names.filter { $0.hasSuffix(".txt") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// Copies of the articles, each made distinct by its last line, until `bytes` are written.
    func writeCorpus(from sources: [String], into folder: URL, bytes target: Int) throws -> (files: Int, bytes: Int) {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let texts = try sources.map { try String(contentsOfFile: $0, encoding: .utf8) }
        var written = 0
        var files = 0
        var copy = 0
        while written < target {
            for (source, text) in zip(sources, texts) where written < target {
                var varied = text
                while varied.hasSuffix("\n") { varied.removeLast() }
                varied += "\n\n(Copy \(copy) of the wire edition.)\n"
                let name = "c\(copy)-" + URL(fileURLWithPath: source).lastPathComponent
                try Data(varied.utf8).write(to: folder.appendingPathComponent(name))
                written += varied.utf8.count
                files += 1
            }
            copy += 1
        }
        return (files, written)
    }

    func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Runs `command` with standard output to /dev/null; its wall time, CPU time (user and
    /// system), peak memory and status.
    func measure(_ command: [String]) throws -> (seconds: Double, cpuSeconds: Double, peakKiB: Int, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw CocoaError(.executableLoad, userInfo: [NSFilePathErrorKey: command[0]]) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpuSeconds = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (seconds, cpuSeconds, Int(usage.ru_maxrss), exitStatus)
    }
}
