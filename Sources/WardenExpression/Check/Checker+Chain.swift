import WardenValue

extension Checker {
    /// The environment's names, for "did you mean" on undefined ones.
    static let names = ["actor", "action", "resource", "meta"]

    mutating func checkChain(_ e: Expr, _ base: Expr, _ links: [ChainLink]) -> (Expr, ValueKinds) {
        let (b, baseKinds) = check(base)
        var checkedLinks: [ChainLink] = []
        var kinds = baseKinds
        var mayShortCircuit = false
        var failed = false
        for (i, link) in links.enumerated() {
            var checked = link
            var keyKinds: ValueKinds = .string
            if case .index(let keyExpr) = link.key {
                let (k, kk) = check(keyExpr)
                checked.key = .index(k)
                keyKinds = kk
            }
            checkedLinks.append(checked)
            if failed { continue }
            if kinds.contains(.null) {
                if link.optional { mayShortCircuit = true }
                kinds.remove(.null)
                if kinds.isEmpty && !link.optional {
                    reportNilChain(base, links, i)
                    failed = true
                    continue
                }
            }
            if i == 0, case .name("actor") = base.kind {
                kinds = Checker.actorMember(link)
                continue
            }
            var next: ValueKinds = []
            if kinds.contains(.map), keyKinds.contains(.string) { next = .all }
            if kinds.contains(.list), case .index = link.key, keyKinds.contains(.int) { next = .all }
            if next.isEmpty && !kinds.isEmpty {
                if typeChecks {
                    let what =
                        if case .member(let name) = link.key { "member `\(name)`" } else {
                            "an index of type \(keyKinds)"
                        }
                    report(
                        .type,
                        "cannot read \(what) of a value that is always \(kinds); only maps have members and lists integer indexes",
                        at: link.at)
                }
                failed = true
                next = .all
            }
            kinds = next
        }
        var out = e
        out.kind = .chain(b, checkedLinks)
        if mayShortCircuit { kinds.insert(.null) }
        if failed { return (out, .all) }
        var children = [b]
        for link in checkedLinks { if case .index(let k) = link.key { children.append(k) } }
        return foldKinds(out, all: children, kinds)
    }

    private static func actorMember(_ link: ChainLink) -> ValueKinds {
        var name: String?
        switch link.key {
        case .member(let n): name = n
        case .index(let k): name = k.literal?.stringValue
        }
        switch name {
        case "id": return .string
        case "meta": return .map
        // Other members fail when evaluated (`expr-unknown-member`), as conformance case E10 requires.
        default: return .all
        }
    }

    private mutating func reportNilChain(_ base: Expr, _ links: [ChainLink], _ i: Int) {
        guard typeChecks else { return }
        let name = if case .member(let n) = links[i].key { "member `\(n)`" } else { "an index" }
        if i == 0, case .name(let undefined) = base.kind {
            var message =
                "`\(undefined)` is not defined (undefined names are nil), so reading \(name) of it always fails"
            if let near = Suggestions.closest(to: undefined, in: Checker.names) {
                message += "; did you mean `\(near)`?"
            } else {
                message += "; request attributes are under `meta.\(undefined)`"
            }
            report(.type, message, at: base.span.lowerBound)
        } else {
            report(.type, "cannot read \(name) of a value that is always nil; use `?.` or `??`", at: links[i].at)
        }
    }
}
