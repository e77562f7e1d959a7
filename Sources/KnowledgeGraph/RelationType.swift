import Foundation

/// The kind of edge between two entities.
///
/// The four built-in types are the ones the annotation guidelines define; a user cue file may
/// add more, so this is an open set of names rather than a closed enum. What the package knows
/// about each type besides its name (``Properties``: whether it is symmetric, its colour and its
/// label) is data, in `relation-types.tsv` beside this module's sources.
public struct RelationType: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public static let sanctioned: RelationType = "sanctioned"
    public static let metWith: RelationType = "met_with"
    public static let criticized: RelationType = "criticized"
    public static let affiliatedWith: RelationType = "affiliated_with"

    /// The types `relation-types.tsv` lists, in its order: the four of the annotation guidelines
    /// and any added there.
    public static var builtIn: [RelationType] { RelationTable.shared.listed }

    /// Symmetric relations hold in both directions; they are stored with the endpoints sorted.
    public var isSymmetric: Bool { RelationTable.shared.isSymmetric(self) }

    /// The type's row of `relation-types.tsv`, or the row named `*` for a type it does not list.
    public var properties: Properties { RelationTable.shared.properties(of: self) }

    public var description: String { rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (lhs: RelationType, rhs: RelationType) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RelationType {
    /// What exports and the store need to know about a relation type besides its name.
    public struct Properties: Hashable, Sendable {
        /// Whether the relation holds both ways (`met_with`): stored with its endpoints sorted,
        /// drawn without an arrow.
        public var isSymmetric: Bool
        /// The colour of its edges in drawings, as `#rrggbb`.
        public var color: String
        /// What drawings write on its edges and in the legend.
        public var label: String

        package init(isSymmetric: Bool, color: String, label: String) {
            self.isSymmetric = isSymmetric
            self.color = color
            self.label = label
        }
    }
}

/// `relation-types.tsv`, read once, on first use.
struct RelationTable: Sendable {
    /// A row: direction, colour and label (nil: the type's own name).
    struct Row: Sendable {
        var isSymmetric: Bool
        var color: String
        var label: String?
    }

    static let shared: RelationTable = {
        guard
            let url = Bundle.module.url(forResource: "relation-types", withExtension: "tsv", subdirectory: "Resources")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/relation-types.tsv")
        else { preconditionFailure("KnowledgeGraph's resources have no relation-types.tsv") }
        do {
            return try RelationTable(text: String(contentsOf: url, encoding: .utf8))
        } catch {
            preconditionFailure("\(url.path): \(error)")
        }
    }()

    let rows: [String: Row]
    let fallback: Row
    /// The listed symmetric and directed names: the extractor asks `isSymmetric` for every
    /// candidate pair, and a few string comparisons cost less than hashing the name.
    let symmetricNames: [String]
    let directedNames: [String]
    /// The listed types in the file's order.
    let listed: [RelationType]

    /// Parses the file's text; a malformed line or a missing `*` row is an error naming the line.
    init(text: String) throws(RelationTableError) {
        var rows: [String: Row] = [:]
        var listed: [RelationType] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let number = offset + 1
            guard columns.count == 3 || columns.count == 4 else {
                throw RelationTableError(line: number, reason: "\(columns.count) columns, expected 3 or 4")
            }
            let isSymmetric: Bool
            switch columns[1] {
            case "symmetric": isSymmetric = true
            case "directed": isSymmetric = false
            default: throw RelationTableError(line: number, reason: "direction '\(columns[1])' is neither symmetric nor directed")
            }
            let label = columns.count == 4 && !columns[3].isEmpty ? columns[3] : nil
            guard rows.updateValue(Row(isSymmetric: isSymmetric, color: columns[2], label: label), forKey: columns[0]) == nil else {
                throw RelationTableError(line: number, reason: "'\(columns[0])' is listed twice")
            }
            if columns[0] != "*" { listed.append(RelationType(rawValue: columns[0])) }
        }
        guard let fallback = rows.removeValue(forKey: "*") else {
            throw RelationTableError(line: nil, reason: "no row named * for unlisted relation types")
        }
        self.rows = rows
        self.fallback = fallback
        self.listed = listed
        symmetricNames = rows.filter { $0.value.isSymmetric }.map(\.key).sorted()
        directedNames = rows.filter { !$0.value.isSymmetric }.map(\.key).sorted()
    }

    func isSymmetric(_ type: RelationType) -> Bool {
        fallback.isSymmetric ? !directedNames.contains(type.rawValue) : symmetricNames.contains(type.rawValue)
    }

    func properties(of type: RelationType) -> RelationType.Properties {
        let row = rows[type.rawValue] ?? fallback
        return RelationType.Properties(isSymmetric: row.isSymmetric, color: row.color, label: row.label ?? type.rawValue)
    }
}

/// A line of `relation-types.tsv` that cannot be read.
struct RelationTableError: Error, CustomStringConvertible {
    var line: Int?
    var reason: String

    var description: String { line.map { "line \($0): \(reason)" } ?? reason }
}
