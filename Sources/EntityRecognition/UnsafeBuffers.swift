// The recognizer's unsafe memory, in one place: the buffers it fills without array checks and the
// eight-byte loads of its SWAR scans. Each check here is an `assert`, so debug builds and the
// tests (and `make sanitize`, which runs them under AddressSanitizer) check every access, and a
// release build checks none of them. The fast paths these serve have general twins that the
// differential tests (Tests/EntityRecognitionTests/FastPathTests.swift) compare them with.

/// A growable buffer of a trivial type (no references, nothing to deinitialize: `Token`,
/// `MentionBuilder.Item`), owned by one value, in the spirit of swift-collections'
/// `_UnsafeHandle`. Appending checks neither sharing nor (in release builds) capacity, as an
/// array append would; the elements are read through `elements`, valid until the next change.
struct TrivialBuffer<Element>: ~Copyable {
    private var start: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        // Elements are dropped by resetting `count` and freed without deinitializing: only
        // right for a type with no references or other owned resources.
        assert(_isPOD(Element.self), "TrivialBuffer holds only trivial types; \(Element.self) is not")
        self.capacity = max(1, capacity)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The elements, valid until the buffer next changes.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: start, count: count) }

    /// Appends, doubling the storage when it is full.
    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: capacity * 2) }
        appendWithinCapacity(element)
    }

    /// Appends where the caller knows there is room (`removeAll(reservingCapacity:)`).
    @inline(__always)
    mutating func appendWithinCapacity(_ element: Element) {
        assert(count < capacity, "TrivialBuffer: append past its capacity \(capacity)")
        (start + count).initialize(to: element)
        count += 1
    }

    /// Forgets the elements and makes room for at least `minimum` (growing by doubling, not to
    /// each larger request's exact size; nothing is kept).
    mutating func removeAll(reservingCapacity minimum: Int) {
        count = 0
        if capacity < minimum {
            start.deallocate()
            capacity = max(minimum, 2 * capacity)
            start = .allocate(capacity: capacity)
        }
    }

    @inline(never)
    private mutating func grow(to newCapacity: Int) {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        larger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = larger
        capacity = newCapacity
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The eight bytes at `offset`, little-endian, from any alignment: the one unaligned load of
    /// the text's SWAR scans, checked to stay inside the buffer in debug builds.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        assert(offset >= 0 && offset &+ 8 <= count, "eight-byte load at \(offset) outside \(count) bytes")
        return UnsafeRawPointer(baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self)
    }
}

extension UnsafeRawBufferPointer {
    /// The eight bytes at `offset`, little-endian, checked to stay inside the buffer in debug builds.
    @inline(__always)
    func word(at offset: Int) -> UInt64 {
        assert(offset >= 0 && offset &+ 8 <= count, "eight-byte load at \(offset) outside \(count) bytes")
        return UnsafeRawPointer(baseAddress.unsafelyUnwrapped + offset).loadUnaligned(as: UInt64.self)
    }
}
