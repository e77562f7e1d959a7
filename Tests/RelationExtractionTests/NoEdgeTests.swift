import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("Negated, planned, denied, requested and called-off events give no edge")
struct NoEdgeTests {
    @Test("Future: 'will meet' gives no met_with")
    func willMeet() throws {
        let result = try extract(
            "Secretary of State Antony Blinken will meet Chinese President Xi Jinping in Beijing next week.")
        #expect(result.id("Antony Blinken") != nil && result.id("Xi Jinping") != nil, "\(result.summary)")
        #expect(result.edges(.metWith).isEmpty, "\(result.summary)")
    }

    @Test("Preparation: a meeting someone travels to prepare for, or talks ahead of a summit, has not happened")
    func preparingFor() throws {
        let travel = try extract("Foreign Minister Cho Hyun will travel to Tokyo to prepare for a meeting with China.")
        #expect(travel.id("Cho Hyun") != nil && travel.id("China") != nil, "\(travel.summary)")
        #expect(travel.edges(.metWith).isEmpty, "\(travel.summary)")
        let plans = try extract("Foreign Minister Cho Hyun plans for a meeting with China.")
        #expect(plans.edges(.metWith).isEmpty, "\(plans.summary)")
        let ahead = try extract("Diplomats gathered in Geneva ahead of a summit between Ghana and Togo.")
        #expect(ahead.edges(.metWith).isEmpty, "\(ahead.summary)")
        // The meeting itself still counts.
        let held = try extract("Foreign Minister Cho Hyun held a meeting with China in Tokyo.")
        withKnownIssue("The scorer doubts a person meeting a country named alone (the training articles pair people with people)") {
            #expect(!held.edges(.metWith).isEmpty, "\(held.summary)")
        }
    }

    @Test("Deliberation: sanctions being weighed or debated are not imposed")
    func weighing() throws {
        let weighed = try extract("The European Union is weighing new sanctions against Belarus.")
        #expect(weighed.id("European Union") != nil && weighed.id("Belarus") != nil, "\(weighed.summary)")
        #expect(weighed.edges(.sanctioned).isEmpty, "\(weighed.summary)")
        let debated = try extract("Canada debated sanctions on Iran for weeks.")
        #expect(debated.edges(.sanctioned).isEmpty, "\(debated.summary)")
    }

    @Test("Plan: 'plans to impose sanctions on' gives no sanctioned")
    func plansToImpose() throws {
        let result = try extract("The European Union plans to impose sanctions on Belarus.")
        #expect(result.id("European Union") != nil && result.id("Belarus") != nil, "\(result.summary)")
        #expect(result.edges(.sanctioned).isEmpty, "\(result.summary)")
    }

    @Test("Request: 'urged the EU to impose sanctions on' gives no sanctioned edge at all")
    func urgedTo() throws {
        let result = try extract("Germany urged the EU to impose sanctions on Iran.")
        #expect(result.id("Germany") != nil && result.id("Iran") != nil, "\(result.summary)")
        #expect(result.edges(.sanctioned).isEmpty, "\(result.summary)")
    }

    @Test("Negation: 'did not condemn' gives no criticized")
    func didNotCondemn() throws {
        let result = try extract("France did not condemn Israel for the strike.")
        #expect(result.id("France") != nil && result.id("Israel") != nil, "\(result.summary)")
        #expect(result.edges(.criticized).isEmpty, "\(result.summary)")
    }

    @Test("Denial: 'denies it attacked' gives no edge between the two")
    func deniesAttack() throws {
        let result = try extract("Russia denies it attacked Ukraine's power grid.")
        #expect(result.id("Russia") != nil && result.id("Ukraine") != nil, "\(result.summary)")
        #expect(result.graph.relations.isEmpty, "\(result.summary)")
    }

    @Test("Denial of a cue: 'denied that it blacklisted' gives no sanctioned")
    func deniedBlacklisting() throws {
        let result = try extract("China denied that it blacklisted Lithuania last year.")
        #expect(result.id("China") != nil && result.id("Lithuania") != nil, "\(result.summary)")
        #expect(result.edges(.sanctioned).isEmpty, "\(result.summary)")
    }

    @Test("Called off: 'the summit ... was called off' gives no met_with")
    func calledOff() throws {
        let result = try extract("The summit between Japan and South Korea was called off.")
        #expect(result.id("Japan") != nil && result.id("South Korea") != nil, "\(result.summary)")
        #expect(result.edges(.metWith).isEmpty, "\(result.summary)")
    }
}

@Suite("More negated, hypothetical and requested events give no edge of their type")
struct MoreNoEdgeTests {
    @Test("No edge of the cue's type", arguments: [
        ("Canada never sanctioned Venezuela.", "sanctioned"),
        ("Japan refused to condemn Russia at the assembly.", "criticized"),
        ("Poland called for sanctions on Belarus after the incident.", "sanctioned"),
        ("Britain threatened to sanction Iran if the talks failed.", "sanctioned"),
        ("Australia would meet Indonesia only after the election.", "met_with"),
        ("Canada is considering sanctions against Nicaragua.", "sanctioned"),
    ])
    func noEdge(text: String, type: String) throws {
        let result = try extract(text)
        #expect(result.graph.entities.filter { $0.type == .country }.count == 2, "\(result.summary)")
        #expect(result.edges(RelationType(rawValue: type)).isEmpty, "\(result.summary)")
    }
}

@Suite("An edge to an unnamed group is dropped")
struct UnnamedGroupTests {
    @Test("'sanctioned 13 individuals' gives no sanctioned edge")
    func unnamedTarget() throws {
        let result = try extract("The Treasury Department sanctioned 13 individuals on Thursday.")
        #expect(result.id("Treasury Department") != nil, "\(result.summary)")
        #expect(result.edges(.sanctioned).isEmpty, "\(result.summary)")
    }
}

@Suite("A cue used as a participle with no object gives no edge")
struct ParticipleNoEdgeTests {
    @Test("'firms in Peru accused of supplying parts to Chile' gives no criticized edge",
          arguments: ["Companies in Peru accused of supplying parts to Chile were fined.",
                      "Officials in Peru sanctioned for corruption left Chile."])
    func participle(text: String) throws {
        let result = try extract(text)
        withKnownIssue("The scorer reads 'Peru accused of' as an accusation of Peru by Chile", isIntermittent: true) {
            #expect(result.edges(.criticized).isEmpty && result.edges(.sanctioned).isEmpty, "\(result.summary)")
        }
    }

    @Test("The active verb with an object still gives the edge: 'Chile accused Peru of spying'")
    func activeStill() throws {
        let result = try extract("Chile accused Peru of spying.")
        #expect(result.has("Chile", .criticized, "Peru"), "\(result.summary)")
    }
}

@Suite("A name inside the charge is no object")
struct ChargeNameTests {
    @Test("'accused the government of slowing deliveries to Chile' gives no edge to Chile")
    func nameInCharge() throws {
        let result = try extract("Senator Ruth Hale accused the government of slowing deliveries to Chile.")
        #expect(!result.has("Ruth Hale", .criticized, "Chile"), "\(result.summary)")
    }

    @Test("'criticized the government of Chile' still targets Chile")
    func governmentOf() throws {
        let result = try extract("Senator Ruth Hale criticized the government of Chile on Monday.")
        #expect(result.has("Ruth Hale", .criticized, "Chile"), "\(result.summary)")
    }
}
