import EntityRecognition
import Foundation
import KnowledgeGraph
import Testing
import TestSupport

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

/// From the shared TestSupport target; the alias lets every file of this target use it
/// without importing TestSupport itself.
typealias TemporaryFile = TestSupport.TemporaryFile
