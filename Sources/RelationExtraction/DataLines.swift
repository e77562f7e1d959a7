/// The lines of a tab-separated data file, read over its bytes: each line's fields as byte
/// ranges, so a loader makes a String only of the fields it keeps. Comment lines (`#`) and
/// empty lines are skipped; a line may end in "\r\n".
struct DataLines: Sequence {
    let bytes: [UInt8]

    struct Line {
        /// 1-based, for error messages.
        let number: Int
        let fields: [Range<Int>]
    }

    func makeIterator() -> Iterator { Iterator(bytes: bytes) }

    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var position = 0
        var number = 0
        /// The fields of the line returned last, reused for the next line: a loop that lets go of
        /// each line before asking for the next (`for line in lines`) allocates no array per line.
        private var fields: [Range<Int>] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> Line? {
            // Over the bytes' buffer: the files have thousands of lines, and an index into the
            // array is checked at every byte.
            let bytes = self.bytes
            return bytes.withUnsafeBufferPointer { bytes in
                while position < bytes.count {
                    number += 1
                    let start = position
                    // A comment line is skipped to its end without reading fields.
                    let isComment = bytes[start] == UInt8(ascii: "#")
                    fields.removeAll(keepingCapacity: true)
                    var fieldStart = start
                    var end = start
                    if isComment {
                        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                    } else {
                        while end < bytes.count {
                            let byte = bytes[end]
                            if byte == 0x0A { break }
                            if byte == 0x09 {
                                fields.append(fieldStart..<end)
                                fieldStart = end + 1
                            }
                            end += 1
                        }
                    }
                    position = end + 1
                    var stop = end
                    if stop > start && bytes[stop - 1] == 0x0D { stop -= 1 }
                    if stop == start || isComment { continue }
                    fields.append(fieldStart..<stop)
                    return Line(number: number, fields: fields)
                }
                return nil
            }
        }
    }

    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { text in
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != text[offset] { return false }
            return true
        }
    }

    func hasPrefix(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count >= literal.utf8CodeUnitCount else { return false }
        return equals(range.lowerBound..<(range.lowerBound + literal.utf8CodeUnitCount), literal)
    }
}
