import Testing
import KnowledgeGraph

@Suite("Entity slugs")
struct EntitySlugTests {
    @Test("Latin diacritics fold to plain ASCII letters")
    func foldsDiacritics() {
        #expect(Entity.slug(for: "Erdoğan") == "erdogan")
        #expect(Entity.slug(for: "Recep Tayyip Erdoğan") == "recep-tayyip-erdogan")
        #expect(Entity.slug(for: "Łukasz Šimůnek") == "lukasz-simunek")
        #expect(Entity.slug(for: "ÉMILE ZOLA") == "emile-zola")
    }

    @Test("Runs of spaces and punctuation become one hyphen, dots and apostrophes vanish")
    func punctuation() {
        #expect(Entity.slug(for: "U.S. Department of the Treasury") == "us-department-of-the-treasury")
        #expect(Entity.slug(for: "Conan O'Brien") == "conan-obrien")
        #expect(Entity.slug(for: "Conan O\u{2019}Brien") == "conan-obrien")
        #expect(Entity.slug(for: "  Xi   Jinping!! ") == "xi-jinping")
        #expect(Entity.slug(for: "Bashar al-Assad") == "bashar-al-assad")
        #expect(Entity.slug(for: "Procter & Gamble, Inc.") == "procter-gamble-inc")
    }

    @Test("Digits are kept alongside letters")
    func digits() {
        #expect(Entity.slug(for: "G20 Summit 2024") == "g20-summit-2024")
    }

    @Test("Non-Latin scripts are kept as they are")
    func otherScripts() {
        #expect(Entity.slug(for: "习近平") == "习近平")
        #expect(Entity.slug(for: "Владимир Путин") == "владимир-путин")
        #expect(Entity.slug(for: "Xi Jinping 习近平") == "xi-jinping-习近平")
    }

    @Test("A name with no letters or digits still gets a usable id")
    func emptyNames() {
        #expect(Entity.slug(for: "") == "entity")
        #expect(Entity.slug(for: "—!?") == "entity")
    }

    @Test("An entity's id defaults to the slug of its name, and an explicit id wins")
    func defaultID() {
        let folded = Entity(name: "Mevlüt Çavuşoğlu", type: .person)
        #expect(folded.id == "mevlut-cavusoglu")
        #expect(folded.mentions == 1)
        #expect(folded.aliases.isEmpty)
        let explicit = Entity(id: "custom", name: "Mevlüt Çavuşoğlu", type: .person)
        #expect(explicit.id == "custom")
    }
}

@Suite("Relation endpoints")
struct RelationTests {
    @Test("met_with is symmetric: its endpoints are stored sorted")
    func symmetricOrdering() {
        let forward = Relation(source: "antony-blinken", type: .metWith, target: "xi-jinping")
        let backward = Relation(source: "xi-jinping", type: .metWith, target: "antony-blinken")
        #expect(backward.source == "antony-blinken")
        #expect(backward.target == "xi-jinping")
        #expect(forward.key == backward.key)
        #expect(RelationType.metWith.isSymmetric)
    }

    @Test("Directed relations keep the order they were given", arguments: [
        RelationType.sanctioned, .criticized, .affiliatedWith, "funded",
    ])
    func directedOrdering(type: RelationType) {
        let relation = Relation(source: "us-treasury", type: type, target: "huawei")
        #expect(relation.source == "us-treasury")
        #expect(relation.target == "huawei")
        #expect(!type.isSymmetric)
        let reversed = Relation(source: "huawei", type: type, target: "us-treasury")
        #expect(reversed.source == "huawei")
        #expect(relation.key != reversed.key)
    }

    @Test("Relation types are an open set of names; the built-in ones have the contract's raw values")
    func relationTypeNames() {
        #expect(RelationType.builtIn.map(\.rawValue) == ["sanctioned", "met_with", "criticized", "affiliated_with"])
        let custom: RelationType = "funded"
        #expect(custom.rawValue == "funded")
        #expect(custom.description == "funded")
        #expect(RelationType.affiliatedWith < RelationType.sanctioned)
    }

    @Test("Entity types order person, agency, country, organization")
    func entityTypeOrder() {
        #expect(EntityType.allCases.sorted() == [.person, .agency, .country, .organization])
        #expect(EntityType.allCases.map(\.rawValue).sorted() == ["agency", "country", "organization", "person"])
    }
}
