import EntityRecognition
import Foundation
import KnowledgeGraph

/// How a cue's words relate source and target.
package enum CuePattern: String, Sendable, CaseIterable {
    /// "A sanctioned B", "B was sanctioned by A".
    case verb
    /// "sanctions on B" (the source is the clause's subject or the possessor).
    case noun
    /// "A and B met": the subjects relate to each other.
    case symmetric
    /// "drew the ire of A": the object is the source.
    case reverse
    /// "rejected Moscow's claims": the object's words, not the object, are the verb's target.
    case possessiveObject = "possessive-object"
    /// "India's reckless behavior", "Israel bears responsibility", in what someone says: the speaker
    /// is the source, the actor judged is the target.
    case evaluative
    /// Like `evaluative`, for generic words that judge only a subject ("Harmon has been really bad"),
    /// never a possessor ("China's bad loans").
    case evaluativeSubject = "evaluative-subject"
    /// "Y dismissed the accusations": Y answers whoever just accused Y (in this or the previous sentence).
    case rebuttal
    /// "to the entity list" after "added X": the clause's subject puts the objects on a list.
    case listing
    /// A word the scorer reads as a cue ("sanctions", "talks", "criticism") but no rule pattern
    /// interprets: where source and target stand is left to the scorer's features.
    case scored
}

/// Words that steer extraction without naming a relation.
enum FunctionWord: String, CaseIterable {
    case negation, modal, done, auxiliary, speech, boundary, preposition, pronoun
}

