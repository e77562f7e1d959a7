import EntityRecognition
import KnowledgeGraph
import Testing

@Suite("Site boilerplate lines produce no entities")
struct BoilerplateTests {
    @Test("'Follow X on Twitter' and 'CLICK HERE ...' lines produce nothing")
    func boilerplateOnly() throws {
        let result = try Recognized(
            "Follow Megan Carter on Twitter @mcarter\nCLICK HERE TO GET THE DAILY BRIEFING APP\n")
        #expect(result.entities.isEmpty, "\(result.summary)")
        #expect(result.analysis.mentions.isEmpty, "mentions: \(result.analysis.mentions.count); \(result.summary)")
    }

    @Test("The same name outside a boilerplate line is a person (control)")
    func nameOutsideBoilerplate() throws {
        let result = try Recognized("Megan Carter said on Twitter that the vote had been delayed.")
        #expect(result.entity(named: "Megan Carter")?.type == .person, "\(result.summary)")
    }

    @Test("Boilerplate after the story drops out, the story's entities stay")
    func storyThenBoilerplate() throws {
        let result = try Recognized(
            "Canada expelled two diplomats on Monday.\nFollow Megan Carter on Twitter @mcarter\n"
                + "Click here to read more about Reuters coverage\n")
        #expect(result.entities.map(\.name) == ["Canada"], "\(result.summary)")
    }
}

@Suite("An all-caps dateline names no entity by itself")
struct DatelineTests {
    @Test("'WASHINGTON —' at the start of a story makes no entity")
    func datelineOnly() throws {
        let result = try Recognized("WASHINGTON \u{2014} The committee met on Tuesday to review the budget.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }

    @Test("'WASHINGTON -' with a hyphen makes no entity either")
    func datelineHyphen() throws {
        let result = try Recognized("WASHINGTON - The committee met on Tuesday to review the budget.")
        #expect(result.entities.isEmpty, "\(result.summary)")
    }
}

@Suite("Headlines: title case needs lowercase function words only")
struct HeadlineStyleTests {
    @Test("A cut-off last line with a lowercase verb is no headline: its body is named")
    func cutOffLine() throws {
        let result = try Recognized("Troops left the capital on Friday.\nMali's Border and Customs Police reported on Tuesday that the")
        #expect(!result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test("A real title-case headline still names no body by its capitals alone")
    func titleCaseHeadline() throws {
        let result = try Recognized("Border Guard Forces Close Crossing to Trucks\nThe crossing closed on Friday.")
        #expect(result.entities(ofType: .agency).isEmpty, "\(result.summary)")
    }

    @Test("A title at the start of a line after a quoted headline still takes its name")
    func titleAfterQuotedLine() throws {
        let result = try Recognized("\u{201C}Prices will fall after approval\u{201D}\n\nState Minister of Finance Nimal Perera said so.")
        #expect(result.entity(named: "Nimal Perera")?.type == .person, "\(result.summary)")
    }

    @Test("A headline's capitalized verb ends the name before it: 'Okafor Meets Sauli Niemi' names neither as one")
    func headlineVerbEndsName() throws {
        let result = try Recognized(
            "Okafor Meets Sauli Niemi in Lima, Then Tours the Port\n\nPresident Sauli Niemi of Finland met Foreign Minister Ada Okafor in Lima.")
        let niemi = try #require(result.entity(named: "Sauli Niemi"), "\(result.summary)")
        #expect(!niemi.aliases.contains { $0.contains("Meets") }, "\(result.summary)")
        #expect(result.entities.allSatisfy { !$0.name.contains("Meets") }, "\(result.summary)")
    }
}
