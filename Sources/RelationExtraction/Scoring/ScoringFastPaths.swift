import EntityRecognition

/// The scorer's fast paths, each beside its general twin, for the differential tests
/// (Tests/RelationExtractionTests/ScoringFastPathTests.swift): what scoring hashes straight from
/// bytes must hash as the name training spells out, or the model's weights would not be found.
package enum ScoringFastPaths {
    /// The hash scoring gives a part made from the text (one pass over its UTF-8), and the one its
    /// name gives (cleaned character by character, then hashed, as training and the model's loader
    /// reach it).
    package static func partHashes(of name: String) -> (scoring: UInt64, named: UInt64) {
        (FeaturePart(unnamed: name).hash, FeaturePart.hash(of: FeaturePart.clean(name).utf8))
    }

    /// The hash of a named part (as the templates, the cues and training make them), and FNV-1a of
    /// the bytes of `spelled`, the name as the caller expects it cleaned.
    package static func namedPartHash(of name: String, spelled: String) -> (made: UInt64, spelled: UInt64) {
        (FeaturePart(name).hash, FeaturePart.hash(of: Array(spelled.utf8)))
    }

    /// The same for a part made from bytes with no string (any bytes: a string repairs what is not
    /// UTF-8).
    package static func partHashes(ofBytes bytes: [UInt8]) -> (scoring: UInt64, named: UInt64) {
        let scoring = bytes.withUnsafeBufferPointer { FeaturePart(unnamedBytes: $0).hash }
        return (scoring, FeaturePart.hash(of: FeaturePart.clean(String(decoding: bytes, as: UTF8.self)).utf8))
    }

    /// The weights of `keys` looked up through the table's buffers, and through its subscript.
    package static func weights(of keys: [UInt64], entries: [(UInt64, Float)]) -> (buffers: [Float], subscript: [Float]) {
        let table = WeightTable(entries)
        let buffered = table.withBuffers { buffers in keys.map { buffers.weight(of: $0) } }
        return (buffered, keys.map { table[$0] })
    }
}

extension ScoringFastPaths {
    /// Whether a body's name holds a word: searched byte by byte (nil where that path is not
    /// taken), and by Foundation.
    package static func nameHolds(_ name: String, _ word: String) -> (fast: Bool, general: Bool) {
        (ReferenceResolver.name(name, holds: word), name.contains(word))
    }

    /// Whether a mention's text is its entity's name but for case: compared byte by byte (nil
    /// where that path is not taken), and through lowercased strings.
    package static func sameIgnoringCase(text: [UInt8], name: String) -> (fast: Bool?, general: Bool) {
        (BodyWithinName.asciiSameIgnoringCase(text[...], name), String(decoding: text, as: UTF8.self).lowercased() == name.lowercased())
    }

    /// The pieces of a rationale copied into one string, and joined by the standard library.
    package static func concatenation(of pieces: [String]) -> (copied: String, joined: String) {
        (concatenated(pieces: pieces), pieces.joined())
    }

    /// For each pair of entities, whether the index of affiliations puts them on one side.
    package static func sameSides(entityCount: Int, pairs: [[Int]]) -> [[Bool]] {
        let index = AffiliationIndex(entityCount: entityCount, pairs: pairs)
        return (0..<entityCount).map { first in (0..<entityCount).map { index.sameSide(first, $0) } }
    }
}

extension RelationExtractor {
    /// A gap's shape written on the stack and by appending to an array, and its part's hash as
    /// scoring makes it from the bytes and as the name gives it.
    package func gapShapes(in analysis: ArticleAnalysis, gap: Range<Int>)
        -> (stack: String?, appended: String?, scoringHash: UInt64?, namedHash: UInt64?)
    {
        (
            analysis.gapShape(gap, words: words), analysis.gapShapeByAppending(gap, words: words),
            analysis.gapShapePart(gap, words: words, features: FeatureSet(recordingNames: false))?.hash,
            analysis.gapShape(gap, words: words).map { FeaturePart.hash(of: FeaturePart.clean($0).utf8) }
        )
    }
}

extension RelationExtractor {
    /// Every feature of the article's candidates in order, as hashes (scoring) and as names
    /// (training), found with a sentence's pairs repeating what one actor gives them, or not.
    package func candidateFeatures(of analysis: ArticleAnalysis, sharingPairFeatures: Bool) -> (hashes: [UInt64], names: [String]) {
        var cut = 0
        var scoring = GraphBuilder(analysis: analysis, words: words)
        let hashes = findCandidates(
            in: analysis, builder: &scoring, recordingNames: false, cutSentences: &cut,
            sharesPairFeatures: sharingPairFeatures
        ).features.hashes
        var training = GraphBuilder(analysis: analysis, words: words)
        let names =
            findCandidates(
                in: analysis, builder: &training, recordingNames: true, cutSentences: &cut,
                sharesPairFeatures: sharingPairFeatures
            ).features.names ?? []
        return (hashes, names)
    }
}