/// Relation cues and function words, from the shipped `cues.tsv` and the user's cue files.
package struct CueLexicon: Sendable {
    package struct Cue: Sendable, Hashable {
        package var phrase: String
        package var relation: RelationType
        package var pattern: CuePattern
    }

    var cues: [Cue] = []
    var functionWords: [(String, FunctionWord)] = []
    /// Cues generated from the CAMEO verb dictionary (`cameo-cues.tsv`): verbs and the verb
    /// phrases that make a relation of a verb that is none by itself ("imposed sanctions").
    var cameoCues: [(phrase: String, relation: RelationType, code: String)] = []
    /// CAMEO's words for events that did not happen: intent, threats, refusals.
    var cameoMarkers: [(phrase: String, kind: String)] = []
    /// The word classes of `relation-words.tsv`.
    var wordClasses: [String: [String]] = [:]
    /// Words of strongly negative judgement (`judgement-words.tsv`, from the VADER lexicon).
    var judgementWords: [String] = []
    /// Office holders and their countries, for affiliations the text leaves to world knowledge.
    var officeHolders = OfficeHolders.empty
    /// The trained scorer of `relation-model.tsv`.
    var model = RelationModel.empty

    /// The shipped cues plus the user's files (same format: `phrase<TAB>relation<TAB>pattern`).
    package static func bundled(adding userFiles: [String] = []) throws(LexiconError) -> CueLexicon {
        try bundled(adding: userFiles, cache: nil)
    }

    /// `bundled(adding:)`, with the shipped files' tables kept in `cache` between runs
    /// (CueLexiconSnapshot.swift); the user's files are read as ever.
    package static func bundled(adding userFiles: [String], cache: LexiconCache?) throws(LexiconError) -> CueLexicon {
        var lexicon = try shipped(cache: cache)
        for path in userFiles {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw LexiconError(file: path, reason: "cannot read the cue file")
            }
            try lexicon.add(bytes: [UInt8](data), file: path)
        }
        return lexicon
    }

    /// The cues and tables of the shipped files alone.
    static func shipped() throws(LexiconError) -> CueLexicon {
        var lexicon = CueLexicon()
        guard let url = Bundle.module.url(forResource: "cues", withExtension: "tsv", subdirectory: "Resources")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/cues.tsv"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw LexiconError(file: "cues.tsv", reason: "bundled cue file is missing; reinstall NewsGraph")
        }
        try lexicon.add(bytes: [UInt8](data), file: "cues.tsv")
        try lexicon.addCAMEO(bytes: try resource("cameo-cues", "tsv"), file: "cameo-cues.tsv")
        lexicon.wordClasses = try RelationWords.members(of: try resource("relation-words", "tsv"), file: "relation-words.tsv")
        lexicon.judgementWords = try judgementWords(in: try resource("judgement-words", "tsv"), file: "judgement-words.tsv")
        for (name, curated) in [("office-holders", false), ("office-holders-curated", true)] {
            let bytes = try resource(name, "tsv")
            do {
                try lexicon.officeHolders.add(tsv: bytes, curated: curated, file: name)
            } catch {
                throw LexiconError(file: name + ".tsv", line: error.line, reason: error.reason)
            }
        }
        let model = try resource("relation-model", "tsv")
        do {
            lexicon.model = try RelationModel(tsv: model)
        } catch {
            throw LexiconError(file: "relation-model.tsv", line: error.line, reason: error.reason)
        }
        return lexicon
    }

    /// A shipped data file's bytes (`package`: tests read the files the extractor reads).
    package static func resource(_ name: String, _ ext: String) throws(LexiconError) -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/\(name).\(ext)"),
            let data = FileManager.default.contents(atPath: url.path)
        else {
            throw LexiconError(file: "\(name).\(ext)", reason: "bundled file is missing; reinstall NewsGraph")
        }
        return [UInt8](data)
    }

    /// The first column of `word<TAB>rating` lines.
    package static func judgementWords(in bytes: [UInt8], file: String) throws(LexiconError) -> [String] {
        // Over the bytes (`DataLines`), as the other generated files are read: splitting the
        // text into Characters cost more than all the rest of this file's use at a start.
        var words: [String] = []
        let lines = DataLines(bytes: bytes)
        for line in lines {
            guard line.fields.count == 2, !line.fields[0].isEmpty, Double(lines.string(line.fields[1])) != nil else {
                throw LexiconError(file: file, line: line.number, reason: "expected word<TAB>rating")
            }
            words.append(lines.string(line.fields[0]))
        }
        return words
    }

    mutating func add(bytes: [UInt8], file: String) throws(LexiconError) {
        guard let text = String(validating: bytes, as: UTF8.self), !bytes.contains(0) else {
            throw LexiconError(file: file, reason: "not a UTF-8 text file")
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) || trimmed.hasPrefix("#") { continue }
            let columns = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(CueLexicon.trimmingWhitespace)
            guard columns.count == 3, !columns[0].isEmpty, !columns[1].isEmpty else {
                throw LexiconError(file: file, line: number + 1, reason: "expected phrase<TAB>relation<TAB>pattern")
            }
            if columns[1] == "-" {
                guard let word = FunctionWord(rawValue: columns[2]) else {
                    throw LexiconError(file: file, line: number + 1,
                                       reason: "unknown word class '\(columns[2])' (\(FunctionWord.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                functionWords.append((columns[0], word))
            } else {
                guard let pattern = CuePattern(rawValue: columns[2]) else {
                    throw LexiconError(file: file, line: number + 1,
                                       reason: "unknown pattern '\(columns[2])' (\(CuePattern.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard columns[1].allSatisfy({ $0.isLetter || $0 == "_" }) else {
                    throw LexiconError(file: file, line: number + 1, reason: "relation name '\(columns[1])' must be letters and underscores")
                }
                cues.append(Cue(phrase: columns[0], relation: RelationType(rawValue: columns[1]), pattern: pattern))
            }
        }
    }

    /// A column without the whitespace at its ends, as `trimmingCharacters(in: .whitespaces)`
    /// gives it: a column that opens and ends with a printable ASCII byte other than a space (most
    /// of them) has none and is kept as it is, without Foundation's character sets.
    private static func trimmingWhitespace(_ column: Substring) -> String {
        let utf8 = column.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(column)
        }
        return column.trimmingCharacters(in: .whitespaces)
    }

    /// Reads the generated CAMEO cues: `phrase relation code form block notes class`. Verb forms
    /// are cues; a verb phrase is a cue only where its verb alone is none of that relation
    /// ("imposed sanctions", not "condemned missile attacks"), since the scorer reads the
    /// object itself. Intent, threat and refusal lines are markers of events that did not happen.
    mutating func addCAMEO(bytes: [UInt8], file: String) throws(LexiconError) {
        // The file has some 20,000 lines, read at every start: lines are classed on their bytes
        // and strings made only of the fields kept.
        enum Kind: String {
            case intent, threat, refuse, event, reject, other
        }
        var lines: [(phrase: Range<Int>, relation: Range<Int>, code: Range<Int>, isPhrase: Bool, kind: Kind)] = []
        let data = DataLines(bytes: bytes)
        func kind(_ range: Range<Int>) -> Kind {
            if data.equals(range, "intent") { return .intent }
            if data.equals(range, "threat") { return .threat }
            if data.equals(range, "refuse") { return .refuse }
            if data.equals(range, "event") { return .event }
            if data.equals(range, "reject") { return .reject }
            return .other
        }
        for line in data {
            let columns = line.fields
            guard columns.count == 7 else {
                throw LexiconError(file: file, line: line.number, reason: "expected 7 columns: phrase relation code form block notes class")
            }
            // Phrases of classes no cue is made of are not kept.
            let relation = columns[1]
            let lineKind = kind(columns[6])
            let isMarker = data.equals(relation, "-")
            if isMarker && lineKind != .intent && lineKind != .threat && lineKind != .refuse { continue }
            let isPhrase = data.hasPrefix(columns[3], "phrase")
            // A marker phrase counts only for threats to sanction (1312); event lines of other
            // classes make nothing.
            if isMarker ? (isPhrase && !data.hasPrefix(columns[2], "1312")) : (lineKind != .event && lineKind != .reject && isPhrase) {
                // Verb forms still name the verbs that phrases of their relation are checked against.
                continue
            }
            lines.append((columns[0], relation, columns[2], isPhrase, lineKind))
        }
        /// The first word of an ASCII phrase, found on its bytes; nil for other phrases.
        func firstWord(_ phrase: Range<Int>) -> String? {
            guard bytes[phrase].allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = phrase.lowerBound
            while start < phrase.upperBound && bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < phrase.upperBound && bytes[end] != 0x20 { end += 1 }
            return data.string(start..<end)
        }
        // Per relation, its verb forms ("relation<TAB>verb").
        var verbs = Set<String>()
        for line in lines where !line.isPhrase && !data.equals(line.relation, "-") {
            verbs.insert(data.string(line.relation) + "\t" + data.string(line.phrase))
        }
        var seen = Set<String>()
        for line in lines {
            let phrase = data.string(line.phrase)
            if data.equals(line.relation, "-") {
                cameoMarkers.append((phrase, line.kind.rawValue))
                continue
            }
            guard line.kind == .event || line.kind == .reject else { continue }
            let relation = data.string(line.relation)
            if line.isPhrase {
                let verb = firstWord(line.phrase) ?? phrase.split(separator: " ").first.map(String.init) ?? ""
                if verbs.contains(relation + "\t" + verb) { continue }
            }
            // "a:b" codes the event both ways; ":b" only from the target back to the source.
            if data.hasPrefix(line.code, ":") { continue }
            let code = String(data.string(line.code).prefix(3))
            guard seen.insert(phrase + "\t" + relation).inserted else { continue }
            cameoCues.append((phrase, RelationType(rawValue: relation), line.kind == .reject ? "reject" : code))
        }
    }

    /// The relation types the cues can produce, built-in ones first.
    package var relationTypes: [RelationType] {
        var seen = Set(RelationType.builtIn)
        var result = RelationType.builtIn
        for cue in cues where !seen.contains(cue.relation) {
            seen.insert(cue.relation)
            result.append(cue.relation)
        }
        return result
    }
}
