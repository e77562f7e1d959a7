import Foundation
import NewsGraph

/// What makes a request unanswerable: the HTTP status and one line saying why. The API answers it
/// as `{"error": "…"}`, the pages as a short page.
public struct RequestError: Error, Sendable, Equatable {
    public var status: Int
    public var message: String

    public init(status: Int, _ message: String) {
        self.status = status
        // One line whatever the input echoed in it held.
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    static func badRequest(_ message: String) -> RequestError { RequestError(status: 400, message) }
    static func notFound(_ message: String) -> RequestError { RequestError(status: 404, message) }
}

/// A request's query string, decoded as browsers encode forms: `+` is a space, `%XX` a byte of
/// UTF-8. Hummingbird's own decoding leaves `+` as it is, which would turn a typed space into a
/// plus sign, so the raw query is decoded here.
struct QueryParameters: Sendable {
    private var values: [String: [String]] = [:]
    /// A form sends its empty fields as `name=`, which the pages take as "not given"; the API,
    /// whose document gives each parameter's form, refuses them.
    private var refusesEmptyValues = false

    init(_ query: String?, refusingEmptyValues: Bool = false) throws(RequestError) {
        refusesEmptyValues = refusingEmptyValues
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try QueryParameters.decode(parts[0])
            let value = parts.count > 1 ? try QueryParameters.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) throws(RequestError) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        guard let decoded = spaced.removingPercentEncoding else {
            throw .badRequest("the query string is not valid percent-encoded UTF-8")
        }
        return decoded
    }

    /// The parameter's value, nil when absent or empty (an empty form field means "not given");
    /// given twice it is a bad request, since which one was meant cannot be told.
    func single(_ name: String) throws(RequestError) -> String? {
        let given = try nonEmpty(name)
        guard given.count <= 1 else { throw .badRequest("give '\(name)' once") }
        return given.first
    }

    /// The parameter's value, which must be there.
    func required(_ name: String) throws(RequestError) -> String {
        guard let value = try single(name) else { throw .badRequest("the '\(name)' parameter is missing") }
        return value
    }

    /// Every non-empty value of a repeatable parameter.
    func all(_ name: String) throws(RequestError) -> [String] {
        try nonEmpty(name)
    }

    private func nonEmpty(_ name: String) throws(RequestError) -> [String] {
        let given = values[name, default: []]
        if refusesEmptyValues && given.contains("") { throw .badRequest("the '\(name)' parameter is empty") }
        return given.filter { !$0.isEmpty }
    }
}

/// The filters of a neighbourhood, as the entity page and `/api/entities/{id}/neighbors` take them.
struct NeighborhoodFilters: Sendable, Equatable {
    /// Deeper walks reach most of a news graph and draw nothing readable.
    static let depths = 1...3

    var depth = 1
    var relations: Set<RelationType> = []
    var since: String?
    var until: String?
    var dates = DateRange.all
    /// Since is after until: nothing can match.
    var holdsNoDay = false

    init() {}

    /// The filters a query string asks for; a value that is not one is a bad request.
    init(_ parameters: QueryParameters, knownRelations: Set<RelationType>) throws(RequestError) {
        if let text = try parameters.single("depth") {
            guard let depth = Int(text), NeighborhoodFilters.depths.contains(depth) else {
                throw .badRequest("depth must be 1, 2 or 3, not '\(abbreviated(text))'")
            }
            self.depth = depth
        }
        relations = try NeighborhoodFilters.relationTypes(try parameters.all("relation"), known: knownRelations)
        since = try parameters.single("since")
        until = try parameters.single("until")
        if let range = try NeighborhoodFilters.dateRange(since: since, until: until) {
            dates = range
        } else {
            holdsNoDay = true
        }
    }

    static func relationTypes(_ names: [String], known: Set<RelationType>) throws(RequestError) -> Set<RelationType> {
        var types: Set<RelationType> = []
        for name in names {
            let type = RelationType(rawValue: name)
            guard known.contains(type) else {
                let list = known.map(\.rawValue).sorted().joined(separator: ", ")
                throw .badRequest("unknown relation '\(abbreviated(name))'; the relations are \(list)")
            }
            types.insert(type)
        }
        return types
    }

    /// The range between two bounds; nil when both are dates but since is after until: a range
    /// with no day in it, whose answer is empty (not an error: each bound alone is valid, and an
    /// API's parameters cannot say that one must precede the other).
    static func dateRange(since: String?, until: String?) throws(RequestError) -> DateRange? {
        do {
            return try DateRange(since: since, until: until)
        } catch {
            if (try? DateRange(since: since, until: nil)) != nil && (try? DateRange(since: nil, until: until)) != nil { return nil }
            throw .badRequest(error.detail.replacingOccurrences(of: "--", with: ""))
        }
    }

    var query: NeighborQuery { NeighborQuery(depth: depth, relations: relations, dates: dates) }
}
