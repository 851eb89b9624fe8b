/// Checks UTF-8 one sequence at a time, with the rules of `String(validating:as:)`: no
/// overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Check {
    /// The index just after the multi-byte sequence starting at `index` (whose first byte is
    /// 0x80 or more); throws when the bytes there are not one well-formed sequence.
    @inline(__always)
    static func sequenceEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) throws(NotCanonical) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80  // the allowed range of the second byte
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw NotCanonical()
        }
        guard index + length <= bytes.count else { throw NotCanonical() }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { throw NotCanonical() }
        for i in (index + 2)..<(index + length) where bytes[i] & 0xC0 != 0x80 {
            throw NotCanonical()
        }
        return index + length
    }
}
