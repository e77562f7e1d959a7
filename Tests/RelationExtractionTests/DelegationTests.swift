import KnowledgeGraph
import RelationExtraction
import TestSupport
import Testing

/// The delegation features of the places between two entities ("delegation|members",
/// "frame|delegation-member"), whatever weight the model gives them.
private func delegationFeatures(_ text: String, _ relation: RelationType, from source: String, to target: String) throws
    -> Set<String>
{
    try candidateFeatures(text, relation, from: source, to: target).filter { $0.contains("delegation") }
}

@Suite("Delegations: the members of two sides' delegations meet each other")
struct DelegationTests {
    static let talks = """
        Talks between Norway and Chile were held in Oslo on Friday. The Norwegian delegation was led by \
        Foreign Minister Ingrid Dahl and included State Secretary Lars Vik. The Chilean delegation was \
        led by Foreign Minister Pablo Rojas and included Ambassador Ana Soto.
        """

    @Test("Members of one delegation and members of the other are paired")
    func membersAcrossSides() throws {
        let found = try delegationFeatures(DelegationTests.talks, .metWith, from: "Lars Vik", to: "Ana Soto")
        #expect(found.contains("delegation|members"), "\(found)")
        let leaders = try delegationFeatures(DelegationTests.talks, .metWith, from: "Ingrid Dahl", to: "Pablo Rojas")
        #expect(leaders.contains("delegation|members"), "\(leaders)")
    }

    @Test("Members of one delegation are not paired with each other")
    func sameSideIsNoPair() throws {
        let found = try delegationFeatures(DelegationTests.talks, .metWith, from: "Ingrid Dahl", to: "Lars Vik")
        #expect(!found.contains("delegation|members"), "\(found)")
    }

    @Test("The owners of the two delegations are paired, and each member is tied to its delegation's owner")
    func ownersAndAffiliation() throws {
        let owners = try delegationFeatures(DelegationTests.talks, .metWith, from: "Norway", to: "Chile")
        #expect(owners.contains("delegation|owners"), "\(owners)")
        let member = try delegationFeatures(DelegationTests.talks, .affiliatedWith, from: "Lars Vik", to: "Norway")
        #expect(member.contains("frame|delegation-member"), "\(member)")
        let crossed = try delegationFeatures(DelegationTests.talks, .affiliatedWith, from: "Lars Vik", to: "Chile")
        #expect(!crossed.contains("frame|delegation-member"), "\(crossed)")
    }

    @Test("'A delegation, chaired by X, met with Y': Y is the partner, not a member")
    func meetingCueEndsTheMembers() throws {
        let text = "Norway's delegation, chaired by Ambassador Lars Vik, met with Pablo Rojas, the Chilean foreign minister, in Santiago."
        let found = try delegationFeatures(text, .metWith, from: "Lars Vik", to: "Pablo Rojas")
        #expect(found.contains("delegation|partner|side-known") || found.contains("delegation|partner|side-unknown"), "\(found)")
        let member = try delegationFeatures(text, .affiliatedWith, from: "Pablo Rojas", to: "Norway")
        #expect(!member.contains("frame|delegation-member"), "\(member)")
    }

    @Test("A name just before the noun but in another phrase owns no delegation: 'officials of Chile, and the delegation'")
    func ownerMustTouchTheNoun() throws {
        let text = "Ingrid Dahl met officials of Chile, and the delegation led by Lars Vik met with Ana Soto."
        let found = try delegationFeatures(text, .affiliatedWith, from: "Lars Vik", to: "Chile")
        #expect(!found.contains("frame|delegation-member"), "\(found)")
    }

    @Test("The members' meetings are edges of the graph whatever the model scores, with the delegations as their evidence")
    func membersMeetInTheGraph() throws {
        let found = try extract(DelegationTests.talks)
        #expect(found.has("Lars Vik", .metWith, "Ana Soto"), "\(found.summary)")
        #expect(found.has("Ingrid Dahl", .metWith, "Ana Soto"), "\(found.summary)")
        #expect(!found.has("Ingrid Dahl", .metWith, "Lars Vik"), "\(found.summary)")
        let evidence = try #require(found.relation("Lars Vik", .metWith, "Ana Soto")).evidence
        #expect(evidence.contains { $0.rationale?.contains("delegations") == true }, "\(evidence)")
    }
}
