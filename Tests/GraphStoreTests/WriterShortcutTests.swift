import GraphStore
import KnowledgeGraph
import TestSupport
import Testing

/// The writer's shortcuts against the general ways they stand for: a surname found byte by byte
/// against the one found character by character, and a writer that remembers the store between
/// batches against writers that start each batch knowing nothing.
@Suite("The store writer's shortcuts give what their general twins give")
struct WriterShortcutTests {
    @Test(
        "A surname found byte by byte is the one found character by character",
        arguments: [
            "antony blinken", "blinken", "", " ", "bashar al assad", "kim jong un ", "o brien", "erdoğan recep", "recep tayyip erdoğan",
            "zoë ", "a \u{301}b", "jean-luc e\u{301}cole", "x\r\ny z", "\u{600} abc", "abc \u{200D}def", "12 34",
        ])
    func surname(of folded: String) {
        #expect(NameFolding.surname(of: folded) == NameFolding.surnameByCharacters(of: folded))
    }

    @Test(
        "A name's particles are dropped byte by byte as character by character",
        arguments: [
            "bashar al assad", "al assad", "al", "al al", "", " ", "antony blinken", "juan de la cruz", "ursula von der leyen",
            "osama bin laden ", "  bin  laden", "x\r\ny al z", "recep tayyip erdoğan", "al \u{301}assad", "de\u{301} la cruz",
        ])
    func personKey(of folded: String) {
        #expect(NameFolding.personKey(folded) == NameFolding.personKeyByCharacters(folded))
    }

    @Test("Random names (seeded), with and without particles, lose the same particles byte by byte as character by character")
    func randomPersonKeys() {
        var generator = SeededGenerator(state: 31)
        let words = [
            "al", "bin", "de", "la", "von", "der", "dos", "ibn", "abdul", "assad", "a", "alx", "dé", "é", "", "\r\n", "bint", "vonn",
        ]
        var changed = 0
        for _ in 0..<3000 {
            let name = (0..<Int.random(in: 0...5, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "  ")
            let expected = NameFolding.personKeyByCharacters(name)
            if expected != name { changed += 1 }
            #expect(NameFolding.personKey(name) == expected, "\(name.debugDescription)")
        }
        // Particles are dropped often enough to test both answers.
        #expect(changed > 100)
    }

    @Test(
        "A misspelt name is found byte by byte as character by character",
        arguments: [
            ("park heun hye", "park geun hye"), ("park geun hye", "park geun hye"), ("sergey lavrov", "sergei lavrov"),
            ("ab cd", "ab ce"), ("abc def", "abd deg"), ("antony blinken", "antony j blinken"), ("a  bcd", "a bce"),
            (" kim jong un", "kim jong um "), ("blinken", "blinkem"), ("", ""), ("x\r\ny abc", "x\r\ny abd"),
            ("jose garcía", "jose garcia"), ("zoë smith", "zoe smith"), ("a \u{301}bcd", "a bcd"), ("abc 123", "abc 124"),
        ])
    func misspelling(of pair: (String, String)) {
        #expect(GraphStore.isMisspelling(pair.0, of: pair.1) == GraphStore.isMisspellingByCharacters(pair.0, of: pair.1))
        #expect(GraphStore.isMisspelling(pair.1, of: pair.0) == GraphStore.isMisspellingByCharacters(pair.1, of: pair.0))
    }

    @Test("Random names (seeded), a letter or a word apart, are misspellings byte by byte as character by character")
    func randomMisspellings() {
        var generator = SeededGenerator(state: 29)
        let letters: [String] = ["a", "b", "e", "k", "n", "o", " ", " ", "é", "\u{301}", "\r\n", "1"]
        var misspelt = 0
        for _ in 0..<4000 {
            let length = Int.random(in: 0...14, using: &generator)
            var first = (0..<length).map { _ in letters.randomElement(using: &generator)! }
            var second = first
            // Mostly one change: a letter replaced, added or dropped.
            for _ in 0..<Int.random(in: 0...2, using: &generator) where !second.isEmpty {
                let index = Int.random(in: 0..<second.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: second[index] = letters.randomElement(using: &generator)!
                case 1: second.insert(letters.randomElement(using: &generator)!, at: index)
                default: second.remove(at: index)
                }
            }
            if Bool.random(using: &generator) { swap(&first, &second) }
            let (a, b) = (first.joined(), second.joined())
            let expected = GraphStore.isMisspellingByCharacters(a, of: b)
            if expected { misspelt += 1 }
            #expect(GraphStore.isMisspelling(a, of: b) == expected, "\(a.debugDescription) / \(b.debugDescription)")
        }
        // The names above are misspellings often enough to test both answers.
        #expect(misspelt > 100)
    }

    /// Articles naming people whose surnames share their first letters, some a letter apart
    /// ("Kowalsky", "Kowalski"), some not ("Kowalczyk"), and a name alone.
    static let articles: [(Graph, String)] = [
        ("Maria Kowalsky", "Poland"), ("Maria Kowalski", "Germany"), ("Piotr Kowalczyk", "Poland"), ("Kowalski", "France"),
        ("Maria Kowalsky", "Austria"), ("Ana Kowalska", "Poland"), ("Anna Kowalska", "Italy"), ("Piotr Kowalczyk", "Spain"),
    ].enumerated().map { index, pair in
        (IdentityFixtures.person(pair.0, criticized: pair.1, document: "article-\(index)"), "article-\(index)")
    }

    @Test("Articles added one call at a time give the graph a store reopened before every call gives")
    func rememberedLookupsAgreeWithTheStore() throws {
        let remembering = try TemporaryStore()
        for (graph, document) in Self.articles { try remembering.store.add(graph, article: record(document)) }

        // A store opened anew for each article reads every lookup from SQLite.
        let path = TemporaryStore.makePath()
        defer { TemporaryStore.remove(path) }
        for (graph, document) in Self.articles {
            let store = try GraphStore(path: path)
            try store.add(graph, article: record(document))
        }
        let fresh = try IdentityFixtures.summary(of: GraphStore(path: path))
        let remembered = try IdentityFixtures.summary(of: remembering.store)
        #expect(remembered == fresh)
        // The two spellings of Maria's surname are one person, whoever came first.
        #expect(remembered.filter { $0.hasPrefix("Maria Kowalsk") && $0.contains("[person]") }.count == 1, "\(remembered)")
    }

    @Test("A surname a letter apart is found in a later batch, after the writer remembered its first letters")
    func spellingAddedAfterLookup() throws {
        let temporary = try TemporaryStore()
        // The first article makes the writer look up (and remember) the people whose surname
        // begins "ko"; the second adds one; the third must find her.
        try temporary.store.add(
            IdentityFixtures.person("Piotr Kowalczyk", criticized: "Poland", document: "first"), article: record("first"))
        try temporary.store.add(
            IdentityFixtures.person("Maria Kowalsky", criticized: "Germany", document: "second"),
            article: record("second"))
        try temporary.store.add(
            IdentityFixtures.person("Maria Kowalski", criticized: "France", document: "third"), article: record("third"))
        let people = try temporary.store.entities(types: [.person]).map(\.name).sorted()
        #expect(people.count == 2, "\(people)")
    }
}
