import KnowledgeGraph

/// A sentence of an article, as a range of tokens.
package struct Sentence: Sendable, Hashable {
    package var tokens: Range<Int>
    /// Byte offsets of the sentence in the article text.
    package var bytes: Range<Int>
    /// True for headline-like lines written in title case, where capitals say little.
    package var isTitleCase: Bool
}

/// One place where the article names (or refers to) an entity.
@usableFromInline
package struct Mention: Sendable, Hashable {
    @usableFromInline
    package enum Kind: Sendable, Hashable {
        /// A proper name, acronym or lexicon phrase.
        case name
        /// A title standing for a person ("the secretary of state").
        case title
        /// A country adjective or a capital used as a place ("Chinese firms", "in Beijing"): it refers
        /// to a country that the article names elsewhere, but does not make an entity by itself.
        case weak
    }

    /// The tokens of the name itself.
    package var tokens: Range<Int>
    /// The tokens of the whole phrase, with titles and country words before the name.
    package var phrase: Range<Int>
    package var kind: Kind
    package var type: EntityType
    /// Index into `ArticleAnalysis.entities`.
    package var entity: Int
    /// The entity stated to own this one: the country of "Chinese Foreign Ministry", the body of
    /// "Treasury spokeswoman Ana Ruiz".
    package var owner: Int?
    /// The title before a person's name, as written ("Secretary of State").
    package var title: String?
    /// Where the title points: a body name or `~generic body`.
    package var titleTarget: String?
    /// The body an apposition after the name gives the person ("X, chairman of the Y").
    package var appositionBody: Int? = nil
}

/// An actor of one article with every name the article gives it.
package struct ArticleEntity: Sendable, Hashable {
    package var name: String
    package var type: EntityType
    /// Every name the article uses for the entity, sorted, each once.
    package var aliases: [String]
    package var mentionCount: Int
    /// The country the lexicon knows this body belongs to.
    package var knownCountry: String?
    /// Lexicon name, where it comes from a lexicon.
    package var lexiconName: String?
}

