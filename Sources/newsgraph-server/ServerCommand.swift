import ArgumentParser
import Foundation
import GraphServer
import NewsGraph

/// The server that `newsgraph serve` starts (it runs this binary with the same arguments). A
/// binary of its own so that the command-line tool builds without Hummingbird and swift-nio.
@main
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph-server",
        abstract: "Explore a store in a browser, and answer the JSON API (newsgraph serve).",
        discussion: "Reads the store only; a build into it while the server runs shows in the next request. Ctrl-C stops it.")

    @Option(help: ArgumentHelp("The graph store.", valueName: "file"))
    var store = "newsgraph.sqlite"

    @Option(help: "The address to listen on; 127.0.0.1 lets only this machine in.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 takes any free one (the printed address tells which).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server: GraphServer
        do {
            server = try GraphServer(storePath: store)
        } catch {
            FileHandle.standardError.write(Data("newsgraph: error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        let host = host
        do {
            try await server.run(host: host, port: port) { port in
                // Printed once the socket is bound, so a script can wait for this line.
                let shown = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("Serving \(server.storeName) at http://\(shown):\(port)/ (Ctrl-C stops it)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("newsgraph: error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
