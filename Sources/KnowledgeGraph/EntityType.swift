/// The kind of actor an entity is.
public enum EntityType: String, Sendable, Codable, CaseIterable, Comparable {
    case person
    case agency
    case country
    case organization

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .person: 0
        case .agency: 1
        case .country: 2
        case .organization: 3
        }
    }
}

/// The kind of edge between two entities.
///
/// The four built-in types are the ones the annotation guidelines define; a user cue file may
/// add more, so this is an open set of names rather than a closed enum.
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

    public static let builtIn: [RelationType] = [.sanctioned, .metWith, .criticized, .affiliatedWith]

    /// Symmetric relations hold in both directions; they are stored with the endpoints sorted.
    public var isSymmetric: Bool { self == .metWith }

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
