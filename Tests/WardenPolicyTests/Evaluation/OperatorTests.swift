import Testing
import WardenPolicy
import WardenValue

/// Every operator of spec section 4, on a field `meta.f` (`nil` = missing).
@Suite("condition operators (spec section 4)")
struct OperatorTests {
    enum Expected: String { case holds, fails, error }

    struct Row: CustomTestStringConvertible {
        var field: Value?
        var op: ConditionOperator
        var value: Value
        var expected: Expected
        var testDescription: String {
            "\(field.map(\.canonicalJSON) ?? "missing") \(op) \(value.canonicalJSON) \(expected)"
        }
        init(_ field: Value?, _ op: ConditionOperator, _ value: Value, _ expected: Expected) {
            self.field = field
            self.op = op
            self.value = value
            self.expected = expected
        }
    }

    static let equality: [Row] = [
        Row("admin", .eq, "admin", .holds),
        Row("admin", .eq, "Admin", .fails),
        Row(42, .eq, "42", .holds),
        Row("1.0", .eq, 1, .holds),
        Row("1e3", .eq, 1000, .holds),
        Row(1, .eq, 1.0, .holds),
        Row(" 1", .eq, 1, .fails),
        Row(true, .eq, "true", .holds),
        Row(true, .eq, 1, .fails),
        Row(false, .eq, 0, .fails),
        Row("1", .eq, true, .fails),
        Row(["a", 1], .eq, ["a", 1], .holds),
        Row(["a", 1], .eq, ["a", "1"], .fails),
        Row(["k": 1], .eq, ["k": 1], .holds),
        Row(["a"], .eq, "a", .fails),
        Row("nil", .eq, nil, .fails),
        Row(1.5, .eq, "1.5", .holds),
        Row(nil, .eq, "x", .fails),
        Row("a", .ne, "b", .holds),
        Row(42, .ne, "42", .fails),
        Row(true, .ne, 1, .holds),
        Row(nil, .ne, "deleted", .fails),
        Row("x", .ne, nil, .holds),
    ]

    static let ordering: [Row] = [
        Row(2, .lt, 3, .holds),
        Row("2", .lt, 3, .holds),
        Row("9", .lt, "10", .holds),
        Row(3, .lt, 3, .fails),
        Row(3, .lte, 3, .holds),
        Row(4, .lte, 3, .fails),
        Row(4, .gt, "3.5", .holds),
        Row(3, .gt, 3, .fails),
        Row(3, .gte, 3.0, .holds),
        Row(1000, .gte, "1e3", .holds),
        Row(-1, .gte, 0, .fails),
        Row(9_007_199_254_740_993, .gt, 9_007_199_254_740_992, .holds),
        Row("high", .lt, 3, .error),
        Row(2, .lt, "three", .error),
        Row(true, .lt, 3, .error),
        Row(" 1", .gt, 0, .error),
        Row(["1"], .gte, 0, .error),
        Row(2, .lt, nil, .error),
        Row(nil, .lt, 3, .fails),
        Row(nil, .gte, 3, .fails),
    ]

    static let membership: [Row] = [
        Row("read", .in, ["read", "list"], .holds),
        Row("write", .in, ["read", "list"], .fails),
        Row(5, .in, ["5", 6], .holds),
        Row("read", .in, "read", .holds),
        Row("rea", .in, "read", .fails),
        Row(["a"], .in, [["a"]], .holds),
        Row(["distributor-admin"], .in, ["admin", "distributor-admin"], .fails),
        Row(nil, .in, ["a"], .fails),
        Row("write", .nin, ["read"], .holds),
        Row("read", .nin, ["read"], .fails),
        Row(["distributor-admin"], .nin, ["admin", "distributor-admin"], .holds),
        Row(nil, .nin, ["admin"], .fails),
    ]

    static let containment: [Row] = [
        Row("distributor-admin", .contains, "admin", .holds),
        Row("distributor", .contains, "admin", .fails),
        Row(12345, .contains, "23", .holds),
        Row(12345, .contains, 23, .holds),
        Row(true, .contains, "ru", .holds),
        Row(1.5, .contains, ".5", .holds),
        Row("anything", .contains, "", .holds),
        Row(["admin", "viewer"], .contains, "admin", .holds),
        Row(["distributor-admin", "super-admin"], .contains, "admin", .fails),
        Row([1, 2], .contains, "2", .holds),
        Row([], .contains, "admin", .fails),
        Row(["k": "admin"], .contains, "admin", .error),
        Row("vanilla", .contains, nil, .error),
        Row("abc", .contains, ["b"], .error),
        Row(nil, .contains, "a", .fails),
        Row([], .ncontains, "admin", .holds),
        Row(["admin"], .ncontains, "admin", .fails),
        Row("user", .ncontains, "admin", .holds),
        Row(nil, .ncontains, "admin", .fails),
    ]

