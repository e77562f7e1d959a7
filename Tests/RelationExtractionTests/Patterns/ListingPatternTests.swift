import Testing

/// `CuePattern.listing` (Patterns/ListingPattern.swift).
@Suite("Listing pattern: the subject of the listing verb puts its objects on the list")
struct ListingPatternTests {
    @Test("Every name between the listing verb and the cue is a target")
    func listed() throws {
        let edges = try ruleEdges("The Commerce Department added Huawei, ZTE and Pavel Ostrov to the entity list on Friday.")
        #expect(edges.contains("commerce-department -sanctioned-> huawei"), "\(edges)")
        #expect(edges.contains("commerce-department -sanctioned-> pavel-ostrov"), "\(edges)")
    }

    @Test("A planned listing and a passive one give no edge")
    func plannedOrPassive() throws {
        #expect(try ruleEdges("The Commerce Department plans to add Huawei and ZTE to the entity list.").isEmpty)
        #expect(try ruleEdges("Huawei and ZTE were added to the entity list on Friday.").isEmpty)
    }
}
