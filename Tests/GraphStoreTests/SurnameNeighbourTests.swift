import Foundation
import GraphStore
import KnowledgeGraph
import TestSupport
import Testing

/// The writer compares a new person only with the stored people whose surname could be theirs a
/// letter apart, found through an index, rather than with every stored person whose surname
/// starts with the same two letters. These build the same articles into a store that scans them
/// all (`indexCandidates(from: .max)`, the reference) and stores that use the index (for every
/// group, or once a group has grown to a few people), and compare the graphs row for row.
@Suite("Indexed candidates for a person decide as the full scan does")
struct SurnameNeighbourTests {
    /// Adds `batches` to a new store that indexes the people of a surname's first letters once
    /// there are `threshold` of them, and returns its graph.
    static func graph(after batches: [[ArticleGraph]], threshold: Int) throws -> Graph {
        let temporary = try TemporaryStore()
        temporary.store.indexCandidates(from: threshold)
        for batch in batches { try temporary.store.add(batch) }
        return try temporary.store.graph()
    }

    /// An article naming people, the first tied to `country` when there is one, the others
    /// meeting the first.
    static func article(_ document: String, people: [(name: String, aliases: [String])], country: String? = nil) -> ArticleGraph {
        var entities = people.map { Entity(name: $0.name, type: .person, aliases: $0.aliases) }
        var relations: [Relation] = []
        let first = Entity.slug(for: people[0].name)
        if let country {
            entities.append(Entity(name: country, type: .country))
            relations.append(
                Relation(
                    source: first, type: .affiliatedWith, target: Entity.slug(for: country),
                    evidence: [evidence(document, "\(people[0].name) of \(country).", at: 0)]))
        }
        for person in people.dropFirst() where Entity.slug(for: person.name) != first {
            relations.append(
                Relation(
                    source: first, type: .metWith, target: Entity.slug(for: person.name),
                    evidence: [evidence(document, "\(people[0].name) met \(person.name).", at: 40)]))
        }
        return ArticleGraph(Graph(entities: entities, relations: relations), article: record(document))
    }

    /// People written more or less alike: a doubled letter ("Asad", "Assad"), a letter changed in
    /// a long surname ("Lavrov", "Lavrow"), particles ("al-Assad", "von der Leyen"), a given name
    /// misspelt ("Park Heun-hye"), a surname alone, and surnames that share their first letters
    /// without being alike.
    static let named: [ArticleGraph] = [
        article("asad-1", people: [("Hafez Asad", [])], country: "Syria"),
        article("assad-1", people: [("Hafez Assad", ["Assad"])], country: "Syria"),
        article("assad-2", people: [("Bashar al-Assad", ["al-Assad"]), ("Hafez al-Asad", [])]),
        article("assad-3", people: [("Bashar Assad", []), ("Asma Assadi", [])], country: "Syria"),
        article("lavrov-1", people: [("Sergei Lavrov", ["Lavrov"])], country: "Russia"),
        article("lavrov-2", people: [("Sergey Lavrov", []), ("Sergei Lavrow", [])]),
        article("lavrov-3", people: [("Sergei Lavrova", []), ("Sergei Larov", [])], country: "Russia"),
        article("leyen-1", people: [("Ursula von der Leyen", ["von der Leyen"])]),
        article("leyen-2", people: [("Ursula Leyen", []), ("Ursula von der Leyden", [])], country: "Germany"),
        article("park-1", people: [("Park Geun-hye", ["Park"])], country: "South Korea"),
        article("park-2", people: [("Park Heun-hye", ["Park Geun-hye"]), ("Park Geun-hyee", [])]),
        article("lavrov-4", people: [("Lavrov", []), ("Assad", [])]),
        article("las-1", people: [("Ana Lasso", []), ("Ana Lassoo", []), ("Ana Laso", [])], country: "Ecuador"),
    ]