    static let patterns: [Row] = [
        Row("document", .matches, "^doc.*$", .holds),
        Row("image", .matches, "^doc.*$", .fails),
        Row("my-document", .matches, "doc", .holds),
        Row(12345, .matches, "^[0-9]+$", .holds),
        Row(true, .matches, "^true$", .holds),
        Row(["a"], .matches, "a", .error),
        Row(["k": "a"], .matches, "a", .error),
        Row(nil, .matches, ".*", .fails),
        Row("/tmp/x", .nmatches, "^/tmp", .fails),
        Row("/home/x", .nmatches, "^/tmp", .holds),
        Row(nil, .nmatches, "^/tmp", .fails),
        Row(["a"], .nmatches, "b", .error),
    ]

    static let presence: [Row] = [
        Row("u", .exists, true, .holds),
        Row("u", .exists, false, .fails),
        Row(nil, .exists, true, .fails),
        Row(nil, .exists, false, .holds),
        Row("u", .nexists, true, .fails),
        Row("u", .nexists, false, .holds),
        Row(nil, .nexists, true, .holds),
        Row(nil, .nexists, false, .fails),
        Row("", .exists, true, .holds),
        Row([], .exists, true, .holds),
        Row(false, .exists, true, .holds),
    ]

    static func check(_ row: Row) throws {
        let meta: [String: Value] = row.field.map { ["f": $0] } ?? [:]
        let decision = try decide(
            [policy("p", conditions: [condition("meta.f", row.op, row.value)])], request(meta: meta))
        switch row.expected {
        case .holds:
            #expect(decision == Decision(outcome: .allow, policies: ["t:p"]))
        case .fails:
            #expect(decision == Decision(outcome: .undefined))
        case .error:
            #expect(decision.outcome == .undefined)
            #expect(decision.errors.map(\.policy) == ["t:p"])
        }
    }

    @Test(arguments: equality) func equalityOperators(_ row: Row) throws { try Self.check(row) }
    @Test(arguments: ordering) func orderingOperators(_ row: Row) throws { try Self.check(row) }
    @Test(arguments: membership) func membershipOperators(_ row: Row) throws { try Self.check(row) }
    @Test(arguments: containment) func containmentOperators(_ row: Row) throws { try Self.check(row) }
    @Test(arguments: patterns) func patternOperators(_ row: Row) throws { try Self.check(row) }
    @Test(arguments: presence) func presenceOperators(_ row: Row) throws { try Self.check(row) }

    @Test func aNullFieldCountsAsMissing() throws {
        let exists = try decide(
            [policy("p", conditions: [condition("meta.f", .exists, false)])], request(meta: ["f": nil]))
        #expect(exists.outcome == .allow)
        let ne = try decide([policy("p", conditions: [condition("meta.f", .ne, "x")])], request(meta: ["f": nil]))
        #expect(ne.outcome == .undefined)
    }

    @Test func inLooksIntoAListFromValueFrom() throws {
        let decision = try decide(
            [policy("p", conditions: [condition("actor.id", .in, from: "meta.allowed")])],
            request(meta: ["allowed": ["u", "v"]]))
        #expect(decision.outcome == .allow)
    }

    @Test func inWithANonListFromValueFromIsAnEvaluationError() throws {
        let decision = try decide(
            [policy("p", conditions: [condition("actor.id", .in, from: "meta.allowed")])],
            request(meta: ["allowed": 5]))
        #expect(decision.outcome == .undefined)
        #expect(
            decision.errors.first?.message == "condition 1: `in` needs a list or a string to look in, found int `5`")
    }

    @Test func conditionsAreAndedAndStopAtTheFirstThatFails() throws {
        let conditions = [condition("meta.a", .eq, 1), condition("meta.b", .lt, 3)]
        #expect(try decide([policy("p", conditions: conditions)], request(meta: ["a": 1, "b": 2])).outcome == .allow)
        #expect(
            try decide([policy("p", conditions: conditions)], request(meta: ["a": 1, "b": 5])).outcome == .undefined)
        // The first condition fails, so the second (which would error) is not evaluated.
        let stopped = try decide([policy("p", conditions: conditions)], request(meta: ["a": 2, "b": "x"]))
        #expect(stopped == Decision(outcome: .undefined))
        let errored = try decide([policy("p", conditions: conditions)], request(meta: ["a": 1, "b": "x"]))
        #expect(errored.errors.first?.message.hasPrefix("condition 2: ") == true)
    }
}
