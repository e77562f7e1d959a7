import Foundation
import NewsGraph
import Testing

/// An article read in part, to keep extraction linear in time: one warning line naming it, the
/// article kept, the exit status 0.
@Suite("Articles read in part are reported")
struct ReadInPartTests {
    /// One sentence of 150 clauses, 900 tokens.
    static let longSentence = String(repeating: "Senator Ana Lima met Senator Ben Ode, ", count: 150) + "and left.\n"

    @Test("extract warns about a sentence longer than 400 tokens and prints the graph")
    func extractWarns() throws {
        let folder = try TemporaryFolder()
        try folder.write("long.txt", ReadInPartTests.longSentence)
        let run = try CLI.run(["extract", "long.txt"], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderrLines == ["long.txt: warning: a sentence longer than 400 words and marks was read in parts (edges may be missing)"],
                "\(run.summary)")
        #expect(run.stdout.contains("\"ana-lima\""), "\(run.summary)")
    }

    @Test("build warns too, and stores the article")
    func buildWarns() throws {
        let folder = try TemporaryFolder()
        try folder.write("long.txt", ReadInPartTests.longSentence)
        let run = try CLI.run(["build", "long.txt", "--store", "graph.sqlite"], in: folder)
        #expect(run.status == 0, "\(run.summary)")
        #expect(run.stderr.hasPrefix("long.txt: warning: a sentence longer than 400 words and marks was read in parts"), "\(run.summary)")
        #expect(run.stdout.hasPrefix("added 1 article"), "\(run.summary)")
    }

    @Test("The library gives the warning with the graph, and none for an ordinary article")
    func libraryWarning() throws {
        let extractor = try GraphExtractor()
        let long = extractor.extraction(of: Article(document: "long", text: ReadInPartTests.longSentence))
        #expect(long.warning?.isWarning == true)
        #expect(long.warning?.description.hasPrefix("long: warning: a sentence longer than 400") == true, "\(String(describing: long.warning))")
        let ordinary = extractor.extraction(of: Article(document: "short", text: "Senator Ana Lima met Senator Ben Ode in Rome.\n"))
        #expect(ordinary.warning == nil)
        #expect(!ordinary.graph.entities.isEmpty)
    }
}
