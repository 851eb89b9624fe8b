import Foundation
import WardenExpression
import WardenExpressionReference
import WardenPolicy
import WardenValue

/// A deliberately plain reading of spec/policy.md sections 2-4, used as an oracle for the
/// optimized evaluator: no index, no precompilation, naive string matching.
enum ReferenceEvaluator {
    /// What the reference says about one request.
    struct Result: Equatable, CustomStringConvertible {
        var outcome: Outcome
        var policies: [String]
        var erroring: [String]

        var description: String { "\(outcome) by \(policies), errors in \(erroring)" }
    }

    /// Evaluates `request` against the policies of `definitions` whose ids are in `scope`;
    /// an expression policy's body is evaluated by the reference interpreter over its tree in
    /// `expressions` (by source text; a body without a tree there is an error).
    static func evaluate(
        _ definitions: [PolicyDefinition], scope: Set<String>, _ request: AuthorizationRequest,
        expressions: [String: ReferenceExpr] = [:]
    ) -> Result {
        var allows: [String] = []
        var denies: [String] = []
        var erroring: [String] = []
        for definition in definitions where scope.contains(definition.id) {
            // Section 3: a policy applies only if some action pattern and some resource pattern match.
            let actionMatches = definition.actions.contains { patternMatches($0, request.action) }
            let resourceMatches = definition.resources.contains { patternMatches($0, request.resource) }
            if !actionMatches || !resourceMatches { continue }
            // Section 4: all conditions must hold. A false one decides (AND); otherwise any
            // error makes the policy an erroring one.
            let results: [Bool?]
            switch definition.body {
            case .conditions(let conditions): results = conditions.map { conditionHolds($0, request) }
            case .expression(let source): results = [expressionHolds(expressions[source], request)]
            }
            let applies = !results.contains(false)
            let failed = applies && results.contains(nil)
            // Section 2: an error is reported; an allow policy does not apply, a deny policy denies.
            if failed {
                erroring.append(definition.id)
                if definition.effect == .deny { denies.append(definition.id) }
            } else if applies {
                if definition.effect == .deny { denies.append(definition.id) } else { allows.append(definition.id) }
            }
        }
        let sort: ([String]) -> [String] = { $0.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        if !denies.isEmpty { return Result(outcome: .deny, policies: sort(denies), erroring: sort(erroring)) }
        if !allows.isEmpty { return Result(outcome: .allow, policies: sort(allows), erroring: sort(erroring)) }
        return Result(outcome: .undefined, policies: [], erroring: sort(erroring))
    }

    // MARK: Section 3, matching

    /// `*` matches any run; a pattern ending in `.*` also matches the text before it.
    static func patternMatches(_ pattern: String, _ text: String) -> Bool {
        if glob(Array(pattern.utf8), Array(text.utf8)) { return true }
        if pattern.hasSuffix(".*") {
            return glob(Array(pattern.utf8.dropLast(2)), Array(text.utf8))
        }
        return false
    }

    /// Textbook recursive glob over bytes.
    static func glob(_ pattern: [UInt8], _ text: [UInt8]) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        if first == UInt8(ascii: "*") {
            let rest = Array(pattern.dropFirst())
            for start in 0...text.count where glob(rest, Array(text[start...])) { return true }
            return false
        }
        guard let head = text.first, head == first else { return false }
        return glob(Array(pattern.dropFirst()), Array(text.dropFirst()))
    }

    // MARK: Section 4, fields

    enum Field {
        case value(Value)
        case missing
        case noActor
    }

    static func field(_ path: String, _ request: AuthorizationRequest) -> Field {
        let parts = path.components(separatedBy: ".")
        if parts[0] == "actor" {
            guard let actor = request.actor else { return .noActor }
            if parts == ["actor", "id"] { return .value(.string(actor.id)) }
            // actor.meta.a.b: through maps only.
            var current = Value.map(actor.meta)
            for key in parts.dropFirst(2) {
                guard case .map(let m) = current, let next = m[key] else { return .missing }
                current = next
            }
            return current == .null ? .missing : .value(current)
        }
        if parts[0] == "action" { return .value(.string(request.action)) }
        if parts[0] == "resource" { return .value(.string(request.resource)) }
        if parts[0] == "meta" {
            var current = Value.map(request.meta)
            for key in parts.dropFirst() {
                guard case .map(let m) = current, let next = m[key] else { return .missing }
                current = next
            }
            return current == .null ? .missing : .value(current)
        }
        guard let value = request.meta[path], value != .null else { return .missing }
        return .value(value)
    }

    // MARK: Section 6, expressions

