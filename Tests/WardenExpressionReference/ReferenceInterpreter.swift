import Foundation
import WardenExpression
import WardenValue

/// A deliberately plain tree-walking interpreter written from docs/expressions.md, independent
/// of the compiled evaluator: no folding, no fast paths, no closures compiled ahead of time.
public struct ReferenceInterpreter {
    /// An evaluation failure; `kind` names the `ExpressionError.Kind` the spec calls for.
    public struct Failure: Error {
        /// The kind of failure.
        public var kind: ExpressionError.Kind
    }

    let env: ExpressionEnvironment
    var element: Value = .null

    /// An interpreter over the request environment `env`.
    public init(_ env: ExpressionEnvironment) { self.env = env }

    /// Evaluates `e`: its value, or the failure the spec calls for.
    public mutating func run(_ e: ReferenceExpr) -> Result<Value, Failure> {
        do {
            return .success(try eval(e))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(kind: .type))
        }
    }

    private func fail(_ kind: ExpressionError.Kind) -> Failure { Failure(kind: kind) }

    mutating func eval(_ e: ReferenceExpr) throws -> Value {
        switch e {
        case .literal(let v): return v
        case .current: return element
        case .name(let n):
            switch n {
            case "action": return .string(env.action)
            case "resource": return .string(env.resource)
            case "meta": return .map(env.meta)
            case "actor":
                guard let a = env.actor else { return .null }
                return .map(["id": .string(a.id), "meta": .map(a.meta)])
            default: return .null
            }
        case .list(let items):
            var out: [Value] = []
            for item in items { out.append(try eval(item)) }
            return .list(out)
        case .map(let entries):
            var out: [String: Value] = [:]
            for (k, v) in entries { out[k] = try eval(v) }
            return .map(out)
        case .not(let x):
            guard case .bool(let b) = try eval(x) else { throw fail(.type) }
            return .bool(!b)
        case .negate(let x):
            switch try eval(x) {
            case .int(let i):
                if i == Int.min { throw fail(.overflow) }
                return .int(0 - i)
            case .double(let d): return .double(-d)
            default: throw fail(.type)
            }
        case .binary(let op, let l, let r):
            return try binary(op, l, r)
        case .ternary(let c, let t, let o):
            guard case .bool(let b) = try eval(c) else { throw fail(.type) }
            return b ? try eval(t) : try eval(o)
        case .member, .index:
            return try chain(e) ?? .null
        case .call(let name, let args):
            return try call(name, args)
        }
    }

    /// Evaluates a member/index chain; `nil` means a `?.` met nil and the whole chain is nil.
    private mutating func chain(_ e: ReferenceExpr) throws -> Value? {
        let objectExpr: ReferenceExpr
        let optional: Bool
        switch e {
        case .member(let o, _, let opt), .index(let o, _, let opt):
            objectExpr = o
            optional = opt
        default:
            return try eval(e)
        }
        // The actor's members are checked by name when the chain starts at the name `actor`.
        if case .name("actor") = objectExpr {
            guard let actor = env.actor else {
                if optional { return nil }
                throw fail(.nilMember)
            }
            var key: Value
            switch e {
            case .member(_, let name, _): key = .string(name)
            case .index(_, let k, _): key = try eval(k)
            default: key = .null
            }
            guard case .string(let name) = key else { throw fail(.type) }
            if name == "id" { return .string(actor.id) }
            if name == "meta" { return .map(actor.meta) }
            throw fail(.unknownMember)
        }
        guard let object = try chain(objectExpr) else { return nil }
        if object == .null {
            if optional { return nil }
            throw fail(.nilMember)
        }
        switch e {
        case .member(_, let name, _):
            guard case .map(let m) = object else { throw fail(.type) }
            return m[name] ?? .null
        case .index(_, let keyExpr, _):
            let key = try eval(keyExpr)
            switch object {
            case .map(let m):
                guard case .string(let k) = key else { throw fail(.type) }
                return m[k] ?? .null
            case .list(let l):
                guard case .int(let i) = key else { throw fail(.type) }
                let position = i >= 0 ? i : l.count + i
                if position < 0 || position >= l.count { throw fail(.indexOutOfRange) }
                return l[position]
            default:
                throw fail(.type)
            }
        default:
            return nil
        }
    }
}
