/// A record id (a UUID) as a 128-bit number, for checking that ids strictly increase. UUIDv7
/// ids compare by their time first, so a log's ids increase in the order written.
package struct RecordIDOrder: Comparable {
    var high: UInt64
    var low: UInt64

    /// The number of a lowercase UUID's 36 bytes (`8-4-4-4-12` hex digits); dashes are skipped
    /// and any other byte counts as zero (ids are validated before they are compared).
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for c in bytes where c != UInt8(ascii: "-") {
            let nibble: UInt64 =
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt64(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt64(c - UInt8(ascii: "a") + 10)
                default: 0
                }
            if digits < 16 { high = high << 4 | nibble } else { low = low << 4 | nibble }
            digits += 1
        }
        self.high = high
        self.low = low
    }

    /// The number of an id's text.
    init(_ text: String) {
        var text = text
        self = text.withUTF8 { RecordIDOrder($0) }
    }

    package static func < (a: RecordIDOrder, b: RecordIDOrder) -> Bool { (a.high, a.low) < (b.high, b.low) }
}
