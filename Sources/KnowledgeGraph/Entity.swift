/// A real-world actor: a person, agency, country or organization.
public struct Entity: Hashable, Sendable, Codable, Identifiable {
    /// A stable slug made from the name, such as `antony-blinken`.
    public var id: String
    /// The fullest proper name the text gives.
    public var name: String
    public var type: EntityType
    /// Every other way the text names this actor, sorted, without the name itself.
    public var aliases: [String]
    /// How many times the actor is mentioned.
    public var mentions: Int

    public init(id: String? = nil, name: String, type: EntityType, aliases: [String] = [], mentions: Int = 1) {
        self.id = id ?? Entity.slug(for: name)
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
    }

    /// Lowercase letters and digits joined by single hyphens; Latin diacritics are folded
    /// ("Erdoğan" gives `erdogan`), other scripts are kept as they are.
    package static func slug(for name: String) -> String {
        asciiSlug(for: name) ?? mixedSlug(for: name)
    }

    /// `slugByScalars(for:)` with its ASCII scalars folded without Unicode's tables and the slug
    /// written as bytes: a name with one accented letter went through the tables (and made a
    /// string for each scalar's lowercase) for every letter, some 50,000 instructions a name.
    package static func mixedSlug(for name: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for scalar in name.foldingLatinDiacritics.unicodeScalars {
            let value = scalar.value
            let isKept: Bool
            if value < 0x80 {
                let lower = value >= 0x41 && value <= 0x5A ? value | 0x20 : value
                isKept = (lower >= 0x61 && lower <= 0x7A) || (value >= 0x30 && value <= 0x39)
            } else {
                isKept = scalar.properties.isAlphabetic
            }
            if isKept {
                if pendingHyphen && !result.isEmpty { result.append(0x2D) }
                pendingHyphen = false
                if value < 0x80 {
                    result.append(UInt8(value >= 0x41 && value <= 0x5A ? value | 0x20 : value))
                } else {
                    result.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            } else if scalar != "." && scalar != "'" && scalar != "\u{2019}" {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "entity" : String(decoding: result, as: UTF8.self)
    }

    /// `slug(for:)`'s fast path: most names are ASCII, folded byte by byte, without Unicode tables,
    /// straight into the slug's storage (a slug is never longer than its name). Nil for a name
    /// with any other character (or not stored as contiguous UTF-8), which `slugByScalars` takes.
    package static func asciiSlug(for name: String) -> String? {
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var isASCII = true
            let slug = String(unsafeUninitializedCapacity: max(1, bytes.count)) { slug -> Int in
                var count = 0
                var pendingHyphen = false
                for byte in bytes {
                    if byte >= 0x80 {
                        isASCII = false
                        return 0
                    }
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                        if pendingHyphen && count > 0 {
                            slug[count] = 0x2D
                            count += 1
                        }
                        pendingHyphen = false
                        slug[count] = lower
                        count += 1
                    } else if byte != 0x2E && byte != 0x27 {
                        pendingHyphen = true
                    }
                }
                return count
            }
            return isASCII ? (slug.isEmpty ? "entity" : slug) : nil
        }
        return ascii ?? nil
    }

    /// `slug(for:)` for any name, scalar by scalar: the general twin of `asciiSlug(for:)`.
    package static func slugByScalars(for name: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingHyphen = false
        for scalar in name.foldingLatinDiacritics.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if scalar != "." && scalar != "'" && scalar != "\u{2019}" {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "entity" : String(result)
    }
}

extension String {
    /// The string with common Latin diacritics removed, without needing Foundation.
    ///
    /// The letters are looked up in a flat table by scalar value, and a string with none to fold
    /// is returned as it is: every entity's slug and office holders' lookup keys fold their names,
    /// and hashing each scalar into a dictionary cost ten thousand instructions a name.
    package var foldingLatinDiacritics: String {
        guard unicodeScalars.contains(where: { LatinFolding.base(of: $0) != nil }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            UTF8.encode(LatinFolding.base(of: scalar) ?? scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `foldingLatinDiacritics` scalar by scalar through the dictionary: its general twin, which
    /// the tests compare it with.
    package var foldingLatinDiacriticsByDictionary: String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if let base = latinBase[scalar] { out.append(base) } else { out.append(scalar) }
        }
        return String(out)
    }
}

/// `latinBase` as a flat table over the scalars below `LatinFolding.flatCount` (all of them, in
/// the table as written), any others left to the dictionary.
private enum LatinFolding {
    static let flatCount = 0x250

    /// The base letter's scalar value by scalar value, 0 for a scalar that keeps its form.
    static let flat: [UInt32] = {
        var flat = [UInt32](repeating: 0, count: flatCount)
        for (accented, base) in latinBase where accented.value < UInt32(flatCount) { flat[Int(accented.value)] = base.value }
        return flat
    }()

    static let others: [Unicode.Scalar: Unicode.Scalar] = latinBase.filter { $0.key.value >= UInt32(flatCount) }

    @inline(__always)
    static func base(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if scalar.value < UInt32(flatCount) {
            let base = flat[Int(scalar.value)]
            return base == 0 ? nil : Unicode.Scalar(base)
        }
        return others.isEmpty ? nil : others[scalar]
    }
}

private let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
    let table: [(String, Character)] = [
        ("àáâãäåāăą", "a"), ("ÀÁÂÃÄÅĀĂĄ", "A"), ("çćĉċč", "c"), ("ÇĆĈĊČ", "C"), ("ďđ", "d"), ("ĎĐ", "D"),
        ("èéêëēĕėęě", "e"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĝğġģ", "g"), ("ĜĞĠĢ", "G"), ("ìíîïĩīĭįı", "i"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("ñńņňŉ", "n"), ("ÑŃŅŇ", "N"), ("òóôõöøōŏő", "o"), ("ÒÓÔÕÖØŌŎŐ", "O"),
        ("śŝşšș", "s"), ("ŚŜŞŠȘ", "S"), ("ţťŧț", "t"), ("ŢŤŦȚ", "T"), ("ùúûüũūŭůűų", "u"),
        ("ÙÚÛÜŨŪŬŮŰŲ", "U"), ("ýÿŷ", "y"), ("ÝŸŶ", "Y"), ("źżž", "z"), ("ŹŻŽ", "Z"), ("łľĺļ", "l"), ("ŁĽĹĻ", "L"),
        ("ŕřŗ", "r"), ("ŔŘŖ", "R"),
    ]
    var map: [Unicode.Scalar: Unicode.Scalar] = [:]
    for (accented, base) in table {
        for scalar in accented.unicodeScalars { map[scalar] = base.unicodeScalars.first! }
    }
    return map
}()
