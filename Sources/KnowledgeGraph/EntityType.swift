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
