import Foundation

/// The opaque cursor of `GET /v1/audit/records`: where the next (older) page starts. It holds the
/// id of the oldest record of the page just answered; the next page holds the matching records
/// with smaller ids. Record ids are time-ordered UUIDv7s, unique in a log, so the pages walk the
/// whole store newest first with no record twice and none left out, even while records are added.
struct AuditPageCursor: Equatable {
    /// Every record of the next page has an id below this one.
    var before: String

    private static let prefix = "r1."

    /// The cursor's text: `r1.` and the id in base64url.
    var text: String {
        Self.prefix + Data(before.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Creates a cursor before `id`.
    init(before id: String) {
        before = id
    }

    /// Reads a cursor from its text.
    /// - Throws: ``ServiceError`` `invalid-cursor` when the text is not a cursor this service made.
    init(text: String) throws(ServiceError) {
        let invalid = ServiceError(
            code: "invalid-cursor",
            message: "invalid query parameter `cursor=\(text.prefix(80))`: pass the `next` value of the previous page unchanged")
        guard text.hasPrefix(Self.prefix), text.utf8.count <= 200 else { throw invalid }
        var base64 = String(text.dropFirst(Self.prefix.count))
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let id = String(data: data, encoding: .utf8), !id.isEmpty,
            id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw invalid }
        before = id
    }
}
