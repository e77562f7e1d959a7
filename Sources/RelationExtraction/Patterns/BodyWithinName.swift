import EntityRecognition
import KnowledgeGraph

/// A body whose name holds the name of another body of the article is part of it: the name
/// opens with it ("UN Security Council", "Senate Foreign Relations Committee", "Hong Kong Police
/// Force") or closes with "of [the]" and it ("Council of the European Union"), or opens with any
/// name of it and a possessive ("Treasury's Office of Foreign Assets Control"). A name that only
/// ends with another ("Chinese Foreign Ministry" and "Foreign Ministry") is a kind of it, not a part.
struct BodyWithinName {
    let analysis: ArticleAnalysis
    let words: ScanWords

    /// The most distinct names of one body compared: an article names a body a few ways.
    static let maximumNames = 8

    /// Each body mention that holds another body's name: the mention, its entity and the body it
    /// names, in text order.
    func parts() -> [(mention: Int, part: Int, whole: Int)] {
        let mentions = analysis.mentions
        let entities = analysis.entities
        func isBody(_ entity: Int) -> Bool { entities[entity].type == .agency || entities[entity].type == .organization }
        // Per body, the token ranges of its distinct names, from its own mentions: its full name or
        // an acronym, not a shortened reference ("the Department", "the Polish Ministry") that
        // opens the names of other bodies.
        var names: [Int: [Range<Int>]] = [:]
        // Every name of each body, shortened ones too: before a possessive, "the Treasury's" owns
        // what follows it.
        var owners: [Int: [Range<Int>]] = [:]
        for mention in mentions where mention.kind == .name && isBody(mention.entity) {
            var named = owners[mention.entity, default: []]
            if named.count < BodyWithinName.maximumNames, !named.contains(where: { sameWords($0, mention.tokens) }) {
                named.append(mention.tokens)
                owners[mention.entity] = named
            }
            guard isFullName(mention) else { continue }
            var known = names[mention.entity, default: []]
            guard known.count < BodyWithinName.maximumNames, !known.contains(where: { sameWords($0, mention.tokens) }) else { continue }
            known.append(mention.tokens)
            names[mention.entity] = known
        }
        guard owners.count > 1 else { return [] }
        let bodies = owners.keys.sorted()
        var result: [(mention: Int, part: Int, whole: Int)] = []
        for (index, mention) in mentions.enumerated() where mention.kind == .name && mention.tokens.count > 1 && isBody(mention.entity) {
            let tokens = mention.tokens
            let whole = bodies.first { body in
                body != mention.entity
                    && names[body, default: []].contains { name in
                        name.count < tokens.count && (opens(tokens, with: name) || closesWithPart(tokens, name))
                    }
                    || owners[body, default: []].contains { name in opensWithOwner(tokens, name) }
            }
            if let whole { result.append((index, mention.entity, whole)) }
        }
        return result
    }

    private func isFullName(_ mention: Mention) -> Bool {
        if mention.tokens.count == 1, analysis.tokens[mention.tokens.lowerBound].isAllCaps { return true }
        let name = analysis.entities[mention.entity].name
        if let first = mention.tokens.first {
            let start = Int(analysis.tokens[first].start)
            let end = Int(analysis.tokens[mention.tokens.upperBound - 1].end)
            if start <= end, end <= analysis.text.count,
                let same = BodyWithinName.asciiSameIgnoringCase(analysis.text[start..<end], name)
            {
                return same
            }
        }
        return analysis.string(mention.tokens).lowercased() == name.lowercased()
    }

    /// Whether `text` spells `name` but for case, when both are ASCII (where `lowercased()`
    /// folds only A to Z): compared byte by byte, with no string made. Nil when either is not.
    static func asciiSameIgnoringCase(_ text: ArraySlice<UInt8>, _ name: String) -> Bool? {
        guard !text.contains(where: { $0 >= 0x80 }) else { return nil }
        return name.utf8.withContiguousStorageIfAvailable { name -> Bool? in
            guard !name.contains(where: { $0 >= 0x80 }) else { return nil }
            guard name.count == text.count else { return false }
            return zip(text, name).allSatisfy { $0.asciiLowercased == $1.asciiLowercased }
        } ?? nil
    }

    private func opens(_ tokens: Range<Int>, with name: Range<Int>) -> Bool {
        sameWords(tokens.lowerBound..<(tokens.lowerBound + name.count), name)
    }

    /// "Treasury's Office of Foreign Assets Control": the name, then a possessive, then more words.
    private func opensWithOwner(_ tokens: Range<Int>, _ name: Range<Int>) -> Bool {
        let marker = tokens.lowerBound + name.count
        guard marker + 1 < tokens.upperBound, analysis.token(marker, isIn: words.possessive) else { return false }
        return opens(tokens, with: name)
    }

    /// "Council of the European Union": the name after "of" or "of the" at the end.
    private func closesWithPart(_ tokens: Range<Int>, _ name: Range<Int>) -> Bool {
        let start = tokens.upperBound - name.count
        guard sameWords(start..<tokens.upperBound, name) else { return false }
        var before = start - 1
        if before > tokens.lowerBound, analysis.token(before, isIn: words.the) { before -= 1 }
        return before > tokens.lowerBound && analysis.token(before, isIn: words.of)
    }

    /// Whether two token ranges spell the same words, ignoring case.
    private func sameWords(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        guard first.count == second.count else { return false }
        for (a, b) in zip(first, second) {
            let x = analysis.tokens[a]
            let y = analysis.tokens[b]
            guard x.end - x.start == y.end - y.start else { return false }
            var i = Int(x.start)
            var j = Int(y.start)
            while i < Int(x.end) {
                if analysis.text[i].asciiLowercased != analysis.text[j].asciiLowercased { return false }
                i += 1
                j += 1
            }
        }
        return true
    }

}
