/// Generates record ids: UUIDv7 (RFC 9562), strictly increasing within one generator.
///
/// The 48-bit millisecond timestamp comes from the record clock; the 12 `rand_a` bits hold a
/// counter so that ids made within one millisecond still increase (RFC 9562 method 1); when the
/// counter overflows the timestamp is advanced by one millisecond. The 62 `rand_b` bits are random.
struct AuditRecordID {
    private var lastMillis: Int64 = .min
    private var counter: UInt16 = 0
    private var random = FastRandom()

    /// A generator whose ids all come after `id` (the last record of a log being resumed),
    /// whatever the times they are made at; any id when `id` is `nil` or not a UUIDv7.
    init(after id: String? = nil) {
        guard let id, Self.isValid(id) else { return }
        let high = RecordIDOrder(id).high
        lastMillis = Int64(high >> 16)
        counter = UInt16(high & 0xFFF)
    }

    /// The next id for a record made at `time`.
    package mutating func next(at time: AuditTime) -> String {
        var millis = time.microseconds.floorDivided(by: 1000).quotient
        if millis <= lastMillis {
            millis = lastMillis
            if counter >= 0xFFF {
                millis += 1
                counter = 0
            } else {
                counter += 1
            }
        } else {
            counter = 0
        }
        lastMillis = millis
        let high = (UInt64(truncatingIfNeeded: millis) & 0xFFFF_FFFF_FFFF) << 16 | 0x7000 | UInt64(counter)
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        return Self.format(high: high, low: low)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func format(high: UInt64, low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 36) { buffer in
            var i = 0
            for n in 0..<32 {
                if n == 8 || n == 12 || n == 16 || n == 20 {
                    buffer[i] = UInt8(ascii: "-")
                    i += 1
                }
                let word = n < 16 ? high : low
                buffer[i] = hexDigits[Int((word >> UInt64(60 - 4 * (n % 16))) & 0xF)]
                i += 1
            }
            return i
        }
    }

    /// Whether `text` is a UUID in lowercase hex with dashes (`8-4-4-4-12`).
    static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 36 else { return false }
        for (i, c) in utf8.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == UInt8(ascii: "-") else { return false }
            } else {
                guard ChainHash.isHexDigit(c) else { return false }
            }
        }
        return true
    }
}

/// SplitMix64 seeded from the system generator and reseeded every 4096 draws: unpredictable
/// enough for the random bits of record ids without a system call per id (uniqueness and order
/// come from the timestamp and counter).
struct FastRandom {
    private var state: UInt64 = 0
    private var remaining = 0

    package mutating func next() -> UInt64 {
        if remaining == 0 {
            var system = SystemRandomNumberGenerator()
            state = system.next()
            remaining = 4096
        }
        remaining -= 1
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
