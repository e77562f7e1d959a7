import KnowledgeGraph
import Testing

/// The extractor hands every edge it finds to the graph, which merges a repeated one: one relation,
/// with each sentence that states it as evidence.
@Suite("An edge stated again in a later sentence is one relation with two pieces of evidence")
struct RepeatedEdgeTests {
    @Test("Whether the article states a few edges or dozens", arguments: [3, 40])
    func repeatedEdge(count: Int) throws {
        let targets = [
            "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bahrain",
            "Bangladesh", "Belarus", "Belgium", "Bolivia", "Botswana", "Brazil", "Bulgaria", "Cambodia", "Cameroon",
            "Chad", "Chile", "Colombia", "Croatia", "Cuba", "Cyprus", "Denmark", "Ecuador", "Egypt", "Eritrea",
            "Estonia", "Ethiopia", "Finland", "Gabon", "Georgia", "Ghana", "Greece", "Guatemala", "Guinea", "Haiti",
            "Honduras", "Hungary",
        ].prefix(count)
        let first = targets.map { "Canada sanctioned \($0) on Monday." }
        // The first edge stated and the last.
        let again = [targets.first!, targets.last!].map { "Canada sanctioned \($0) again on Friday." }
        let result = try extract((first + again).joined(separator: "\n\n"))
        #expect(result.edges(.sanctioned).count == count, "\(result.summary)")
        for target in [targets.first!, targets.last!] {
            let repeated = try #require(result.relation("Canada", .sanctioned, target), "\(target): \(result.summary)")
            #expect(repeated.evidence.count == 2, "\(target): \(result.summary)")
        }
        #expect(result.graph.checkInvariants())
    }
}
