import KnowledgeGraph
import Testing

/// The features that make a quotation's speaker the source of a place: the speaker carried into
/// the sentence as the source of its quote ("carried-kind|quote").
private func speakerFeatures(_ text: String, from source: String, to target: String) throws -> Set<String> {
    try candidateFeatures(text, .criticized, from: source, to: target).filter { $0.hasPrefix("carried-kind|quote") }
}

@Suite("Quotations over several sentences: their middle sentences are the speaker's")
struct QuotationSpanTests {
    @Test("A sentence inside a quotation opened by 'X said:' is X's")
    func speakerWhereTheQuotationOpens() throws {
        let text = """
            Ingrid Dahl said on Monday: "The talks went well. Chile has lied about the border for years. \
            We will answer in kind."
            """
        let found = try speakerFeatures(text, from: "Ingrid Dahl", to: "Chile")
        let all = try candidateFeatures(text, .criticized, from: "Ingrid Dahl", to: "Chile")
        #expect(!found.isEmpty, "\(all)")
    }

    @Test("A sentence inside a quotation closed by '…,\" X said' is X's")
    func speakerWhereTheQuotationCloses() throws {
        let text = """
            "The talks went well. Chile has lied about the border for years. We will answer in kind," \
            Ingrid Dahl said on Monday.
            """
        let found = try speakerFeatures(text, from: "Ingrid Dahl", to: "Chile")
        let all = try candidateFeatures(text, .criticized, from: "Ingrid Dahl", to: "Chile")
        #expect(!found.isEmpty, "\(all)")
    }

    @Test("A quote mark left open at a paragraph's end makes no speech of the next paragraph")
    func openMarkStopsAtTheParagraph() throws {
        let text = """
            Ingrid Dahl said on Monday: "The talks went well.

            Chile has lied about the border for years. The talks resume in May." Pablo Rojas said in Lima.
            """
        let found = try speakerFeatures(text, from: "Ingrid Dahl", to: "Chile")
        #expect(found.isEmpty, "\(found)")
    }

    @Test("Sentences after a closed quotation are no speech")
    func closedQuotationEnds() throws {
        let text = """
            Ingrid Dahl said on Monday: "The talks went well. We are pleased. We will meet again." Chile has \
            lied about the border for years, the report found.
            """
        let found = try speakerFeatures(text, from: "Ingrid Dahl", to: "Chile")
        #expect(found.isEmpty, "\(found)")
    }
}
