/// A span of publication days for queries: only evidence from articles published in it counts.
///
/// Bounds are written YYYY, YYYY-MM or YYYY-MM-DD and are inclusive: `since 2024-03` starts on
/// March 1st, `until 2024` ends on December 31st. Evidence from undated articles is outside every
/// bounded range.
public struct DateRange: Sendable, Hashable {
    /// The first day in the range, as YYYY-MM-DD; nil for no lower bound.
    public private(set) var since: String?
    /// The last day in the range, as YYYY-MM-DD (or a day past the month's end, which compares
    /// the same); nil for no upper bound.
    public private(set) var until: String?

    /// Every day, and undated evidence too.
    public static let all = DateRange()

    public init() {}

    /// The range between two bounds as a user writes them; throws when a bound is not a date or
    /// the range is empty.
    public init(since: String?, until: String?) throws(StoreError) {
        self.since = try since.map { text throws(StoreError) in try DateRange.day(text, end: false) }
        self.until = try until.map { text throws(StoreError) in try DateRange.day(text, end: true) }
        if let first = self.since, let last = self.until, first > last {
            throw StoreError(kind: .invalidRequest, path: "", detail: "--since \(since ?? "") is after --until \(until ?? "")")
        }
    }

    package var isUnbounded: Bool { since == nil && until == nil }

    /// Whether evidence dated `date` is inside the range.
    package func contains(_ date: String?) -> Bool {
        if isUnbounded { return true }
        guard let date else { return false }
        return date >= lowerBound && date <= upperBound
    }

    /// The bounds as SQL arguments: strings that every stored YYYY-MM-DD day sorts between.
    var lowerBound: String { since ?? "0000-00-00" }
    var upperBound: String { until ?? "9999-99-99" }

    /// "2024" → 2024-01-01 or 2024-12-31; "2024-06" → 2024-06-01 or 2024-06-31 (which sorts after
    /// every June day); "2024-06-20" as it is.
    private static func day(_ text: String, end: Bool) throws(StoreError) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        let numbers = parts.compactMap { part in part.allSatisfy(\.isASCII) ? Int(part) : nil }
        guard numbers.count == parts.count, [[4], [4, 2], [4, 2, 2]].contains(lengths),
            numbers.count < 2 || (1...12).contains(numbers[1]), numbers.count < 3 || (1...31).contains(numbers[2])
        else {
            throw StoreError(kind: .invalidRequest, path: "", detail: "'\(text)' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
        }
        switch parts.count {
        case 1: return text + (end ? "-12-31" : "-01-01")
        case 2: return text + (end ? "-31" : "-01")
        default: return text
        }
    }
}