    @Test("Names a letter apart, with particles and misspellings: the same graph one article at a time, in one batch and reversed")
    func namedVariants() throws {
        let orders = [Self.named.map { [$0] }, [Self.named], Self.named.reversed().map { [$0] }]
        for batches in orders {
            let exhaustive = try Self.graph(after: batches, threshold: .max)
            for threshold in [0, 3] {
                let indexed = try Self.graph(after: batches, threshold: threshold)
                #expect(indexed == exhaustive, "threshold \(threshold): \(batches.map { $0.map(\.article.document) })")
            }
        }
    }

    @Test("The named articles join people through surnames a letter apart (control)")
    func namedVariantsJoin() throws {
        let graph = try Self.graph(after: Self.named.map { [$0] }, threshold: .max)
        let people = graph.entities.filter { $0.type == .person }
        // "Hafez Asad" and "Hafez Assad" are one person, by a doubled letter; so are "Sergei
        // Lavrov" and "Sergei Lavrow", a letter changed.
        #expect(
            people.contains { Set($0.aliases + [$0.name]).isSuperset(of: ["Hafez Asad", "Hafez Assad"]) },
            "\(people.map { ($0.name, $0.aliases) })")
        #expect(
            people.contains { Set($0.aliases + [$0.name]).isSuperset(of: ["Sergei Lavrov", "Sergei Lavrow"]) },
            "\(people.map { ($0.name, $0.aliases) })")
    }

    /// Surnames of one group of first letters ("As…"), some of them a letter apart, written in
    /// Latin and in Devanagari, whose vowel signs make characters of two scalars.
    static func randomArticles(seed: UInt64) -> [ArticleGraph] {
        var generator = SeededGenerator(state: seed)
        let units = ["a", "s", "d", "ss", "o", "\u{915}\u{93F}", "\u{92E}\u{940}", "\u{92E}"]
        let givens = ["Hafez", "Maria", "Maria J.", "Mariya"]
        let particles = ["", "", "al-", "von der "]
        var surnames: [String] = []
        for _ in 0..<6 {
            surnames.append(
                "As" + (0..<Int.random(in: 2...3, using: &generator)).map { _ in units.randomElement(using: &generator)! }.joined())
        }
        // Variants of the surnames drawn: a unit dropped, doubled or changed.
        for surname in surnames {
            var characters = Array(surname)
            let index = Int.random(in: 2..<characters.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: characters.remove(at: index)
            case 1: characters.insert(characters[index], at: index)
            default: characters[index] = units.randomElement(using: &generator)!.first!
            }
            surnames.append(String(characters))
        }
        var articles: [ArticleGraph] = []
        for number in 0..<24 {
            var people: [(String, [String])] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let surname = surnames.randomElement(using: &generator)!
                let particle = particles.randomElement(using: &generator)!
                if Int.random(in: 0..<6, using: &generator) == 0 {
                    people.append((particle + surname, []))  // a surname alone
                } else {
                    let aliases = Bool.random(using: &generator) ? [particle + surname] : []
                    people.append((givens.randomElement(using: &generator)! + " " + particle + surname, aliases))
                }
            }
            let country = ["Syria", "Chad", nil].randomElement(using: &generator)!
            articles.append(article("random-\(seed)-\(number)", people: people, country: country))
        }
        return articles
    }

    @Test("Random surnames of one group of first letters, one article at a time and in batches", arguments: 0..<12)
    func randomVariants(seed: UInt64) throws {
        let articles = Self.randomArticles(seed: seed)
        for batches in [articles.map { [$0] }, OrderIndependenceTests.batches(seed: seed, of: articles)] {
            let exhaustive = try Self.graph(after: batches, threshold: .max)
            for threshold in [0, 6] {
                let indexed = try Self.graph(after: batches, threshold: threshold)
                #expect(indexed == exhaustive, "seed \(seed), threshold \(threshold): \(batches.map { $0.map(\.article.document) })")
            }
        }
    }
}
