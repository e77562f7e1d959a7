import Foundation
import GraphStore
import KnowledgeGraph
import Testing

/// Three dated articles and one undated one about the same two people and a country.
///
/// - 2023-11-20: Duarte criticized Lima.
/// - 2024-02-10: Duarte met Lima; Lima belongs to Peru.
/// - 2024-09-03: Duarte criticized Lima again.
/// - undated: Lima criticized Duarte.
enum Dated {
    static func article(_ document: String, date: String?, _ relations: [(String, RelationType, String, String)]) -> ArticleGraph {
        let graph = Graph(
            entities: [
                Entity(name: "Ines Duarte", type: .person),
                Entity(name: "Ana Lima", type: .person),
                Entity(name: "Peru", type: .country),
            ],
            relations: relations.map { source, type, target, sentence in
                Relation(source: source, type: type, target: target, evidence: [
                    Evidence(document: document, sentence: sentence, start: 0, end: sentence.unicodeScalars.count, date: date),
                ])
            })
        return ArticleGraph(graph, article: ArticleRecord(document: document, path: "/\(document).txt", title: document, date: date,
                                                          text: Array("Text of \(document)".utf8)))
    }

    static func store() throws -> TemporaryStore {
        let temporary = try TemporaryStore()
        try temporary.store.add([
            article("autumn", date: "2023-11-20", [("ines-duarte", .criticized, "ana-lima", "Duarte criticized Lima.")]),
            article("winter", date: "2024-02-10", [
                ("ines-duarte", .metWith, "ana-lima", "Duarte met Lima."),
                ("ana-lima", .affiliatedWith, "peru", "Lima, Peru's trade minister, spoke."),
            ]),
            article("spring", date: nil, [("ana-lima", .criticized, "ines-duarte", "Lima criticized Duarte.")]),
            article("later", date: "2024-09-03", [("ines-duarte", .criticized, "ana-lima", "Duarte criticized Lima again.")]),
        ])
        return temporary
    }
}

@Suite("Date ranges")
struct DateRangeTests {
    @Test("A year, a month or a day; both ends inclusive")
    func bounds() throws {
        let year = try DateRange(since: "2024", until: "2024")
        #expect(year.contains("2024-01-01") && year.contains("2024-12-31"))
        #expect(!year.contains("2023-12-31") && !year.contains("2025-01-01"))
        let month = try DateRange(since: "2024-02", until: "2024-02")
        #expect(month.contains("2024-02-29") && !month.contains("2024-03-01") && !month.contains("2024-01-31"))
        let day = try DateRange(since: "2024-02-10", until: nil)
        #expect(day.contains("2024-02-10") && !day.contains("2024-02-09") && day.contains("2099-01-01"))
        #expect(!day.contains(nil))
        #expect(DateRange.all.contains(nil) && DateRange.all.isUnbounded)
    }

    @Test("A bound that is not a date, or a range that ends before it starts, is refused with a clear reason",
          arguments: [("2024-13", nil), ("24", nil), ("2024-1-5", nil), ("yesterday", nil), ("2024-02-30x", nil), (nil, "2024-00"),
                      ("2025", "2024")] as [(String?, String?)])
    func refused(since: String?, until: String?) {
        #expect(throws: StoreError.self) { try DateRange(since: since, until: until) }
        do {
            _ = try DateRange(since: since, until: until)
        } catch {
            #expect(error.kind == .invalidRequest)
            #expect(error.description.contains("YYYY") || error.description.contains("after"))
        }
    }
}

@Suite("Queries over a span of time")
struct StoreDateQueryTests {
    @Test("neighbors in a range weighs edges by the articles in it and shows evidence from it")
    func neighborsInRange() throws {
        let temporary = try Dated.store()
        let all = try #require(try temporary.store.neighbors(of: "Duarte")).1
        #expect(all.first { $0.relation == .criticized && $0.direction == .outgoing }?.weight == 2)

        let range = try DateRange(since: "2024", until: nil)
        let recent = try #require(try temporary.store.neighbors(of: "Duarte", query: NeighborQuery(dates: range))).1
        let criticized = try #require(recent.first { $0.relation == .criticized })
        #expect(criticized.weight == 1)
        #expect(criticized.evidence?.sentence == "Duarte criticized Lima again.")
        #expect(criticized.evidence?.date == "2024-09-03")
        // The undated article's edge (Lima criticized Duarte) is in no bounded range.
        #expect(!recent.contains { $0.relation == .criticized && $0.direction == .incoming })
        #expect(recent.contains { $0.relation == .metWith })

        let early = try #require(try temporary.store.neighbors(of: "Duarte",
                                                                 query: NeighborQuery(dates: try DateRange(since: nil, until: "2023"))))
        #expect(early.1.map(\.relation) == [.criticized])
    }

    @Test("path follows only edges stated in the range")
    func pathInRange() throws {
        let temporary = try Dated.store()
        let through = try #require(try temporary.store.path(from: "Duarte", to: "Peru"))
        #expect(through.steps.count == 2)
        let before = try #require(try temporary.store.path(from: "Duarte", to: "Peru", dates: try DateRange(since: nil, until: "2023-12")))
        #expect(before.steps.isEmpty)
        let winter = try #require(try temporary.store.path(from: "Duarte", to: "Peru", dates: try DateRange(since: "2024-02", until: "2024-02")))
        #expect(winter.steps.map(\.relation) == [.metWith, .affiliatedWith])
    }

    @Test("The graph of a range keeps the evidence in it, the edges left with some, and the entities its articles name")
    func graphInRange() throws {
        let temporary = try Dated.store()
        let autumn = try temporary.store.graph(dates: try DateRange(since: "2023-11", until: "2023-11"))
        #expect(autumn.relations.map(\.type) == [.criticized])
        #expect(autumn.relations.first?.evidence.map(\.document) == ["autumn"])
        #expect(Set(autumn.entities.map(\.name)) == ["Ines Duarte", "Ana Lima", "Peru"])
        let whole = try temporary.store.graph()
        #expect(whole.relations.count == 4)
        let repeated = try #require(whole.relations.first { $0.type == .criticized && $0.source == "ines-duarte" })
        #expect(repeated.firstSeen == "2023-11-20")
        #expect(repeated.lastSeen == "2024-09-03")
    }

    @Test("timeline lists the dated sentences between two entities, oldest first, either direction, and counts undated ones")
    func timeline() throws {
        let temporary = try Dated.store()
        let timeline = try #require(try temporary.store.timeline(between: "Lima", and: "Duarte"))
        #expect(timeline.first.name == "Ana Lima")
        #expect(timeline.entries.map(\.date) == ["2023-11-20", "2024-02-10", "2024-09-03"])
        #expect(timeline.entries.map(\.relation) == [.criticized, .metWith, .criticized])
        #expect(timeline.entries.first?.source.name == "Ines Duarte")
        #expect(timeline.entries.first?.target.name == "Ana Lima")
        #expect(timeline.undated == 1)

        let criticismIn2024 = try #require(try temporary.store.timeline(between: "Duarte", and: "Lima", relations: [.criticized],
                                                                           dates: try DateRange(since: "2024", until: nil)))
        #expect(criticismIn2024.entries.map(\.evidence.sentence) == ["Duarte criticized Lima again."])
        #expect(try temporary.store.timeline(between: "Duarte", and: "Nobody") == nil)
        #expect(try temporary.store.timeline(between: "Peru", and: "Duarte")?.entries.isEmpty == true)
    }
}