/// Everything the recognizer found in one article.
@usableFromInline
package struct ArticleAnalysis: Sendable {
    package var document: String
    package var text: [UInt8]
    @usableFromInline package var tokens: [Token]
    package var sentences: [Sentence]
    package var mentions: [Mention]
    package var entities: [ArticleEntity]
    /// How many sentences were longer than `EntityRecognizer.maximumSentenceTokens` and were read in
    /// parts (each part is one of `sentences`).
    package var longSentences = 0
    /// The lexicon's words and their classes by vocabulary ID. Arrays rather than a shared object:
    /// reading an element of an array retains nothing, while every call on a shared object
    /// retains and releases it, from every thread.
    let words: [String]
    let wordClasses: [UInt64]
    /// The lexicon's forms that many states' bodies bear, lowercased, to the body's name
    /// (`Lexicon.genericForms`).
    var genericForms: [String: String] = [:]

    package func string(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let start = Int(tokens[range.lowerBound].start)
        let end = Int(tokens[range.upperBound - 1].end)
        return string(bytes: start..<end)
    }

    package func string(bytes: Range<Int>) -> String {
        precondition(bytes.lowerBound >= 0 && bytes.upperBound <= text.count, "byte range outside the article")
        // Through a buffer pointer: a slice of the array would retain and release its storage.
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }
    }

    /// Each ASCII mark as a String, made once.
    private static let markStrings = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The lowercase word of a token, for cue matching by other stages.
    package func lowercaseWord(_ index: Int) -> String {
        let token = tokens[index]
        if token.kind == .punctuation { return ArticleAnalysis.markStrings[Int(token.mark & 0x7F)] }
        // A word the lexicons know is already stored lowercase.
        if token.id >= 0 { return words[Int(token.id)] }
        // An ASCII word is folded straight into the String (short ones need no allocation).
        let start = Int(token.start)
        let count = Int(token.end) - start
        var ascii = true
        let folded = String(unsafeUninitializedCapacity: count) { buffer in
            for offset in 0..<count {
                let byte = text[start + offset]
                if byte >= 0x80 { ascii = false }
                buffer[offset] = byte.asciiLowercased
            }
            return count
        }
        if ascii { return folded }
        var key: [UInt8] = []
        Tokenizer.lowercaseKey(text, Int(token.start), Int(token.end), into: &key)
        return String(decoding: key, as: UTF8.self)
    }

    /// Byte ranges (in increasing order) as Unicode scalar ranges, in one pass over the text.
    package func scalarRanges(ofSentences ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(ranges.count)
        text.withUnsafeBufferPointer { bytes in
            var byte = 0
            var scalars = 0
            func advance(to target: Int) -> Int {
                let target = min(target, bytes.count)
                // Eight bytes at a time: every byte but a continuation byte (10xxxxxx) starts a scalar.
                while byte + 8 <= target {
                    let word = bytes.word(at: byte)
                    let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
                    // Mostly ASCII: the bit count (a library call on baseline x86-64) is rarely needed.
                    scalars += continuations == 0 ? 8 : 8 - continuations.nonzeroBitCount
                    byte += 8
                }
                while byte < target {
                    if bytes[byte] & 0xC0 != 0x80 { scalars += 1 }
                    byte += 1
                }
                return scalars
            }
            for range in ranges {
                let start = advance(to: range.lowerBound)
                let end = advance(to: range.upperBound)
                result.append(start..<end)
            }
        }
        return result
    }

    /// A capitalized word that looks like part of a name but is in no mention and no list of
    /// capitalized common words: an actor the recognizer could not place ("Blinken" alone).
    package func isUnplacedName(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.kind == .word, token.isCapitalized, !WordClass(of: token.id, in: wordClasses).contains(.nonEntity) else { return false }
        // A phrase reaches at most a few dozen tokens before its name.
        return !mentions(startingIn: max(0, index - 40)..<(index + 40)).contains { $0.phrase.contains(index) }
    }

    /// The mentions whose name starts in `range`, found by binary search (mentions are in text order).
    package func mentions(startingIn range: Range<Int>) -> ArraySlice<Mention> {
        func firstIndex(atOrAfter token: Int) -> Int {
            var low = 0
            var high = mentions.count
            while low < high {
                let mid = (low + high) / 2
                if mentions[mid].tokens.lowerBound < token { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return mentions[firstIndex(atOrAfter: range.lowerBound)..<firstIndex(atOrAfter: range.upperBound)]
    }

    /// The graph's entities, in order of first mention, with slug ids unique within the article.
    package func graphEntities() -> [Entity] {
        // An article names a few dozen entities at most: a scan of the ids so far costs less than
        // hashing each one, and a set takes over for very long articles.
        var used: Set<String>? = entities.count > 64 ? Set(minimumCapacity: entities.count) : nil
        var result: [Entity] = []
        result.reserveCapacity(entities.count)
        /// Per id taken, the last suffix given to another entity of that id: the smallest free
        /// suffix only grows, so the search resumes there rather than at 2.
        var suffixes: [String: Int] = [:]
        func isUsed(_ id: String) -> Bool {
            // Lengths are stored: most ids differ in length and skip the string comparison.
            used?.contains(id) ?? result.contains { $0.id.utf8.count == id.utf8.count && $0.id == id }
        }
        for entity in entities {
            var id = Entity.slug(for: entity.name)
            if isUsed(id) {
                var suffix = suffixes[id] ?? 2
                while isUsed("\(id)-\(suffix)") { suffix += 1 }
                suffixes[id] = suffix
                id = "\(id)-\(suffix)"
            }
            used?.insert(id)
            var aliases = entity.aliases
            if let own = aliases.firstIndex(of: entity.name) { aliases.remove(at: own) }
            result.append(Entity(id: id, name: entity.name, type: entity.type, aliases: aliases,
                                 mentions: entity.mentionCount))
        }
        return result
    }
}
