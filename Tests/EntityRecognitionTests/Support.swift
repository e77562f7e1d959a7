import EntityRecognition
import Foundation
import KnowledgeGraph
import Testing

/// The shipped lexicon, loaded once for all the suites of this target.
enum Shared {
    static let lexicon: Result<Lexicon, LexiconError> = Result { () throws(LexiconError) -> Lexicon in
        try Lexicon.bundled()
    }

    static func recognizer() throws -> EntityRecognizer {
        EntityRecognizer(lexicon: try lexicon.get())
    }
}

/// What the recognizer made of one text, with lookups that describe the whole result on failure.
struct Recognized {
    let text: String
    let analysis: ArticleAnalysis
    let entities: [Entity]

    init(_ text: String, recognizer: EntityRecognizer? = nil) throws {
        self.text = text
        let recognizer = try recognizer ?? Shared.recognizer()
        analysis = recognizer.analyze(Array(text.utf8), document: "t")
        entities = analysis.graphEntities()
    }

    func entity(named name: String) -> Entity? {
        entities.first { $0.name == name }
    }

    /// Entities whose name or an alias equals `name`.
    func entities(calling name: String) -> [Entity] {
        entities.filter { $0.name == name || $0.aliases.contains(name) }
    }

    func entities(ofType type: EntityType) -> [Entity] {
        entities.filter { $0.type == type }
    }

    /// The index in `analysis.entities` of the entity with this name.
    func index(of name: String) -> Int? {
        analysis.entities.firstIndex { $0.name == name }
    }

    /// Every entity as "name [type] aka aliases", for failure messages.
    var summary: String {
        let listed = entities.map { entity in
            "\(entity.name) [\(entity.type.rawValue)]" + (entity.aliases.isEmpty ? "" : " aka \(entity.aliases.joined(separator: "; "))")
        }
        return "text: \(text.debugDescription) -> entities: [\(listed.joined(separator: ", "))]"
    }
}

/// A file in a fresh temporary folder, removed with the folder when the value goes away.
final class TemporaryFile {
    let folder: URL
    let path: String

    init(name: String, contents: String) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsgraph-er-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
