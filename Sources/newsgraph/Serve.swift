import ArgumentParser
import Foundation
import NewsGraph

/// `newsgraph serve` hands over to the `newsgraph-server` binary built beside this one. The server
/// is a product of its own because Hummingbird and swift-nio take minutes to compile on a small
/// machine: `make demo` and `make release` build `newsgraph` alone, and `make server` adds the
/// server when it is wanted. The options are declared here too, so `newsgraph serve --help`
/// documents them and bad values fail before anything starts.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explore the store in a browser, with a JSON API for other tools, until Ctrl-C.",
        discussion: """
            Pages: / (search, counts, most connected entities), /entity/ID (an entity's neighbourhood, drawn, with \
            the evidence of each edge), /path?from=&to=. The API is described at /openapi.json. The store is only \
            read; a build into it while the server runs shows in the next request. The server is a binary of its \
            own, newsgraph-server, built by `make server`.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "The address to listen on; 127.0.0.1 lets only this machine in.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 takes any free one (the printed address tells which).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        let server = Serve.serverBinary()
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw NewsGraphError.invalidArgument(
                "the server is not built (no \(server)); build it with `make server` "
                    + "(swift build -c release --product newsgraph-server) and run this again")
        }
        let arguments = [server, "--store", store.path, "--host", host, "--port", String(port)]
        // Replaces this process, so Ctrl-C and the exit status are the server's own.
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv(server, cArguments)
        throw NewsGraphError.invalidArgument("cannot start \(server): \(String(cString: strerror(errno)))")
    }

    /// `newsgraph-server` in the folder of the running `newsgraph` (SwiftPM puts every product of
    /// a build in one folder).
    static func serverBinary() -> String {
        let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return executable.deletingLastPathComponent().appendingPathComponent("newsgraph-server").path
    }
}
