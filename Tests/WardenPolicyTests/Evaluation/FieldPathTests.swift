import Testing
import WardenPolicy
import WardenValue

@Suite("field paths (spec section 4)")
struct FieldPathTests {
    static let actor = Actor(
        id: "user123", meta: ["role": "admin", "profile": ["contact": ["email": "a@example.com"]], "flat": "x"])
    static let meta: [String: Value] = [
        "owner": "user123", "document": ["owner": "user123"], "pid": "{h|p1}", "a.b": "dotted",
        "list": ["x"],
    ]

    struct Row: CustomTestStringConvertible {
        var path: String
        var value: Value?
        var testDescription: String { "`\(path)` is \(value?.canonicalJSON ?? "missing")" }
    }

    static let rows: [Row] = [
        Row(path: "actor.id", value: "user123"),
        Row(path: "actor.meta.role", value: "admin"),
        Row(path: "actor.meta.profile.contact.email", value: "a@example.com"),
        Row(path: "actor.meta.profile.missing", value: nil),
        Row(path: "actor.meta.flat.deeper", value: nil),
        Row(path: "action", value: "document.read"),
        Row(path: "action.anything", value: "document.read"),
        Row(path: "resource", value: "document:9"),
        Row(path: "resource.x.y", value: "document:9"),
        Row(path: "meta.owner", value: "user123"),
        Row(path: "meta.document.owner", value: "user123"),
        Row(path: "meta.list.0", value: nil),
        Row(path: "pid", value: "{h|p1}"),
        Row(path: "meta.pid", value: "{h|p1}"),
        Row(path: "a.b", value: "dotted"),
        Row(path: "meta.a.b", value: nil),
        Row(path: "owner", value: "user123"),
        Row(path: "actorx", value: nil),
    ]

    @Test(arguments: rows)
    func pathResolvesPerTheSpecTable(_ row: Row) throws {
        let exists = try decide(
            [policy("p", conditions: [condition(row.path, .exists, true)])],
            request("document.read", "document:9", actor: Self.actor, meta: Self.meta))
        #expect(exists.outcome == (row.value == nil ? .undefined : .allow))
        if let value = row.value {
            let equal = try decide(
                [policy("p", conditions: [condition(row.path, .eq, value)])],
                request("document.read", "document:9", actor: Self.actor, meta: Self.meta))
            #expect(equal.outcome == .allow)
        }
    }

    @Test(arguments: [
        "actor", "meta", "actor.name", "actor.ID", "actor.", "actor.id.x", "meta.", "meta..a", "actor.meta..x", "",
    ])
    func pathsThatNameNothingAreLoadErrors(_ path: String) {
        let result = PolicySet.compile([policy("p", conditions: [condition(path, .eq, 1)])])
        #expect(result.policySet == nil)
        #expect(result.errors.map(\.code) == [.badFieldPath])
        let fromResult = PolicySet.compile([policy("p", conditions: [condition("meta.x", .eq, from: path)])])
        #expect(fromResult.errors.map(\.code) == [.badFieldPath])
    }

    @Test func actorPathsWithoutAnActorAreEvaluationErrors() throws {
        for path in ["actor.id", "actor.meta.role", "actor.meta"] {
            let decision = try decide([policy("p", conditions: [condition(path, .exists, false)])], request(actor: nil))
            #expect(decision.outcome == .undefined)
            #expect(
                decision.errors == [
                    PolicyEvaluationError(
                        policy: "t:p", message: "condition 1: `\(path)` reads the actor, and the request has none")
                ])
            #expect(!decision.contextComplete)
        }
        let fromActor = try decide(
            [policy("p", conditions: [condition("meta.owner", .eq, from: "actor.id")])],
            request(actor: nil, meta: ["owner": "u"]))
        #expect(fromActor.errors.map(\.policy) == ["t:p"])
    }

    @Test func aPolicyWithoutConditionsNeverLooksAtTheActor() throws {
        #expect(try decide([policy("p")], request(actor: nil)).outcome == .allow)
    }

    @Test func valueFromComparesWithAnotherField() throws {
        let owner = [policy("p", conditions: [condition("meta.owner", .eq, from: "actor.id")])]
        #expect(try decide(owner, request(meta: ["owner": "u"])).outcome == .allow)
        #expect(try decide(owner, request(meta: ["owner": "someone"])).outcome == .undefined)
    }

    @Test func aMissingValueFromIsNull() throws {
        let ne = [policy("p", conditions: [condition("meta.owner", .ne, from: "meta.missing")])]
        #expect(try decide(ne, request(meta: ["owner": "a"])).outcome == .allow)
        let eq = [policy("p", conditions: [condition("meta.owner", .eq, from: "meta.missing")])]
        #expect(try decide(eq, request(meta: ["owner": "nil"])).outcome == .undefined)
    }

    @Test func anEmptyActorIDIsStillAnActor() throws {
        let decision = try decide(
            [policy("p", conditions: [condition("actor.id", .exists, true)])], request(actor: Actor(id: "")))
        #expect(decision.outcome == .allow)
    }
}
