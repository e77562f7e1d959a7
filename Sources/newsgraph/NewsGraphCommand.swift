import ArgumentParser
import Foundation
import NewsGraph
import Synchronization
#if NEWSGRAPH_POSTGRES
import GraphStorePostgres
#endif

@main
struct NewsGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Build a knowledge graph of who did what to whom from news articles.",
        discussion: """
            NewsGraph finds people, agencies, countries and organizations in articles and the \
            sanctioned, met_with, criticized and affiliated_with relations between them, each with \
            the sentence that states it.
            """,
        subcommands: [Extract.self, Build.self, Export.self, Neighbors.self, Path.self, Timeline.self, Entities.self, Stats.self,
                      Merge.self, Split.self, Rename.self, Corrections.self, Serve.self]
    )

    /// Runs the command. NewsGraph's own errors are one line on standard error and exit status
    /// 1; argument errors keep their usage text. Standard output is flushed last, so a write that
    /// fails there is reported too.
    static func main() {
        var status: Int32 = 0
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            status = report(error)
        }
        do {
            try Output.flush()
        } catch {
            if status == 0 { status = report(error) }
        }
        Foundation.exit(status)
    }

    /// Says what went wrong; returns the exit status.
    static func report(_ error: any Error) -> Int32 {
        switch error {
        case let error as NewsGraphError: return fail(error.description)
        case let error as StoreError: return fail(error.description)
        case let error as ExportError: return fail(error.description)
        case let error as LexiconError: return fail("lexicon error: \(error)")
        default:
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: their text is the command's output.
                do {
                    try Output.line(message)
                } catch {
                    return report(error)
                }
            } else if !message.isEmpty {
                standardError(message)
            }
            return code.rawValue
        }
    }

    static func fail(_ message: String) -> Int32 {
        standardError("newsgraph: error: \(message)")
        return 1
    }
}

/// Options that choose the lexicons.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "An extra entity lexicon (TSV: name, type, country, aliases); repeatable.", valueName: "file"))
    var lexiconFiles: [String] = []

    @Option(name: .customLong("cues"), help: ArgumentHelp(
        "An extra relation cue file (TSV: phrase, relation, pattern); repeatable.", valueName: "file"))
    var cueFiles: [String] = []

    func extractor() throws -> GraphExtractor {
        // The lexicon's tables are kept between runs in ~/.cache/newsgraph (or $XDG_CACHE_HOME).
        let extractor = try GraphExtractor(lexiconFiles: lexiconFiles, cueFiles: cueFiles, lexiconCache: .standard)
        keptUntilExit.withLock { $0.append(extractor) }
        return extractor
    }
}

/// The extractors the commands made, kept until the process exits: freeing a lexicon's hundreds
/// of thousands of strings and arrays takes tens of millions of instructions (as much as reading
/// thirty articles), and each command ends the process right after.
private let keptUntilExit = Mutex<[GraphExtractor]>([])

struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The graph store: an SQLite file, or postgres://user@host:port/database for a shared store (default: $NEWSGRAPH_STORE, else newsgraph.sqlite).",
            valueName: "file|url"))
    var chosen: String?

    /// The store named by --store, else by NEWSGRAPH_STORE, else newsgraph.sqlite here.
    var path: String {
        chosen ?? ProcessInfo.processInfo.environment["NEWSGRAPH_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "newsgraph.sqlite"
    }

    /// The store as messages name it: a URL's password is left out.
    var displayName: String {
        guard isShared, var components = URLComponents(string: path), components.password != nil else { return path }
        components.password = nil
        return components.string ?? path
    }

    /// Whether the store is a PostgreSQL database (a URL) rather than an SQLite file.
    var isShared: Bool { path.hasPrefix("postgres://") || path.hasPrefix("postgresql://") }

    func open(create: Bool = false) throws -> GraphStore {
        if isShared { return try openShared(create: create, readOnly: false) }
        return try GraphStore(path: path, create: create)
    }

    /// The store for a command that only reads it: no write transaction, so it neither waits
    /// for a build nor needs write access to the store's folder.
    func openForReading() throws -> GraphStore {
        if isShared { return try openShared(create: false, readOnly: true) }
        return try GraphStore(readOnlyAt: path)
    }

    /// A store in a PostgreSQL database, where this build has the backend (Package.swift).
    private func openShared(create: Bool, readOnly: Bool) throws -> GraphStore {
        #if NEWSGRAPH_POSTGRES
        return readOnly ? try PostgresStore.openForReading(url: path) : try PostgresStore.open(url: path, create: create)
        #else
        throw NewsGraphError.invalidArgument(
            "this newsgraph was built without PostgreSQL stores (make release and make demo leave them out); "
                + "build one with them with `make full` (swift build -c release --product newsgraph) and run this again")
        #endif
    }
}

