import KnowledgeGraph
import Testing

/// The features of the places where a source named in an earlier sentence is paired with the
/// targets of a later cue ("carried-source", "carried-kind", ...).
private func carriedFeatures(_ text: String, _ relation: RelationType, from source: String, to target: String) throws -> Set<String> {
    try candidateFeatures(text, relation, from: source, to: target).filter { $0.hasPrefix("carried-") }
}

@Suite("Sources carried into a later sentence: a sanction's and a quotation's, not a meeting's or another criticism's")
struct CarriedSourceTests {
    @Test("A sanction's cue with no source in its sentence takes the source of the sanction before")
    func sanctionCarries() throws {
        let text =
            "The Russian Foreign Ministry announced on Friday that eight officials from the European Union are banned "
            + "from entering Russia.\n\nThe sanctioned figures include Marta Kowalczyk and Pieter Jansen."
        let carried = try carriedFeatures(text, .sanctioned, from: "Russian Foreign Ministry", to: "Marta Kowalczyk")
        #expect(carried.contains("carried-source|1-2"), "\(carried.sorted())")
    }

    @Test("A criticism's cue with no source in its sentence takes none from the sentence before")
    func criticismDoesNotCarry() throws {
        let text = "Ingrid Dahl condemned Chile on Monday.\n\nPeru was also criticized for its stance on the border."
        let carried = try carriedFeatures(text, .criticized, from: "Ingrid Dahl", to: "Peru")
        #expect(carried.isEmpty, "\(carried.sorted())")
        // The sentence's own cue still pairs what it names.
        let own = try candidateFeatures(text, .criticized, from: "Ingrid Dahl", to: "Chile")
        #expect(own.contains { $0.hasPrefix("roles|") }, "\(own.sorted())")
    }

    @Test("A meeting's cue with no other party in its sentence takes none from the sentence before")
    func meetingDoesNotCarry() throws {
        let text = "Ingrid Dahl met Pablo Rojas in Oslo on Monday.\n\nTalks with Ana Ruiz followed on Tuesday."
        let carried = try carriedFeatures(text, .metWith, from: "Ingrid Dahl", to: "Ana Ruiz")
        #expect(carried.isEmpty, "\(carried.sorted())")
    }
}
