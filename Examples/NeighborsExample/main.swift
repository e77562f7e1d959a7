// Uses the NewsGraph library directly: extracts two articles into a store and prints an
// entity's neighbors. Run it with `swift run NeighborsExample [NAME]`.
import Foundation
import NewsGraph

let articles = [
    Article(document: "example-talks", text: """
        Ministers hold talks in Beijing

        Secretary of State Antony Blinken met with Chinese Foreign Minister Wang Yi in Beijing on Monday. \
        Blinken later held talks with Chinese President Xi Jinping.
        """),
    Article(document: "example-sanctions", text: """
        Treasury sanctions shipping firm

        The U.S. Treasury Department sanctioned Iran's Islamic Revolutionary Guard Corps on Tuesday. \
        Iranian Foreign Ministry spokesperson Esmaeil Baghaei condemned the United States.
        """),
]

do {
    let extractor = try GraphExtractor()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsgraph-example-\(getpid()).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try GraphStore(path: path)
    for article in articles {
        try store.add(extractor.graph(of: article), article: article.record)
    }
    let name = CommandLine.arguments.dropFirst().first ?? "Blinken"
    if let (entity, neighbors) = try store.neighbors(of: name) {
        print(TextReport.describe(neighbors, of: entity), terminator: "")
    } else {
        print("no entity named \(name)")
    }
} catch {
    print("example failed: \(error)")
}
