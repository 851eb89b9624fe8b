#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A small direct-mapped cache from the bytes of a JSON text to the value built from it, so
/// records that repeat a string, list or object share one copy instead of allocating their own
/// (a log repeats its policy ids, actors, operations and PIDs over and over).
///
/// Each text hashes to one slot; a different text with the same slot replaces the entry. A hit
/// costs a hash and a `memcmp`; a miss builds the value as it would be without the cache.
struct InternTable<Value> {
    private var keys: [[UInt8]]
    private var values: [Value?]
    private let mask: Int

    /// A table of `size` slots (a power of two).
    init(size: Int) {
        precondition(size > 0 && size & (size - 1) == 0, "the size of an intern table is a power of two")
        keys = Array(repeating: [], count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
    }

    /// The value stored for `text`, if the table holds it.
    package func value(for text: UnsafeBufferPointer<UInt8>) -> Value? {
        let slot = Self.slot(text, mask)
        guard let value = values[slot], Self.equal(keys[slot], text) else { return nil }
        return value
    }

    /// Stores `value` for `text` (in place of whatever shared its slot).
    package mutating func store(_ value: Value, for text: UnsafeBufferPointer<UInt8>) {
        let slot = Self.slot(text, mask)
        keys[slot] = Array(text)
        values[slot] = value
    }

    private static func slot(_ text: UnsafeBufferPointer<UInt8>, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash(text)) & mask
    }

    private static func equal(_ key: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard key.count == text.count else { return false }
        return key.withUnsafeBufferPointer { k in
            guard let a = k.baseAddress, let b = text.baseAddress else { return true }
            return memcmp(a, b, text.count) == 0
        }
    }

    /// A fast hash of `text`, eight bytes at a time.
    package static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = text.baseAddress else { return 0 }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(text.count)
        var i = 0
        while i + 8 <= text.count {
            h = (h ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < text.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 32)
    }
}
