import KnowledgeGraph
import RelationExtraction
import Testing

@Suite("Titles and adjectives tie people to bodies and bodies to countries")
struct AffiliationTests {
    @Test("'Chinese Foreign Ministry spokesman Wang Wenbin': Wang -> ministry -> China")
    func spokesmanOfMinistry() throws {
        let result = try extract("Chinese Foreign Ministry spokesman Wang Wenbin rejected the report on Monday.")
        let ministry = try #require(
            result.graph.entities.first { $0.type == .agency && $0.name.contains("Foreign Ministry") }, "\(result.summary)")
        let wang = try #require(result.id("Wang Wenbin"), "\(result.summary)")
        let china = try #require(result.id("China"), "\(result.summary)")
        #expect(result.graph.relations.contains { $0.source == wang && $0.type == .affiliatedWith && $0.target == ministry.id },
                "\(result.summary)")
        #expect(result.graph.relations.contains { $0.source == ministry.id && $0.type == .affiliatedWith && $0.target == china },
                "\(result.summary)")
        // The most specific body: not straight to the country.
        #expect(!result.graph.relations.contains { $0.source == wang && $0.type == .affiliatedWith && $0.target == china },
                "\(result.summary)")
    }

    @Test("'Russian President Vladimir Putin': Putin -> Russia")
    func countryAdjectiveTitle() throws {
        let result = try extract("Russian President Vladimir Putin signed the decree on Thursday.")
        #expect(result.has("Vladimir Putin", .affiliatedWith, "Russia"), "\(result.summary)")
        #expect(result.graph.entity(withID: result.id("Russia") ?? "")?.type == .country, "\(result.summary)")
    }

    @Test("'Secretary of State Antony Blinken' with the State Department named: Blinken -> State Department")
    func titleNamesBody() throws {
        let result = try extract(
            "Secretary of State Antony Blinken arrived on Sunday. The State Department said the visit would last two days.")
        #expect(result.has("Antony Blinken", .affiliatedWith, "State Department"), "\(result.summary)")
        #expect(!result.has("Antony Blinken", .affiliatedWith, "United States"), "\(result.summary)")
    }

    @Test("'Foreign Minister X' with the 'Ministry of Foreign Affairs' named elsewhere: a title candidate to it")
    func titleNamesBodyWrittenTheOtherWay() throws {
        let text = """
            Moldova's Ministry of Foreign Affairs issued a statement on Monday. \
            Foreign Minister Ilie Codreanu later held calls with his neighbours.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Ilie Codreanu", to: "Moldova's Ministry of Foreign Affairs")
        #expect(features.contains("rule|title"), "\(features.sorted())")
    }

    @Test("'Peruvian Foreign Minister X' and Chile's Ministry of Foreign Affairs: no title candidate across countries")
    func titleBodyOfAnotherCountry() throws {
        let text = """
            Chile's Ministry of Foreign Affairs issued a statement on Monday. \
            Peruvian Foreign Minister Ana Rojas later held calls with her neighbours.
            """
        let features = try candidateFeatures(text, .affiliatedWith, from: "Ana Rojas", to: "Chile's Ministry of Foreign Affairs")
        #expect(!features.contains("rule|title"), "\(features.sorted())")
    }

    @Test("A title alone names no body: 'Secretary of State' without 'State Department' makes no agency")
    func titleAloneNoBody() throws {
        let result = try extract("Secretary of State Antony Blinken arrived in Jakarta on Sunday.")
        #expect(result.id("State Department") == nil, "\(result.summary)")
        #expect(!result.graph.entities.contains { $0.type == .agency }, "\(result.summary)")
    }
}

@Suite("Evidence carries the sentence and its offsets in Unicode scalars")
struct EvidenceTests {
    @Test("start..<end of the evidence, in Unicode scalars, is the sentence")
    func scalarOffsets() throws {
        let sentence = "Sen. Marco Rubio criticized China on Tuesday."
        // Multi-byte text before the sentence: é (2 bytes), — (3 bytes), a flag (two 4-byte scalars).
        let text = "Protesters gathered outside the caf\u{E9} \u{2014} some waving \u{1F1E8}\u{1F1E6} flags. " + sentence
            + " The hearing ended at noon."
        let result = try extract(text)
        let relation = try #require(result.relation("Marco Rubio", .criticized, "China"), "\(result.summary)")
        #expect(relation.evidence.count == 1, "\(relation.evidence)")
        let evidence = try #require(relation.evidence.first)
        #expect(evidence.document == "t")
        #expect(evidence.sentence == sentence)
        let scalars = Array(text.unicodeScalars)
        try #require(evidence.start >= 0 && evidence.start <= evidence.end && evidence.end <= scalars.count,
                     "offsets \(evidence.start)..<\(evidence.end) outside 0..<\(scalars.count)")
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[evidence.start..<evidence.end])
        #expect(String(slice) == sentence, "offsets \(evidence.start)..<\(evidence.end)")
        let expectedStart = text.unicodeScalars.count - sentence.unicodeScalars.count - " The hearing ended at noon.".unicodeScalars.count
        #expect(evidence.start == expectedStart)
        #expect(evidence.end == expectedStart + sentence.unicodeScalars.count)
    }

    @Test("'Foreign Minister X' with two countries' foreign ministries named: the one of the country in X's sentence")
    func titleAmongBodiesOfSeveralCountries() throws {
        let result = try extract("""
            Chile's Foreign Ministry said the plan was not constructive. Peru rejected the plan, with Foreign \
            Minister Ana Rojas saying it lacked any legal basis. The Peruvian Foreign Ministry said it would respond.
            """)
        let ministries = result.graph.entities.filter { $0.type == .agency && $0.name.contains("Foreign Ministry") }
        let chile = try #require(ministries.first { $0.name.contains("Chile") }, "\(result.summary)")
        let peru = try #require(ministries.first { $0.name.contains("Peru") }, "\(result.summary)")
        let rojas = try #require(result.id("Ana Rojas"), "\(result.summary)")
        #expect(!result.graph.relations.contains { $0.source == rojas && $0.type == .affiliatedWith && $0.target == chile.id },
                "\(result.summary)")
        #expect(result.graph.relations.contains { $0.source == rojas && $0.type == .affiliatedWith && $0.target == peru.id },
                "\(result.summary)")
    }
}
