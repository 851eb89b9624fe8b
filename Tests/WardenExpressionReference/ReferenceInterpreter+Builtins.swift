import Foundation
import WardenExpression
import WardenValue

extension ReferenceInterpreter {
    mutating func call(_ name: String, _ args: [ReferenceExpr]) throws -> Value {
        switch name {
        case "all", "any", "none", "one", "filter", "map", "count":
            guard case .list(let items) = try eval(args[0]) else { throw Failure(kind: .type) }
            let saved = element
            defer { element = saved }
            var results: [Value] = []
            var kept: [Value] = []
            for item in items {
                element = item
                let r = try eval(args[1])
                if name == "map" {
                    results.append(r)
                    continue
                }
                guard case .bool(let b) = r else { throw Failure(kind: .type) }
                if b { kept.append(item) }
                // Short-circuit exactly where the spec says evaluation stops.
                if name == "all" && !b { return .bool(false) }
                if name == "any" && b { return .bool(true) }
                if name == "none" && b { return .bool(false) }
                if name == "one" && kept.count > 1 { return .bool(false) }
            }
            switch name {
            case "all": return .bool(true)
            case "any": return .bool(false)
            case "none": return .bool(true)
            case "one": return .bool(kept.count == 1)
            case "filter": return .list(kept)
            case "count": return .int(kept.count)
            default: return .list(results)
            }
        case "len":
            switch try eval(args[0]) {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .list(let l): return .int(l.count)
            case .map(let m): return .int(m.count)
            default: throw Failure(kind: .type)
            }
        case "upper", "lower":
            guard case .string(let s) = try eval(args[0]) else { throw Failure(kind: .type) }
            return .string(name == "upper" ? s.uppercased() : s.lowercased())
        case "trim":
            guard case .string(let s) = try eval(args[0]) else { throw Failure(kind: .type) }
            if args.count == 1 { return .string(s.trimmingCharacters(in: .whitespacesAndNewlines)) }
            guard case .string(let set) = try eval(args[1]) else { throw Failure(kind: .type) }
            return .string(s.trimmingCharacters(in: CharacterSet(charactersIn: set)))
        case "split":
            guard case .string(let s) = try eval(args[0]) else { throw Failure(kind: .type) }
            guard case .string(let sep) = try eval(args[1]) else { throw Failure(kind: .type) }
            if sep.isEmpty { return .list(s.unicodeScalars.map { .string(String($0)) }) }
            return .list(s.components(separatedBy: sep).map(Value.string))
        default:
            throw Failure(kind: .type)
        }
    }
}
