import Testing
import WardenPolicy
import WardenValue

/// Cases the random differential test reaches only by chance, written out: each is decided by
/// the compiled evaluator and by the reference evaluator, and both must give the expected answer.
@Suite("explicit cases through both evaluators")
struct ExplicitCaseTests {
    /// The outcome and deciding policies from the compiled evaluator and from the reference one.
    static func decisions(
        _ definitions: [PolicyDefinition], _ request: AuthorizationRequest
    ) throws -> (compiled: ReferenceEvaluator.Result, reference: ReferenceEvaluator.Result) {
        let set = try compiled(definitions)
        let decision = set.evaluate(request, in: set.allPolicies)
        let compiledResult = ReferenceEvaluator.Result(
            outcome: decision.outcome, policies: decision.policies, erroring: decision.errors.map(\.policy))
        let referenceResult = ReferenceEvaluator.evaluate(definitions, scope: Set(definitions.map(\.id)), request)
        return (compiledResult, referenceResult)
    }

    /// Expects both evaluators to give `outcome`, decided by `policies`, without errors.
    static func expectBoth(
        _ definitions: [PolicyDefinition], _ request: AuthorizationRequest, _ outcome: Outcome, by policies: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let expected = ReferenceEvaluator.Result(outcome: outcome, policies: policies, erroring: [])
        let (compiledResult, referenceResult) = try decisions(definitions, request)
        #expect(compiledResult == expected, "compiled evaluator", sourceLocation: sourceLocation)
        #expect(referenceResult == expected, "reference evaluator", sourceLocation: sourceLocation)
    }

    // MARK: value_from reads the actor's meta, not the request's

    static let sameTeam = policy("same_team", conditions: [condition("meta.owner", .eq, from: "actor.meta.team")])

    @Test func valueFromActorMetaReadsTheActorWhenTheRequestDisagrees() throws {
        // The request's own `team` equals its `owner`; the actor's does not.
        let req = request(actor: Actor(id: "u", meta: ["team": "red"]), meta: ["owner": "blue", "team": "blue"])
        try Self.expectBoth([Self.sameTeam], req, .undefined, by: [])
    }

    @Test func valueFromActorMetaMatchesTheActorsValue() throws {
        // The actor's `team` equals the owner; the request's `team` does not.
        let req = request(actor: Actor(id: "u", meta: ["team": "red"]), meta: ["owner": "red", "team": "blue"])
        try Self.expectBoth([Self.sameTeam], req, .allow, by: ["t:same_team"])
    }

    @Test func valueFromActorMetaDenyAppliesOnlyWithTheActorsValue() throws {
        let deny = policy("other_team", .deny, conditions: [condition("meta.owner", .ne, from: "actor.meta.team")])
        let definitions = [policy("allow_all"), deny]
        let actor = Actor(id: "u", meta: ["team": "red"])
        try Self.expectBoth(
            definitions, request(actor: actor, meta: ["owner": "blue", "team": "blue"]), .deny, by: ["t:other_team"])
        try Self.expectBoth(
            definitions, request(actor: actor, meta: ["owner": "red", "team": "blue"]), .allow, by: ["t:allow_all"])
    }

    @Test func anActorMetaFieldReadsTheActorWhenTheRequestHasTheSameKey() throws {
        let admins = policy("admins", conditions: [condition("actor.meta.role", .eq, "admin")])
        let req = request(actor: Actor(id: "u", meta: ["role": "guest"]), meta: ["role": "admin"])
        try Self.expectBoth([admins], req, .undefined, by: [])
        let admin = request(actor: Actor(id: "u", meta: ["role": "admin"]), meta: ["role": "guest"])
        try Self.expectBoth([admins], admin, .allow, by: ["t:admins"])
    }

    // MARK: a literal pattern matches only the whole subject

    @Test(arguments: ["process.sendX", "process.send.x", "process.sen", "xprocess.send", "process.Send"])
    func aLiteralActionPatternDoesNotMatchAnotherAction(action: String) throws {
        let send = policy("send", actions: ["process.send"])
        try Self.expectBoth([send], request(action), .undefined, by: [])
        try Self.expectBoth([send], request("process.send"), .allow, by: ["t:send"])
    }

    @Test(arguments: ["app.workers:handler2", "app.workers:handle", "app.workers:handler.v2", "{app.workers:handler"])
    func aLiteralResourcePatternDoesNotMatchAnotherResource(resource: String) throws {
        let handler = policy("handler", .deny, resources: ["app.workers:handler"])
        try Self.expectBoth([handler], request("process.spawn", resource), .undefined, by: [])
        try Self.expectBoth([handler], request("process.spawn", "app.workers:handler"), .deny, by: ["t:handler"])
    }

    @Test func aDotStarPatternDoesNotMatchALongerWord() throws {
        let spawn = policy("spawn", actions: ["process.spawn.*"])
        try Self.expectBoth([spawn], request("process.spawner"), .undefined, by: [])
        try Self.expectBoth([spawn], request("process.spawn"), .allow, by: ["t:spawn"])
        try Self.expectBoth([spawn], request("process.spawn.linked"), .allow, by: ["t:spawn"])
    }
}
