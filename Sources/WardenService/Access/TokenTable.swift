import Crypto
import Foundation
import WardenYAML

/// The bearer tokens `--tokens FILE` accepts, kept as SHA-256 digests, with their roles.
///
/// ```yaml
/// tokens:
///   - name: ci                      # optional, named in logs
///     sha256: 2c26b46b68ffc68f...   # `printf %s "$TOKEN" | sha256sum`
///     roles: [decide, read]
/// ```
public struct TokenTable: Sendable {
    /// One accepted token.
    public struct Entry: Sendable, Hashable {
        /// A label for logs (the digest's first 12 characters when the file names none).
        public var name: String
        /// The SHA-256 digest of the token, 32 bytes.
        public var digest: [UInt8]
        /// What the token may do.
        public var roles: Set<ServiceRole>

        /// Creates an entry for the token whose SHA-256 digest is `digest`.
        public init(name: String, digest: [UInt8], roles: Set<ServiceRole>) {
            self.name = name
            self.digest = digest
            self.roles = roles
        }
    }

    /// Every accepted token.
    public let entries: [Entry]

    /// Creates a table.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The entry whose digest equals the token's; every digest is compared in full, in constant
    /// time, so the answer's timing does not tell how much of a digest matched.
    public func entry(forToken token: String) -> Entry? {
        let presented = Array(SHA256.hash(data: Array(token.utf8)))
        var found: Entry?
        for entry in entries where Self.constantTimeEqual(entry.digest, presented) {
            found = entry
        }
        return found
    }

    /// Whether two byte strings of equal length are equal, touching every byte.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    /// The lowercase hex SHA-256 digest of `token`, as the file holds it.
    public static func digest(ofToken token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Reads a tokens file.
    /// - Throws: ``TokenFileError`` with the place in the file and how to fix it.
    public init(contentsOf path: String) throws(TokenFileError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TokenFileError(message: "cannot read the tokens file `\(path)`: \(error.localizedDescription)")
        }
        try self.init(yaml: text, file: path)
    }

    /// Reads the text of a tokens file named `file`.
    /// - Throws: ``TokenFileError`` with the place in the file and how to fix it.
    public init(yaml text: String, file: String) throws(TokenFileError) {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser().parse(text: text, file: file)
        } catch {
            throw TokenFileError(message: error.descriptionWithHint)
        }
        let example = "write `tokens: [{sha256: HEX, roles: [decide]}]`"
        guard documents.count == 1, let top = documents[0].mappingPairs,
            let list = top.first(where: { $0.key.scalarText == "tokens" })
        else {
            throw TokenFileError(message: "\(file): a tokens file is one mapping with a `tokens` list; \(example)")
        }
        if let extra = top.first(where: { $0.key.scalarText != "tokens" }) {
            throw TokenFileError(
                message: "\(extra.key.mark): unknown key `\(extra.key.scalarText ?? "")`; the file has only `tokens`")
        }
        guard let items = list.value.sequenceItems, !items.isEmpty else {
            throw TokenFileError(message: "\(list.value.mark): `tokens` must be a non-empty list; \(example)")
        }
        var entries: [Entry] = []
        for item in items {
            entries.append(try Self.entry(item, example: example))
        }
        self.init(entries: entries)
    }

    private static func entry(_ item: YAMLNode, example: String) throws(TokenFileError) -> Entry {
        guard let pairs = item.mappingPairs else {
            throw TokenFileError(message: "\(item.mark): a token is a mapping with `sha256` and `roles`; \(example)")
        }
        var name: String?
        var digest: [UInt8]?
        var roles: Set<ServiceRole> = []
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            switch key {
            case "name":
                name = pair.value.scalarText
            case "sha256":
                guard let hex = pair.value.scalarText, let bytes = Self.bytes(hex: hex) else {
                    throw TokenFileError(
                        message:
                            "\(pair.value.mark): `sha256` must be 64 hex digits; make it with `printf %s \"$TOKEN\" | sha256sum`"
                    )
                }
                digest = bytes
            case "roles":
                guard let names = pair.value.sequenceItems, !names.isEmpty else {
                    throw TokenFileError(
                        message: "\(pair.value.mark): `roles` must be a non-empty list, e.g. `[decide, read]`")
                }
                for node in names {
                    guard let role = node.scalarText.flatMap(ServiceRole.init(rawValue:)) else {
                        throw TokenFileError(
                            message:
                                "\(node.mark): unknown role `\(node.scalarText ?? node.kindName)`; use "
                                + ServiceRole.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))
                    }
                    roles.insert(role)
                }
            default:
                throw TokenFileError(
                    message: "\(pair.key.mark): unknown key `\(key)`; a token has `name`, `sha256`, `roles`")
            }
        }
        guard let digest else { throw TokenFileError(message: "\(item.mark): the token has no `sha256`; \(example)") }
        guard !roles.isEmpty else {
            throw TokenFileError(message: "\(item.mark): the token has no `roles`; \(example)")
        }
        let label = name ?? digest.prefix(6).map { String(format: "%02x", $0) }.joined()
        return Entry(name: label, digest: digest, roles: roles)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < 64 {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A tokens file that cannot be used.
public struct TokenFileError: Error, Sendable, Hashable {
    /// A lowercase message with the place in the file and a hint.
    public var message: String
}
