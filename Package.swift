// swift-tools-version:6.1
// NewsGraph: news articles → a knowledge graph of who did what to whom.
// The architecture (stages, modules and what each may import) is the Architecture article of the
// NewsGraph documentation: Sources/NewsGraph/NewsGraph.docc, built by `make docs`.
import PackageDescription

let package = Package(
    name: "NewsGraph",
    platforms: [.macOS(.v15)],

    // MARK: - Products
    // The library (the `NewsGraph` module, whose front re-exports the pipeline) and the command-line tool.
    products: [
        .library(name: "NewsGraph", targets: ["NewsGraph"]),
        .executable(name: "newsgraph", targets: ["newsgraph"]),
    ],

    // MARK: - Dependencies
    dependencies: [
        // The command-line tool's argument parsing.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The graph store's SQLite.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `swift package generate-documentation` (make docs). A command plugin: an ordinary build
        // resolves it but never compiles it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],

    targets: [
        // MARK: - The pipeline, one module per stage; data flows one way
        // text → mentions → entities → relations → store → export. Each depends only on the stages before it.

        // The model: entities, relations, evidence, graphs; value types, no I/O. Its resource is
        // relation-types.tsv (each relation type's direction, colour and label).
        .target(name: "KnowledgeGraph", resources: [.copy("Resources")]),
        // Sentences, tokens, lexicons (countries, agencies, titles, names) and the entity recognizer.
        .target(
            name: "EntityRecognition",
            dependencies: ["KnowledgeGraph"],
            resources: [.copy("Resources")]
        ),
        // Relation cues and patterns, the learned scorer, evidence.
        .target(
            name: "RelationExtraction",
            dependencies: ["KnowledgeGraph", "EntityRecognition"],
            resources: [.copy("Resources")]
        ),
        // SQLite persistence, cross-article merging, queries and corrections.
        .target(
            name: "GraphStore",
            dependencies: [
                "KnowledgeGraph", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the few inserts a build repeats hundreds of thousands of times.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CSQLiteConfig",
            ],
            resources: [.copy("Resources")]
        ),
        // The export formats (ExportFormat: one case and one writer each) and Graphviz rendering.
        .target(name: "GraphExport", dependencies: ["KnowledgeGraph", "CGraphviz"]),

        // MARK: - System libraries (installed by `make deps`)
        // Graphviz's C library, for SVG and PNG drawn in-process.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // SQLite's process-wide settings (sqlite3_config, which is variadic), for the store.
        .systemLibrary(
            name: "CSQLiteConfig",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // gzip-compressed articles and news dumps, through the system's zlib.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),

        // MARK: - The front: the library's entry points and the command-line tool
        // Reading articles, extracting graphs, building stores; re-exports the pipeline's modules.
        .target(
            name: "NewsGraph",
            dependencies: [
                "KnowledgeGraph", "EntityRecognition", "RelationExtraction", "GraphStore", "GraphExport", "CZlib",
            ]
        ),
        // Parses arguments and calls the library; no behaviour of its own.
        .executableTarget(
            name: "newsgraph",
            dependencies: ["NewsGraph", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        // MARK: - Tools and examples
        .executableTarget(name: "Benchmarks", dependencies: ["NewsGraph"], path: "Benchmarks"),
        .executableTarget(name: "train-relations", dependencies: ["NewsGraph"], path: "Tools/RelationTraining"),
        .executableTarget(name: "NeighborsExample", dependencies: ["NewsGraph"], path: "Examples/NeighborsExample"),

        // MARK: - Tests: one target per module, and helpers they share
        // Temporary files and folders for the tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "KnowledgeGraphTests", dependencies: ["KnowledgeGraph"]),
        .testTarget(name: "EntityRecognitionTests", dependencies: ["EntityRecognition", "TestSupport"]),
        .testTarget(name: "RelationExtractionTests", dependencies: ["RelationExtraction", "EntityRecognition", "TestSupport"]),
        .testTarget(
            name: "GraphStoreTests",
            dependencies: ["GraphStore", "NewsGraph", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "GraphExportTests", dependencies: ["GraphExport", "TestSupport"]),
        .testTarget(name: "NewsGraphTests", dependencies: ["NewsGraph", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - Fuzzing (only when asked for)
// libFuzzer programs, one per check (Fuzz/README.md), only when asked for: `make fuzz` sets
// NEWSGRAPH_FUZZ and builds them with -sanitize=fuzzer,address into their own build folder, so an
// ordinary build or test run neither compiles them nor needs the fuzzer runtime. They use the
// pipeline's modules directly (not NewsGraph, whose store would bring GRDB into that build).
if Context.environment["NEWSGRAPH_FUZZ"] != nil {
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .target(
            name: "FuzzChecks", dependencies: ["KnowledgeGraph", "EntityRecognition", "RelationExtraction", "GraphExport"],
            path: "Fuzz/Checks"),
    ]
    for name in ["Extraction", "DOT", "SVG", "GraphML", "JSON"] {
        package.targets.append(
            .executableTarget(
                name: "Fuzz\(name)", dependencies: ["FuzzChecks", "FuzzDriver"],
                path: "Fuzz/Targets/\(name)"))
    }
}

// MARK: - The network-facing parts (left out when NEWSGRAPH_WITHOUT_NETWORK is set)
// Two parts of NewsGraph talk over the network and so need swift-nio, whose packages take 2.5 to
// 4.5 minutes to compile on two cores: the browser and JSON server of `newsgraph serve`
// (Hummingbird), and the shared PostgreSQL store (postgres-nio) that `--store postgres://…`
// opens. NEWSGRAPH_WITHOUT_NETWORK (or its older name, NEWSGRAPH_WITHOUT_SERVER) leaves both out
// of the package altogether, so that their dependencies are not even fetched (half a minute on a
// fresh clone) and `swift test` does not build them: `make release` (and so `make demo`),
// `make sanitize` and `make fuzz` set it. Such a lean `newsgraph` still reads and writes SQLite
// stores; given a postgres:// store it says in one line to build it with `make full`. An ordinary
// `swift build` (and `make full`, `make server`, `make test`) has everything.
let withoutNetwork =
    Context.environment["NEWSGRAPH_WITHOUT_NETWORK"] != nil || Context.environment["NEWSGRAPH_WITHOUT_SERVER"] != nil
if !withoutNetwork {
    package.dependencies += [
        // No traits: their swift-configuration support is not used, and leaving it out keeps that
        // package out of the build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's logging, which the server turns down to warnings.
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The PostgreSQL client of the shared store, and the event loops it runs on.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // TLS for the shared store's connections (postgres-nio's own dependency, named here for
        // the settings `sslmode` and `sslrootcert` make).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ]
    package.products.append(.executable(name: "newsgraph-server", targets: ["newsgraph-server"]))
    package.targets += [
        // The shared store: a GraphStore whose rows live in a PostgreSQL database, which several
        // builders on several machines write at once (GraphStorePostgres/PostgresStore.swift).
        .target(
            name: "GraphStorePostgres",
            dependencies: [
                "GraphStore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // Runs against the server named by NEWSGRAPH_TEST_POSTGRES, and is skipped with one line
        // without it.
        .testTarget(
            name: "GraphStorePostgresTests",
            dependencies: [
                "GraphStorePostgres", "GraphStore", "NewsGraph", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // Routes, HTML pages and the API's answers; reads stores through GraphStore, draws through
        // GraphExport. Its resource is the API's OpenAPI document.
        .target(
            name: "GraphServer",
            dependencies: [
                "NewsGraph", "GraphStorePostgres", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        // Parses the server's arguments and runs it until SIGINT or SIGTERM.
        .executableTarget(
            name: "newsgraph-server",
            dependencies: ["GraphServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Starts the built newsgraph-server on a free port (a process of its own: swift-nio ignores
        // SIGPIPE in whatever process opens a socket) and talks to it with Foundation's client.
        .testTarget(name: "GraphServerTests", dependencies: ["newsgraph-server", "NewsGraph", "TestSupport"]),
    ]
    // The command-line tool opens postgres:// stores; NEWSGRAPH_POSTGRES tells its code the
    // backend is there (a flag rather than `canImport`, which a module left in the build folder by
    // an earlier full build would satisfy in a lean one).
    // The benchmarks measure the shared store too (`--postgres URL`).
    for target in package.targets where ["newsgraph", "Benchmarks"].contains(target.name) {
        target.dependencies.append("GraphStorePostgres")
        target.swiftSettings = (target.swiftSettings ?? []) + [.define("NEWSGRAPH_POSTGRES")]
    }
}
