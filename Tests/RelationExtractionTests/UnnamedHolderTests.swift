import KnowledgeGraph
import Testing

/// A sentence that gives a body a role without naming its holder ("Iran's Foreign Ministry
/// spokesman said ...") makes the first person named in the next sentence a candidate holder.
@Suite("A role held by someone unnamed, and the person named next")
struct UnnamedHolderTests {
    @Test("'the ministry spokesman said ...', then a name alone in the next sentence")
    func ownerBeforeRole() throws {
        let text = """
            Iran's Foreign Ministry spokesman said on Friday that the new sanctions were illegal. \
            Reza Karimi was quoted by the state agency as saying they would fail.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Reza Karimi", to: "Iran's Foreign Ministry")
        #expect(features.contains("role-next|agency|named-first"), "\(features.sorted())")
    }

    @Test("'The head of the World Health Organization said ...', then a name alone")
    func roleOfOwner() throws {
        let text = """
            The head of the World Health Organization said on Monday that the cuts would cost lives. \
            Maria Ostrova told reporters in Geneva that the agency would ask other donors for help.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Maria Ostrova", to: "World Health Organization")
        #expect(features.contains("role-next|agency|named-first"), "\(features.sorted())")
    }

    @Test("A person already named and met again in the next sentence is marked as named before")
    func holderNamedBefore() throws {
        let text = """
            Reza Karimi arrived in Tehran on Thursday. Iran's Foreign Ministry spokesman said on Friday \
            that the new sanctions were illegal. Reza Karimi was quoted by the state agency as saying they would fail.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Reza Karimi", to: "Iran's Foreign Ministry")
        #expect(features.contains("role-next|agency|named-before"), "\(features.sorted())")
    }

    @Test("A role whose holder the same sentence names points to no one in the next sentence")
    func holderNamedInSentence() throws {
        let text = """
            Iran's Foreign Ministry spokesman Ali Navid said on Friday that the new sanctions were illegal. \
            Reza Karimi, a lawmaker, said they would fail.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Reza Karimi", to: "Iran's Foreign Ministry")
        #expect(!features.contains { $0.hasPrefix("role-next") }, "\(features.sorted())")
    }

    @Test("A person with a title of their own in the next sentence is not taken for the holder")
    func titledPersonNext() throws {
        let text = """
            Iran's Foreign Ministry spokesman said on Friday that the new sanctions were illegal. \
            Interior Minister Reza Karimi said they would fail.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Reza Karimi", to: "Iran's Foreign Ministry")
        #expect(!features.contains { $0.hasPrefix("role-next") }, "\(features.sorted())")
    }
}

/// Organizations may belong to organizations (a party's wing, a movement's armed unit).
@Suite("Affiliation candidates between two organizations")
struct OrganizationPairTests {
    @Test("Two organizations named near each other make a candidate pair")
    func organizationsPaired() throws {
        let text = "Hamas and Hezbollah issued a joint statement on Sunday."
        let features = try candidateFeatures(text, .affiliatedWith, from: "Hamas", to: "Hezbollah")
        #expect(features.contains("types|organization|organization"), "\(features.sorted())")
    }
}
