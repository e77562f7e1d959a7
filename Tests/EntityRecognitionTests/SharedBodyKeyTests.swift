import EntityRecognition
import Testing

/// What an article tells a store about its bodies: the key of a name many states' bodies share,
/// and the country the article's words tie a body to.
@Suite("Bodies many states have: their shared key and their country")
struct SharedBodyKeyTests {
    /// The key and stated country of the entity named `name` in `text`.
    static func identity(of name: String, in text: String) throws -> (key: String?, country: String?) {
        let recognized = try Recognized(text)
        let index = try #require(recognized.index(of: name), "\(recognized.summary)")
        return (recognized.analysis.sharedBodyKeys()[index], recognized.analysis.statedCountries()[index])
    }

    @Test(
        "A shared name with its country before it, after 'of', or none, has one key",
        arguments: [
            ("The Chinese Foreign Ministry criticized the sale on Monday.", "Chinese Foreign Ministry", "China"),
            ("Russia's Foreign Ministry said on Monday that the talks would resume.", "Russia's Foreign Ministry", "Russia"),
            ("The Ministry of Foreign Affairs of China criticized the visit on Friday.", "Ministry of Foreign Affairs of China", "China"),
        ])
    func keyedWithCountry(text: String, name: String, country: String) throws {
        let identity = try Self.identity(of: name, in: text)
        #expect(identity.key == "foreign ministry")
        #expect(identity.country == country)
    }

    @Test("A shared name with no country has its key and no country")
    func keyedWithoutCountry() throws {
        let identity = try Self.identity(of: "Foreign Ministry", in: "The Foreign Ministry said on Monday that the talks would resume.")
        #expect(identity.key == "foreign ministry")
        #expect(identity.country == nil)
    }

    @Test("A name with a word of its own is no shared name, though the article also calls it by its head alone")
    func ownName() throws {
        let text = "The Trump administration criticized the vote on Monday. The administration said it would respond."
        let identity = try Self.identity(of: "Trump administration", in: text)
        #expect(identity.key == nil)
    }
}

@Suite("A body named after the body it belongs to is not that body")
struct BodyOfBodyTests {
    @Test("'the Majlis' after 'the Iran-Armenia Friendship Group of the Majlis' is the Majlis, not the group")
    func bodyAfterOf() throws {
        let text = """
            The Iran-Armenia Parliamentary Friendship Group of the Majlis visited Yerevan on Monday. \
            The Majlis approved the budget on Tuesday.
            """
        let recognized = try Recognized(text)
        let majlis = recognized.entities(calling: "Majlis")
        #expect(majlis.map(\.name) == ["Majlis"], "\(recognized.summary)")
    }

    @Test("'the Ministry of Commerce' is one ministry: its portfolio is no body the lexicon knows by that word")
    func portfolioIsNoBody() throws {
        let recognized = try Recognized("Beijing will answer the tariffs, the Ministry of Commerce said on Monday.")
        #expect(recognized.entities(ofType: .agency).map(\.name) == ["Ministry of Commerce"], "\(recognized.summary)")
    }
}

@Suite("A people's plural is no person")
struct PeoplePluralTests {
    @Test(
        "A demonym with an 's' names a people, whether alone or before a speech verb",
        arguments: ["Many Russians said the war would end soon.", "The lawmaker said the Americans would come back."])
    func plural(text: String) throws {
        let recognized = try Recognized(text)
        #expect(recognized.entities(ofType: .person).filter { $0.name.hasSuffix("ans") }.isEmpty, "\(recognized.summary)")
    }

    @Test("A surname that ends in 's' is still a person's")
    func surnameWithS() throws {
        let recognized = try Recognized("Senator Nigel Evans said the vote would come. Evans spoke in London.")
        #expect(recognized.entity(named: "Nigel Evans")?.type == .person, "\(recognized.summary)")
    }
}

@Suite("A body named in lowercase by its kind")
struct LowercaseBodyTests {
    @Test("'the foreign ministry said' names an agency")
    func named() throws {
        let recognized = try Recognized("China imposed sanctions on nine firms on Wednesday, the foreign ministry said.")
        #expect(recognized.entities(ofType: .agency).map(\.name) == ["foreign ministry"], "\(recognized.summary)")
    }

    @Test("'the foreign ministry' after the country's Foreign Ministry is that ministry")
    func refersBack() throws {
        let text = "Japan's Foreign Ministry protested on Monday. The envoy was summoned, the foreign ministry said."
        let recognized = try Recognized(text)
        #expect(recognized.entities(ofType: .agency).count == 1, "\(recognized.summary)")
    }

    @Test("A head alone ('the army') names no body")
    func headAlone() throws {
        let recognized = try Recognized("Witnesses said the army had left the town by Monday.")
        #expect(recognized.entities(ofType: .agency).isEmpty, "\(recognized.summary)")
    }
}

@Suite("A body's head with 'on' after it")
struct HeadWithOnTests {
    @Test("'the Committee on Foreign Relations' is an agency, not a person")
    func committeeOn() throws {
        let recognized = try Recognized("The Committee on Foreign Relations met on Monday to debate the treaty.")
        #expect(recognized.entity(named: "Committee on Foreign Relations")?.type == .agency, "\(recognized.summary)")
    }
}

@Suite("A newspaper's title before a body's head")
struct NewspaperTitleTests {
    @Test("'The Australian government' is Australia, not the newspaper")
    func government() throws {
        let recognized = try Recognized("The Australian government has sounded the alarm about the deal.")
        #expect(recognized.entities(ofType: .organization).isEmpty, "\(recognized.summary)")
        #expect(recognized.entity(named: "Australia")?.type == .country, "\(recognized.summary)")
    }
}

@Suite("A ministry named by its kind after the name the lexicon knows it by")
struct KnownMinistryTests {
    @Test("'the Ministry of Commerce' after 'the Chinese Ministry of Commerce' is that ministry")
    func refersBack() throws {
        let text = "The Chinese Ministry of Commerce noted the sanctions. The cooperation would suffer, the Ministry of Commerce said."
        let recognized = try Recognized(text)
        #expect(recognized.entities(ofType: .agency).count == 1, "\(recognized.summary)")
    }
}

@Suite("A website's name with its domain")
struct WebsiteTests {
    @Test(
        "A capitalized name with its domain against it is an organization",
        arguments: [
            ("Civil.ge reported that the talks failed.", "Civil.ge"), ("According to Censor.NET, the strike hit a depot.", "Censor.NET"),
        ])
    func site(text: String, name: String) throws {
        let recognized = try Recognized(text)
        #expect(recognized.entity(named: name)?.type == .organization, "\(recognized.summary)")
    }

    /// Found by the extraction fuzzer: the site overlapped "NEW DELHI", and the relation
    /// extractor read an inverted range between the two and crashed.
    @Test("A domain that starts a name the lexicons know makes no website: 'S.NEW DELHI'")
    func domainStartsKnownName() throws {
        let recognized = try Recognized("S.NEW DELHI phone")
        #expect(recognized.entities(ofType: .organization).isEmpty, "\(recognized.summary)")
        let mentions = recognized.analysis.mentions
        for (first, second) in zip(mentions, mentions.dropFirst()) {
            #expect(first.tokens.upperBound <= second.tokens.lowerBound, "\(recognized.summary)")
        }
    }

    @Test("Two sentences a missing space glued together make no website")
    func missingSpace() throws {
        let recognized = try Recognized("The talks failed in Iran.The envoy left on Monday.")
        #expect(recognized.entities(ofType: .organization).isEmpty, "\(recognized.summary)")
    }
}
