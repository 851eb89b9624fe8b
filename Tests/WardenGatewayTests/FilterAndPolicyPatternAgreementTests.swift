import Testing
import WardenAuditRecord
import WardenAuditReview
import WardenPolicy
import WardenValue

/// `warden audit query --action P` promises to select the records a policy with action `P`
/// would match. Both sides use the one pattern language; this table drives the real compiled
/// policy set and the real review filter and demands the same answer from both.
@Suite("audit filters and policy patterns agree")
struct FilterAndPolicyPatternAgreementTests {
    static let rows: [(pattern: String, subject: String)] = [
        ("process.send", "process.send"), ("process.send", "process.sends"), ("*", ""), ("*", "anything"),
        ("**", "abc"), ("*.read", "document.read"), ("*.read", ".read"), ("*.read", "document.reader"),
        ("a*b", "ab"), ("a*b", "a"), ("a*a", "a"), ("a*a", "aa"), ("a*b*c", "acb"), ("a*b*c", "abbc"),
        ("process.spawn.*", "process.spawn"), ("process.spawn.*", "process.spawn.linked"),
        ("process.spawn.*", "process.spawn."), ("process.spawn.*", "process.spawner"),
        ("{app:processes|*", "{app:processes|0x00002}"), ("{app:processes|*", "{node1@app:processes|0x1}"),
        ("Process.send", "process.send"), ("a?b", "axb"), ("[ab]", "a"), ("caf\u{E9}", "cafe\u{301}"),
        ("*\u{E9}", "caf\u{E9}"), ("user:*", "user:\u{FC}n\u{EF}"), (".*", ""), ("*", "x"),
    ]

    @Test(arguments: rows.indices)
    func theReviewFilterSelectsWhatThePolicyPatternMatches(index: Int) throws {
        let (pattern, subject) = Self.rows[index]
        let definition = PolicyDefinition(
            namespace: "t", name: "p", effect: .allow, actions: [pattern], resources: [pattern],
            body: .conditions([]))
        let set = try PolicySet.compile([definition]).get()
        let request = AuthorizationRequest(actor: Actor(id: "u"), action: subject, resource: subject, meta: [:])
        let policyMatches = set.evaluate(request, in: set.allPolicies).policies.contains("t:p")

        let record = AuditRecord(
            entry: AuditEntry(
                op: subject, caller: AuditCaller(pid: nil, actor: Actor(id: subject), context: .complete),
                checks: [AuditCheck(action: subject, resource: subject, decision: .allow, policies: [subject])],
                decision: .allow, policyRevision: "r", durationNanoseconds: 0),
            id: "1", seq: 1, node: "n", prev: "", hash: "")
        let glob = AuditGlob(pattern)
        let filters = [
            AuditFilter(actor: glob), AuditFilter(action: glob), AuditFilter(resource: glob),
            AuditFilter(policy: glob), AuditFilter(op: glob),
        ]
        for filter in filters {
            #expect(filter.matches(record) == policyMatches, "`\(pattern)` on `\(subject)`: \(filter)")
        }
    }
}
