import KnowledgeGraph
import RelationExtraction
import TestSupport
import Testing

/// The construction the affiliation scorer reads between a person (or body) and a body or
/// country ("affiliated_with|frame|…"), whatever weight the model gives it.
private func frames(_ text: String, from source: String, to target: String) throws -> Set<String> {
    let prefix = "frame|"
    return Set(try candidateFeatures(text, .affiliatedWith, from: source, to: target).filter { $0.hasPrefix(prefix) }
        .map { String($0.dropFirst(prefix.count)) })
}

@Suite("Affiliation frames: appositions, brackets and a comma before the holder")
struct AffiliationFrameTests {
    @Test("'X, the Labour Party's deputy leader' reads the party as the owner of X's role")
    func appositionOwnerRole() throws {
        let found = try frames("Tomas Berg, the Labour Party's deputy leader, spoke in Oslo.", from: "Tomas Berg", to: "Labour Party")
        #expect(found.contains("apposition-owner-role"), "\(found)")
    }

    @Test("'X, a senior Hamas official' reads Hamas as the owner of the role")
    func appositionIndefinite() throws {
        let found = try frames("Omar Haddad, a senior Hamas official, was sanctioned on Tuesday.", from: "Omar Haddad", to: "Hamas")
        #expect(found.contains("apposition-owner-role"), "\(found)")
    }

    @Test("A clause after the comma is no apposition: 'X, who met the Hamas leader'")
    func clauseIsNoApposition() throws {
        let found = try frames("Omar Haddad, who met the Hamas leader, was sanctioned on Tuesday.", from: "Omar Haddad", to: "Hamas")
        #expect(!found.contains("apposition-owner-role"), "\(found)")
    }

    @Test("In a list, 'X, Kyrgyz President Sadyr Japarov' gives Kyrgyzstan to Japarov's role, not X's")
    func listItemIsNoApposition() throws {
        let found = try frames(
            "The summit included Kazakh President Kassym Tokayev, Kyrgyz President Sadyr Japarov and others.",
            from: "Kassym Tokayev", to: "Kyrgyzstan")
        #expect(!found.contains("apposition-owner-role"), "\(found)")
    }

    @Test("A name between the role and the holder takes the role: 'Indian Prime Minister Modi and Chinese President Xi'")
    func nameBetween() throws {
        let text = "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping met in Kazan."
        let xi = try frames(text, from: "Xi Jinping", to: "India")
        #expect(!xi.contains("modifier-role") && xi.contains("role-past-name"), "\(xi)")
        let modi = try frames(text, from: "Narendra Modi", to: "India")
        #expect(modi.contains("modifier-role"), "\(modi)")
    }

    @Test("A place after 'to' is where the role is held: 'US Ambassador to Peru Laura Quist'")
    func placeAfterTo() throws {
        let found = try frames("US Ambassador to Peru Laura Quist was summoned on Monday.", from: "Laura Quist", to: "United States")
        #expect(found.contains("modifier-role"), "\(found)")
    }

    @Test("'X (Hamas)' reads a body in brackets right after a name")
    func bracketed() throws {
        let found = try frames("The list named Omar Haddad (Hamas) and two others.", from: "Omar Haddad", to: "Hamas")
        #expect(found.contains("bracketed"), "\(found)")
    }

    @Test("'Ruritania's ambassador, X' and 'the Ruritanian prime minister, X' read a comma before the holder")
    func commaBeforeHolder() throws {
        let possessive = try frames("Canada's ambassador, Laura Quist, left Lima on Monday.", from: "Laura Quist", to: "Canada")
        #expect(possessive.contains("possessive-role"), "\(possessive)")
        let modifier = try frames("The Sudanese prime minister, Abdel Osman, met donors on Monday.", from: "Abdel Osman", to: "Sudan")
        #expect(modifier.contains("modifier-role"), "\(modifier)")
    }

    @Test("A comma that ends a list is no role: 'Canada, Peru, Laura Quist'")
    func listIsNoRole() throws {
        let found = try frames("The talks joined Canada, Peru and Laura Quist on Monday.", from: "Laura Quist", to: "Canada")
        #expect(found.isEmpty, "\(found)")
    }

    @Test("'the International Monetary Fund (IMF)'s managing director, X': the bracketed short name is the target's")
    func bracketedShortName() throws {
        let found = try frames(
            "Milei met the International Monetary Fund (IMF)'s managing director, Kristina Varga, on Wednesday.",
            from: "Kristina Varga", to: "International Monetary Fund")
        #expect(found.contains("possessive-role"), "\(found)")
    }
}
