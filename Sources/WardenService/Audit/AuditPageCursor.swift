import Foundation

/// The opaque cursor of `GET /v1/audit/records`: where the next (older) page starts.
///
/// Over JSON Lines files it holds the id of the oldest record of the page just answered
/// (`r1.`): the next page holds the matching records with smaller ids. Record ids are
/// time-ordered UUIDv7s, unique in a log, so the pages walk the whole log newest first with no
/// record twice and none left out, even while records are added. Over an audit database it
/// holds that record's seq (`r2.`): the next page is the matching rows below it, read through
/// the primary key, so a page costs the same at the top of a store of a million records as at
/// its bottom.
enum AuditPageCursor: Equatable {
    /// Every record of the next page has an id below this one.
    case beforeID(String)
    /// Every record of the next page has a seq below this one.
    case beforeSeq(Int)

    private static let idPrefix = "r1."
    private static let seqPrefix = "r2."

    /// The cursor's text: `r1.` and the id in base64url, or `r2.` and the seq.
    var text: String {
        switch self {
        case .beforeID(let id):
            Self.idPrefix
                + Data(id.utf8).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        case .beforeSeq(let seq): Self.seqPrefix + String(seq)
        }
    }

    /// Reads a cursor from its text.
    /// - Throws: ``ServiceError`` `invalid-cursor` when the text is not a cursor this service made.
    init(text: String) throws(ServiceError) {
        let invalid = ServiceError(
            code: "invalid-cursor",
            message:
                "invalid query parameter `cursor=\(text.prefix(80))`: pass the `next` value of the previous page unchanged"
        )
        guard text.utf8.count <= 200 else { throw invalid }
        if text.hasPrefix(Self.seqPrefix) {
            guard let seq = Int(text.dropFirst(Self.seqPrefix.count)), seq > 0 else { throw invalid }
            self = .beforeSeq(seq)
            return
        }
        guard text.hasPrefix(Self.idPrefix) else { throw invalid }
        var base64 = String(text.dropFirst(Self.idPrefix.count))
            .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let id = String(data: data, encoding: .utf8), !id.isEmpty,
            id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { throw invalid }
        self = .beforeID(id)
    }
}
