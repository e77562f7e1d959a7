import GRDB

/// The digest that finds a stored sentence by its text (schema 5's `sentences.digest`): 64-bit
/// FNV-1a of its UTF-8 bytes. It must not change, since stores keep it; Swift's `Hasher` is
/// seeded anew in every process.
enum SentenceDigest {
    static func of(_ text: String) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return Int64(bitPattern: hash)
    }

    /// The digest as an SQL function, for the upgrade that fills `sentences` from old evidence.
    static let sqlName = "newsgraph_sentence_digest"
    static let sqlFunction = DatabaseFunction(sqlName, argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(SentenceDigest.of)
    }
}