    /// `true`/`false`, or `nil` for an evaluation error or a result that is not a boolean.
    static func expressionHolds(_ tree: ReferenceExpr?, _ request: AuthorizationRequest) -> Bool? {
        guard let tree else { return nil }
        var interpreter = ReferenceInterpreter(
            ExpressionEnvironment(
                actor: request.actor, action: request.action, resource: request.resource, meta: request.meta))
        guard case .success(.bool(let holds)) = interpreter.run(tree) else { return nil }
        return holds
    }

    // MARK: Section 4, operators

    /// `true`/`false`, or `nil` for an evaluation error.
    static func conditionHolds(_ condition: ConditionDefinition, _ request: AuthorizationRequest) -> Bool? {
        let f: Value?
        switch field(condition.field, request) {
        case .noActor: return nil
        case .missing: f = nil
        case .value(let v): f = v
        }
        let c: Value
        switch condition.operand {
        case .value(let v): c = v
        case .valueFrom(let path):
            switch field(path, request) {
            case .noActor: return nil
            case .missing: c = .null
            case .value(let v): c = v
            }
        }
        let op = condition.op
        if op == .exists { return (f != nil) == (c == .bool(true)) }
        if op == .nexists { return (f == nil) == (c == .bool(true)) }
        guard let f else { return false }  // missing field: everything else is false
        switch op {
        case .eq: return equal(f, c)
        case .ne: return !equal(f, c)
        case .lt, .gt, .lte, .gte:
            guard let a = number(f), let b = number(c) else { return nil }
            if case .int(let x) = f, case .int(let y) = c {
                switch op {
                case .lt: return x < y
                case .gt: return x > y
                case .lte: return x <= y
                default: return x >= y
                }
            }
            switch op {
            case .lt: return a < b
            case .gt: return a > b
            case .lte: return a <= b
            default: return a >= b
            }
        case .in, .nin:
            var found: Bool
            if case .list(let items) = c {
                found = items.contains { equal(f, $0) }
            } else if case .string = c {
                found = equal(f, c)
            } else {
                return nil
            }
            return op == .in ? found : !found
        case .contains, .ncontains:
            var found: Bool
            if case .list(let items) = f {
                found = items.contains { equal($0, c) }
            } else if case .map = f {
                return nil
            } else {
                guard c != .null, let needle = stringForm(c), let haystack = stringForm(f) else { return nil }
                found =
                    needle.isEmpty
                    || haystack.utf8.count >= needle.utf8.count
                        && (0...(haystack.utf8.count - needle.utf8.count)).contains { start in
                            Array(haystack.utf8)[start..<(start + needle.utf8.count)].elementsEqual(needle.utf8)
                        }
            }
            return op == .contains ? found : !found
        case .matches, .nmatches:
            guard let subject = stringForm(f), case .string(let pattern) = c,
                let regex = RegexCache.regex(pattern)
            else { return nil }
            let found = (try? regex.firstMatch(in: subject)) != nil
            return op == .matches ? found : !found
        case .exists, .nexists:
            return nil  // handled above
        }
    }

    /// Same type and value; else numbers; else scalar string forms; null equals only null.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        if a == b { return true }
        if a == .null || b == .null { return false }
        if let x = number(a), let y = number(b) { return x == y }
        if let x = stringForm(a), let y = stringForm(b) { return x == y }
        return false
    }

    /// Numbers and numeric strings (no trimming); booleans are never numeric.
    static func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .string(let s):
            // sign? digits [. digits] [e sign? digits], at least one digit before the exponent.
            let pattern = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/
            return s.wholeMatch(of: pattern) != nil ? Double(s) : nil
        default: return nil
        }
    }

    /// Strings as they are, numbers in decimal, booleans `true`/`false`; lists and maps none.
    static func stringForm(_ v: Value) -> String? {
        switch v {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double: return v.stringForm  // shortest round-trip without exponent (WardenValue)
        case .null: return "nil"
        case .list, .map: return nil
        }
    }
}

/// Compiled Swift regular expressions by pattern (building one is slow), per thread.
enum RegexCache {
    private final class Box {
        var regexes: [String: Regex<AnyRegexOutput>] = [:]
    }

    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        let key = "warden.reference.regexes"
        let box: Box
        if let existing = Thread.current.threadDictionary[key] as? Box {
            box = existing
        } else {
            box = Box()
            Thread.current.threadDictionary[key] = box
        }
        if let cached = box.regexes[pattern] { return cached }
        let built = try? Regex(pattern)
        box.regexes[pattern] = built
        return built
    }
}
