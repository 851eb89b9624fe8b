import WardenTestSupport
import WardenValue

/// Renders a `ReferenceExpr` to source text with the parentheses precedence requires, plus a
/// few random extra ones, and randomly picks between equivalent spellings (`&&`/`and`, braces
/// around closures, `#.a`/`.a`), so the parser is exercised along with the evaluator.
public struct ReferenceRenderer {
    var rng: SeededGenerator

    /// A renderer whose choices of spelling follow `seed`.
    public init(seed: UInt64) { rng = SeededGenerator(seed: seed ^ 0x5EED) }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }

    static func precedence(_ e: ReferenceExpr) -> Int {
        switch e {
        case .ternary: return 0
        case .not: return 50
        case .negate: return 90
        case .binary(let op, _, _):
            switch op {
            case "||", "or": return 10
            case "&&", "and": return 15
            case "+", "-": return 30
            case "*", "/", "%": return 60
            case "??": return 500
            default: return 20
            }
        default: return 1000
        }
    }

    /// The source text of `e`, parenthesised where precedence above `minimum` needs it.
    public mutating func render(_ e: ReferenceExpr, _ minimum: Int = 0) -> String {
        let text = renderBare(e)
        let p = Self.precedence(e)
        if p < minimum || (p < 1000 && chance(8)) { return "(" + text + ")" }
        return text
    }

    private mutating func renderBare(_ e: ReferenceExpr) -> String {
        switch e {
        case .literal(let v): return literal(v)
        case .name(let n): return n
        case .current: return "#"
        case .list(let items): return "[" + items.map { render($0) }.joined(separator: ", ") + "]"
        case .map(let entries):
            return "{"
                + entries.map { key, value in (chance(50) ? key : quote(key)) + ": " + render(value) }.joined(
                    separator: ", ") + "}"
        case .not(let x): return (chance(50) ? "!" : "not ") + render(x, 50)
        case .negate(let x): return "-" + render(x, 90)
        case .binary(let op, let l, let r):
            let p = Self.precedence(e)
            return render(l, p) + " " + op + " " + render(r, p + 1)
        case .ternary(let c, let t, let o):
            return render(c, 1) + " ? " + render(t) + " : " + render(o)
        case .member(let o, let name, let optional):
            if case .current = o, !optional, chance(50) { return "." + name }
            return render(o, 1000) + (optional ? "?." : ".") + name
        case .index(let o, let key, let optional):
            return render(o, 1000) + (optional ? "?.[" : "[") + render(key) + "]"
        case .call(let name, let args):
            var parts: [String] = []
            for (i, arg) in args.enumerated() {
                let text = render(arg)
                let isClosure = i == 1 && ["all", "any", "none", "one", "filter", "map", "count"].contains(name)
                // A bare body starting with `{` would read as braces around the body: always brace it.
                parts.append(isClosure && (chance(70) || text.hasPrefix("{")) ? "{" + text + "}" : text)
            }
            return name + "(" + parts.joined(separator: ", ") + ")"
        }
    }

    private func literal(_ v: Value) -> String {
        switch v {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return i < 0 ? "(\(i))" : "\(i)"
        case .double(let d): return d < 0 || d.sign == .minus ? "(\(d))" : "\(d)"
        case .string(let s): return quote(s)
        case .list(let l): return "[" + l.map(literal).joined(separator: ", ") + "]"
        case .map(let m):
            return "{" + m.keys.sorted().map { quote($0) + ": " + literal(m[$0] ?? .null) }.joined(separator: ", ")
                + "}"
        }
    }

    private func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
