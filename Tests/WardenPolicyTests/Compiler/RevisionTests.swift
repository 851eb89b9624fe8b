import Testing
import WardenPolicy
import WardenValue

@Suite("policy set revision")
struct RevisionTests {
    static let fileA = """
        namespace: app
        meta: {owner: platform}
        entries:
          - name: admin
            kind: security.policy
            groups: [admin]
            policy:
              actions: "*"
              resources: "*"
              effect: allow
              conditions:
                - field: actor.meta.role
                  operator: eq
                  value: admin
        """
    static let fileB = """
        namespace: app
        entries:
          - name: banned
            kind: security.policy
            policy: {actions: ["*"], resources: ["*"], effect: deny}
        """

    static func revision(_ files: [(String, String)]) throws -> String {
        try withTemporaryDirectory { dir in
            for (name, text) in files { try write(text, to: name, in: dir) }
            return try PolicyLoader().load(path: dir).get().revision
        }
    }

    @Test func theRevisionIsAHexSHA256() throws {
        let revision = try Self.revision([("a.yaml", Self.fileA)])
        #expect(revision.count == 64)
        #expect(revision.allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test func theRevisionDoesNotDependOnFileNamesOrOrder() throws {
        let one = try Self.revision([("a.yaml", Self.fileA), ("b.yaml", Self.fileB)])
        let two = try Self.revision([("z/b.yml", Self.fileB), ("c.yaml", Self.fileA)])
        #expect(one == two)
    }

    @Test func theRevisionDoesNotDependOnEntryOrderOrFormatting() throws {
        let split = try Self.revision([("a.yaml", Self.fileA), ("b.yaml", Self.fileB)])
        let together = try Self.revision([
            (
                "all.yaml",
                """
                # one file, other order, other formatting
                namespace: 'app'
                entries:
                - {name: banned, kind: security.policy, policy: {actions: "*", resources: ['*'], effect: "deny"}}
                - kind: security.policy
                  name: admin
                  meta:
                    owner: platform
                  groups: ["admin", admin]
                  policy:
                    effect: allow
                    resources: ["*"]
                    actions: ['*']
                    conditions: [{value: admin, operator: eq, field: actor.meta.role}]
                """
            )
        ])
        #expect(split == together)
    }

    @Test func theRevisionChangesWithContent() throws {
        let base = try Self.revision([("a.yaml", Self.fileA)])
        let changes = [
            Self.fileA.replacingOccurrences(of: "value: admin", with: "value: root"),
            Self.fileA.replacingOccurrences(of: "effect: allow", with: "effect: deny"),
            Self.fileA.replacingOccurrences(of: "owner: platform", with: "owner: security"),
            Self.fileA.replacingOccurrences(of: "groups: [admin]", with: "groups: [admins]"),
            Self.fileA.replacingOccurrences(of: "operator: eq", with: "operator: ne"),
            Self.fileA.replacingOccurrences(of: "name: admin", with: "name: admin2"),
            Self.fileA.replacingOccurrences(of: "actions: \"*\"", with: "actions: [\"*\", x]"),
            Self.fileA.replacingOccurrences(of: "value: admin", with: "value_from: meta.role"),
        ]
        var seen: Set<String> = [base]
        for changed in changes {
            let revision = try Self.revision([("a.yaml", changed)])
            #expect(!seen.contains(revision), "\(changed)")
            seen.insert(revision)
        }
    }

    @Test func aValueOfAnotherTypeIsOtherContent() throws {
        let int = try compiled([policy("p", conditions: [condition("meta.n", .eq, 1)])])
        let string = try compiled([policy("p", conditions: [condition("meta.n", .eq, "1")])])
        #expect(int.revision != string.revision)
    }
}
