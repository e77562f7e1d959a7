/// A store that cannot be used, with what to do about it.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case notNewsGraph
        case corrupt
        case locked
        case io
        case newerSchema
        /// A correction that cannot apply, such as merging an entity into itself.
        case invalidRequest
        case noEntity
    }

    public var kind: Kind
    public var path: String
    public var detail: String

    /// For the other backends of the store (GraphStorePostgres).
    package init(kind: Kind, path: String, detail: String) {
        self.kind = kind
        self.path = path
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .notNewsGraph: "\(path) is not a NewsGraph store (\(detail)); choose another file with --store"
        case .corrupt: "\(path) is damaged (\(detail)); rebuild it from the articles"
        case .locked: "\(path) is busy: another newsgraph command is writing to it; try again when it finishes"
        case .io: "cannot use the store \(path): \(detail)"
        case .newerSchema: "\(path) was written by a newer NewsGraph (\(detail)); upgrade newsgraph"
        case .invalidRequest: detail
        case .noEntity: "no entity named '\(abbreviated(detail))' in \(path)"
        }
    }
}

/// `text` short enough to echo in a one-line message: a name pasted by mistake can be a whole
/// article.
package func abbreviated(_ text: String, to limit: Int = 80) -> String {
    guard text.unicodeScalars.count > limit else { return text }
    return String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit))) + "… (\(text.unicodeScalars.count) characters)"
}
