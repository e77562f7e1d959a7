import EntityRecognition
import KnowledgeGraph
import Testing

/// Where a name begins and ends when a number, a plural title or a second owner's name stands next
/// to it: "the 300 Kalba gang", "Congressmen Walter Holding", "the X Fund of Iran and Iran's Y".
@Suite("Name edges: numbers in group names, plural titles, a second owner after 'and'")
struct NumberedNameTests {
    @Test("A number before a gang's name is part of it, and 'the Kraze gang' later is the same gang")
    func numberBeforeName() throws {
        let result = try Recognized(
            """
            Police said the 300 Kraze gang had blocked the road since Monday. \
            Residents said the Kraze gang took the fuel trucks.
            """)
        let gang = try #require(result.entity(named: "300 Kraze"), "\(result.summary)")
        #expect(gang.type == .organization, "\(result.summary)")
        #expect(result.entities.count == 1, "\(result.summary)")
    }

    @Test("A number after a gang's name is part of it, also before 'and' and a second name: 'Calle 7 and Rua 9 gangs'")
    func numberAfterName() throws {
        let result = try Recognized("The mayor was accused of ties with the Calle 7 and Rua 9 gangs.")
        #expect(result.entity(named: "Calle 7")?.type == .organization, "\(result.summary)")
        #expect(result.entity(named: "Rua 9")?.type == .organization, "\(result.summary)")
    }

    @Test("A number without an organization noun after the name stays out: 'the 300 Kraze fighters'")
    func numberWithoutNoun() throws {
        let result = try Recognized("Officials said the 300 Kraze fighters had left the town on Monday.")
        #expect(result.entity(named: "300 Kraze") == nil, "\(result.summary)")
    }

    @Test("The plural of a title in '-man' introduces a person: 'Congressmen Walter Holding'")
    func pluralTitleInMen() throws {
        let result = try Recognized("The delegation included Congressmen Walter Holding and Peter Olsen.")
        let person = try #require(result.entity(named: "Walter Holding"), "\(result.summary)")
        #expect(person.type == .person, "\(result.summary)")
        #expect(result.entities.allSatisfy { $0.type != .organization }, "\(result.summary)")
    }

    @Test("A title, then a given name and a company word, is a person: 'Congressman Walter Holding'")
    func titleThenNameWithCompanyWord() throws {
        let result = try Recognized("Congressman Walter Holding said the visit had been useful.")
        #expect(result.entity(named: "Walter Holding")?.type == .person, "\(result.summary)")
    }

    @Test("After 'and', a country's possessive opens a second body: 'the X Fund of Iran and Iran's Y Organization'")
    func possessiveAfterAnd() throws {
        let result = try Recognized(
            "The Treasury listed the Central Reserve Fund of Iran and Iran's Marine Industries Organization on Monday.")
        #expect(result.entity(named: "Central Reserve Fund of Iran") != nil, "\(result.summary)")
        #expect(result.entities.allSatisfy { !$0.name.contains(" and ") }, "\(result.summary)")
    }
}

@Suite("Long names with particles")
struct ParticleNameTests {
    @Test("Particles standing as words do not make a name too long: 'Hamad bin Tariq Al Qasimi' with no title")
    func particlesAreNoWords() throws {
        let result = try Recognized("The delegation met Hamad bin Tariq Al Qasimi in the capital on Monday.")
        #expect(result.entity(named: "Hamad bin Tariq Al Qasimi")?.type == .person, "\(result.summary)")
    }

    @Test("A title word before 'bin' is a given name: 'Prince Sultan bin Fahad bin Nasser'")
    func titleWordBeforePatronymic() throws {
        let result = try Recognized("The dinner was hosted by Prince Sultan bin Fahad bin Nasser, and many guests came.")
        #expect(result.entity(named: "Sultan bin Fahad bin Nasser")?.type == .person, "\(result.summary)")
    }
}
