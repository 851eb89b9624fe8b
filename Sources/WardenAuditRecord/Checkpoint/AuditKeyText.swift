import Foundation

/// The text form of a key file: a header line naming what it holds, then the raw 32-byte key in
/// base64 on one line.
///
/// ```text
/// warden audit signing key ed25519
/// 0rn3Xy8Vb2dQmK6cS1xEo0pNwZkTn4yA8e1o2yq7fHc=
/// ```
enum AuditKeyText {
    /// The first line of a private (signing) key file.
    static let signingHeader = "warden audit signing key ed25519"
    /// The first line of a public key file.
    static let publicHeader = "warden audit public key ed25519"

    /// The file text for `raw` key bytes under `header`.
    static func encode(_ raw: some DataProtocol, header: String) -> String {
        "\(header)\n\(Data(raw).base64EncodedString())\n"
    }

    /// The raw 32 key bytes of a key file's text, checking its header.
    static func decode(_ text: String, header: String, path: String) throws(AuditKeyError) -> Data {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let content = lines.last == "" ? lines.dropLast() : lines[...]
        guard content.count == 2, content.first == header else {
            let other = header == signingHeader ? publicHeader : signingHeader
            let hint =
                content.first == other
                ? "it holds the other half of a key pair (give the `.\(header == signingHeader ? "key" : "pub")` file)"
                : "expected the line `\(header)` and one line of base64, as `warden audit keygen` writes"
            throw AuditKeyError("invalid key file `\(path)`: \(hint)")
        }
        guard let raw = Data(base64Encoded: String(content[content.startIndex + 1])), raw.count == 32 else {
            throw AuditKeyError("invalid key file `\(path)`: line 2 must be 32 bytes in base64 (44 characters)")
        }
        return raw
    }

    /// The text of the file at `path`.
    package static func read(_ path: String) throws(AuditKeyError) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard data.count <= 4096, let text = String(data: data, encoding: .utf8) else {
                throw AuditKeyError("invalid key file `\(path)`: not a key file (too long or not UTF-8)")
            }
            return text
        } catch let error as AuditKeyError {
            throw error
        } catch {
            throw AuditKeyError(
                "cannot read key file `\(path)`: \((error as NSError).localizedDescription.lowercased())")
        }
    }
}