/// A span of publication days: only evidence from articles published in it counts.
struct DateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only evidence from articles published on or after this day (YYYY, YYYY-MM or YYYY-MM-DD).",
                               valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only evidence from articles published on or before this day (YYYY, YYYY-MM or YYYY-MM-DD).",
                               valueName: "date"))
    var until: String?

    /// The range; a bound that is not a date is one clear error line.
    func range() throws -> DateRange {
        do {
            return try DateRange(since: since, until: until)
        } catch {
            throw NewsGraphError.invalidArgument(error.detail)
        }
    }
}

/// Filters that apply to every export of a graph.
struct GraphFilterOptions: ParsableArguments {
    @Option(name: .customLong("type"), help: ArgumentHelp("Keep only entities of this type (\(EntityType.names)); repeatable.",
                                                          valueName: "type"))
    var types: [String] = []

    @Option(name: .customLong("relation"), help: ArgumentHelp("Keep only this relation type; repeatable.", valueName: "type"))
    var relations: [String] = []

    @Option(name: .customLong("min-weight"), parsing: .unconditional,
            help: ArgumentHelp("Keep only edges stated in at least this many articles.", valueName: "n"))
    var minimumWeight = 1

    func validate() throws {
        guard minimumWeight >= 1 else { throw ValidationError("--min-weight must be at least 1") }
    }

    /// The graph with the filters applied; an unknown type or relation is an error.
    func apply(_ graph: Graph, from store: GraphStore) throws -> Graph {
        let filter = GraphFilter(types: try entityTypes(types), relations: try relationTypes(relations, in: store),
                                 minimumWeight: minimumWeight)
        return graph.filtered(by: filter)
    }
}

extension EntityType {
    /// The types as a user may write them, for help and errors.
    static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// The entity types named by `--type` values; an unknown one is one error line.
func entityTypes(_ names: [String]) throws(NewsGraphError) -> Set<EntityType> {
    var types: Set<EntityType> = []
    for name in names {
        guard let type = EntityType(rawValue: name.lowercased()) else {
            throw .invalidArgument("unknown entity type '\(abbreviated(name))'; the types are \(EntityType.names)")
        }
        types.insert(type)
    }
    return types
}

/// The relation types named by `--relation` values: the built-in ones and those of the store's
/// edges (a user's cue file may add some). An unknown one is one error line, not an empty answer.
func relationTypes(_ names: [String], in store: GraphStore) throws -> Set<RelationType> {
    guard !names.isEmpty else { return [] }
    let known = Set(RelationType.builtIn).union(try store.relationTypes())
    var types: Set<RelationType> = []
    for name in names {
        let type = RelationType(rawValue: name)
        guard known.contains(type) else {
            let list = known.map(\.rawValue).sorted().joined(separator: ", ")
            throw NewsGraphError.invalidArgument("unknown relation '\(abbreviated(name))'; the relations are \(list)")
        }
        types.insert(type)
    }
    return types
}
extension GraphvizRenderer.Layout: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension Neighbor.Direction: ExpressibleByArgument {}

/// The `--format` of a command that prints a graph: its own text report, or one of the library's
/// export formats. `Menu` names the formats the command offers, in the order its help lists them.
struct GraphOutputFormat<Menu: FormatMenu>: ExpressibleByArgument {
    /// The export format; nil for the command's text report.
    let export: ExportFormat?

    init(_ export: ExportFormat?) {
        self.export = export
    }

    init?(argument: String) {
        guard Menu.names.contains(argument) else { return nil }
        if argument == "text" {
            export = nil
        } else {
            guard let format = ExportFormat(rawValue: argument) else { return nil }
            export = format
        }
    }

    static var text: Self { Self(nil) }
    static var allValueStrings: [String] { Menu.names }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { export?.rawValue ?? "text" }
}

/// The `--format` values a command offers: "text" and names of `ExportFormat` cases.
protocol FormatMenu {
    static var names: [String] { get }
}
