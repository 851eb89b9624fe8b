import Crypto

/// The record hash: `SHA-256(prev + canonical JSON of the record without hash)` in lowercase hex.
///
/// `prev` enters the digest as its 64 ASCII hex characters, followed directly by the canonical
/// JSON text's UTF-8 bytes.
enum ChainHash {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The hash of a record whose canonical JSON without `hash` is `canonicalJSON`.
    package static func hash(prev: String, canonicalJSON: String) -> String {
        var hasher = SHA256()
        update(&hasher, prev)
        update(&hasher, canonicalJSON)
        return hex(hasher.finalize())
    }

    /// Feeds the UTF-8 bytes of `text` to `hasher` without copying them.
    package static func update(_ hasher: inout SHA256, _ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    /// Lowercase hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            writeHex(digest, into: UnsafeMutableBufferPointer(rebasing: buffer[..<64]))
            return 64
        }
    }

    /// Writes the 64 lowercase hex digits of `digest` into `buffer` (at least 64 bytes).
    static func writeHex(_ digest: SHA256.Digest, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        digest.withUnsafeBytes { bytes in
            for byte in bytes {
                buffer[i] = hexDigits[Int(byte >> 4)]
                buffer[i + 1] = hexDigits[Int(byte & 0xF)]
                i += 2
            }
        }
    }

    /// Whether `hex` is the lowercase hex of `digest`, compared without building a string.
    package static func matches(_ digest: SHA256.Digest, hex: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hex.count == 64 else { return false }
        return digest.withUnsafeBytes { bytes in
            var i = 0
            for byte in bytes {
                guard hex[i] == hexDigits[Int(byte >> 4)], hex[i + 1] == hexDigits[Int(byte & 0xF)] else {
                    return false
                }
                i += 2
            }
            return true
        }
    }

    /// Whether `c` is a lowercase hex digit.
    @inline(__always)
    static func isHexDigit(_ c: UInt8) -> Bool {
        c &- UInt8(ascii: "0") < 10 || c &- UInt8(ascii: "a") < 6
    }

    /// Whether `text` is 64 lowercase hex digits, the form of `prev` and `hash`.
    static func isValidHex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy(isHexDigit)
    }
}
